#pragma once
// The trained hybrid recommender as plain arrays, read-only once loaded so
// request threads share one instance without a lock (no LibTorch here).
//
// A user is the sum of an id vector (zero for a user the model never saw)
// and the weighted mean of their feature vectors (profile tags and the items
// in their history; with `separate_history_mean`, one mean of the profile
// tags plus one of the history items, so a long history does not drown the
// stated preferences), plus one vector per context feature (time of day,
// occasion, party size). An item is its id vector plus the mean of its
// feature vectors (course, ingredients, ...); an item the model never saw is
// built from its features alone. score(u, i) = u · i + bias(i)
// + familiarity(u, i), where for an item the user ordered on n >= 1 earlier
// visits familiarity = reorder_bias + item_reorder_bias(i) + reorder_slope
// × ln n (0 for an item not in their history; a new item has no
// item_reorder_bias): how much more likely a dish is because this guest has
// had it, learned rather than left to the averaged history features, which
// a long history dilutes.
//
// File format (docs/evaluation/recommender.md, "Hybrid model file"):
//   8 bytes magic "SBMHYBR\0", uint32 version, uint64 n + n bytes of JSON
//   header (dims, vocabularies, metrics, data hash, menu identity), then the
//   arrays in a fixed order, each uint64 count + count values (int64 keys,
//   float32 weights). Little-endian. Every count is checked against the
//   header and the file size; nothing may follow the last array.

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "models/recommendation/dot_product.h"
#include "models/recommendation/row_index.h"

namespace sobremesa::recommendation {

// Version 2 added the serving choice ("serving" in the header), version 3
// the familiarity term (arrays item_reorder_biases and reorder).
inline constexpr uint32_t kHybridModelVersion = 3;
inline constexpr int kMaxHybridDim = 128;

// How the served ranking is made, per guest type, chosen at training time by
// NDCG@10 on a validation window: the weight of the co-occurrence model's
// score (popularity in context, dishes ordered together, re-orders; in
// [0, 1]) against the hybrid model's score scaled to [0, 1] over the
// candidates. 0 = the hybrid model alone, 1 = the co-occurrence model alone.
struct ServingChoice {
  double with_history = 0;     // guests who ordered here before
  double without_history = 0;  // new guests
  double For(bool has_history) const { return has_history ? with_history : without_history; }
  bool operator==(const ServingChoice&) const = default;
};

// What the model file says about where the model came from.
struct HybridModelInfo {
  std::string loss;            // "bpr" or "softmax"
  std::string data_hash;       // of the training signals
  std::string menu_identity;   // of the catalogue the item keys belong to
  std::int64_t trained_at = 0;
  ServingChoice serving;
  // Profile and history features pooled in two means rather than one.
  bool separate_history_mean = false;
  // Includes the validation NDCG@10 behind `serving` ("validation_...").
  std::vector<std::pair<std::string, double>> metrics;
  // Feature vocabularies: name of each feature id, e.g. "course:main".
  std::vector<std::string> user_feature_names, item_feature_names, context_feature_names;
};

// A feature of a user at serving time with its weight (history items weigh
// by how often they were ordered; tonight's items weigh more).
struct WeightedFeature {
  int32_t id = 0;
  float weight = 1;
  bool history = false;  // an item the user ordered (before or tonight)
};

class HybridModel {
 public:
  HybridModel() = default;
  // Arrays as the trainer produces them; sizes must match the dims
  // (checked by Validate). Keys map external ids (guest / item ids) to rows
  // and must be ascending.
  struct Arrays {
    int32_t dim = 0;
    std::vector<int64_t> user_keys, item_keys;
    std::vector<float> user_ids;         // num_users x dim
    std::vector<float> user_features;    // num_user_features x dim
    std::vector<float> item_vectors;     // num_items x dim: id + mean feature vector
    std::vector<float> item_biases;      // num_items
    std::vector<float> item_features;    // num_item_features x dim
    std::vector<float> item_feature_biases;  // num_item_features
    std::vector<float> context;          // num_context_features x dim
    std::vector<float> item_reorder_biases;  // num_items
    std::vector<float> reorder;          // 2: {reorder_bias, reorder_slope}
  };
  static StatusOr<HybridModel> Create(Arrays arrays, HybridModelInfo info);

  int32_t dim() const { return a_.dim; }
  int32_t num_users() const { return static_cast<int32_t>(a_.user_keys.size()); }
  int32_t num_items() const { return static_cast<int32_t>(a_.item_keys.size()); }
  const HybridModelInfo& info() const { return info_; }
  // For training code: metrics known only once the model exists.
  void AddMetric(std::string name, double value) { info_.metrics.emplace_back(std::move(name), value); }
  void SetServing(ServingChoice serving) { info_.serving = serving; }
  const Arrays& arrays() const { return a_; }

  // Row of a key, or -1 when the model never saw it (a direct table for
  // the store's dense ids, binary search otherwise).
  int32_t UserIndex(int64_t key) const { return user_rows_.Find(key); }
  int32_t ItemIndex(int64_t key) const { return item_rows_.Find(key); }

  const float* item_vector(int32_t item) const { return &a_.item_vectors[size_t(item) * a_.dim]; }
  float item_bias(int32_t item) const { return a_.item_biases[item]; }
  const float* user_feature_vector(int32_t f) const {
    return &a_.user_features[size_t(f) * a_.dim];
  }

  // Writes the vector of a user into out[0..dim): id vector (user >= 0),
  // weighted mean of `features` (or, with separate_history_mean, of the
  // profile and of the history ones apart), plus each context feature.
  void UserVector(int32_t user, std::span<const WeightedFeature> features,
                  std::span<const int32_t> context, float* out) const;
  // Writes the vector of an item the model never saw, from its features
  // alone, into out[0..dim); returns its bias.
  float NewItemVector(std::span<const int32_t> features, float* out) const;

  float Score(const float* user, int32_t item) const {
    return Dot(user, item_vector(item)) + item_bias(item);
  }
  // The familiarity term of an item (row, or -1 for one the model never
  // saw) the user ordered on `visits` earlier visits; 0 when visits <= 0.
  float Familiarity(int32_t item, int visits) const {
    if (visits <= 0) return 0;
    const float slope_term = visits < kLogTableSize ? log_visits_[visits] * a_.reorder[1]
                                                    : LogVisits(visits) * a_.reorder[1];
    return a_.reorder[0] + (item >= 0 ? a_.item_reorder_biases[item] : 0.f) + slope_term;
  }
  float Dot(const float* a, const float* b) const {
    return recommendation::Dot(a, b, a_.dim);
  }

  // Internal on an I/O failure; the file is replaced atomically.
  Status Save(const std::string& path) const;
  // NotFound if absent; InvalidArgument naming the file if it is not a
  // hybrid model file, has another version, or is truncated or inconsistent.
  static StatusOr<HybridModel> Load(const std::string& path);

 private:
  Status Validate() const;
  void BuildRowIndexes();
  static float LogVisits(int visits);

  // ln n for the visit counts most histories hold, so a request takes no log.
  static constexpr int kLogTableSize = 32;
  float log_visits_[kLogTableSize] = {};

  Arrays a_;
  HybridModelInfo info_;
  RowIndex user_rows_, item_rows_;  // built from a_.user_keys, a_.item_keys
};

}  // namespace sobremesa::recommendation
