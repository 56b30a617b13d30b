#pragma once
// The training input of the hybrid model, generic enough for any data set:
// weighted user–item interactions plus, per user and per item, a list of
// feature ids (profile tags, categories, the items in a user's history ...),
// and optionally per-interaction context features (time of day, occasion).
// Plain C++ types so loaders never see LibTorch. Ids are dense and 0-based.

#include <cstdint>
#include <span>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// Rows of feature ids stored back to back (compressed sparse rows). A
// feature may carry the group (session, visit) it comes from, -1 for none;
// a feature may repeat (an item ordered on three visits appears three times).
class FeatureRows {
 public:
  void AddRow(std::span<const int32_t> ids);
  // `groups` has one entry per id.
  void AddRow(std::span<const int32_t> ids, std::span<const int32_t> groups);
  int32_t rows() const { return static_cast<int32_t>(offsets_.size()) - 1; }
  std::span<const int32_t> Row(int32_t r) const {
    return {ids_.data() + offsets_[r], ids_.data() + offsets_[r + 1]};
  }
  std::span<const int32_t> Groups(int32_t r) const {
    return {groups_.data() + offsets_[r], groups_.data() + offsets_[r + 1]};
  }
  const std::vector<int32_t>& ids() const { return ids_; }

 private:
  std::vector<int64_t> offsets_{0};
  std::vector<int32_t> ids_, groups_;
};

// One observed signal. weight > 0: the user liked the item that much (an
// order, a re-order, a view, a good rating); weight < 0: an explicit
// negative (a dish sent back, a poor rating). `context_row` indexes
// HybridData::context (-1: no context). `group` is the session it happened
// in: training on it leaves out the user's features of the same group, so
// the model learns from what was known before the meal (the items of the
// same visit), not from the answer itself.
struct WeightedInteraction {
  int32_t user = 0;
  int32_t item = 0;
  float weight = 1;
  int32_t context_row = -1;
  int32_t group = -1;
};

struct HybridData {
  int32_t num_users = 0;
  int32_t num_items = 0;
  int32_t num_user_features = 0;
  int32_t num_item_features = 0;
  int32_t num_context_features = 0;
  FeatureRows user_features;  // one row per user (may be empty rows)
  FeatureRows item_features;  // one row per item
  FeatureRows context;        // rows referenced by interactions
  std::vector<WeightedInteraction> interactions;
  // Optional, one per item: the user feature that marks the item in a
  // user's history (-1: none). Given, the model learns a familiarity term
  // (hybrid_model.h) from how many of the user's other groups hold the item;
  // empty: no such term (generic data sets without history features).
  std::vector<int32_t> item_history_feature;
  // The caller's ids of users and items (ascending), copied into the model
  // so serving can find rows by id; empty means 0..n-1.
  std::vector<int64_t> user_keys, item_keys;
};

// Ok if every row count and id is in range and there is at least one
// positive interaction; InvalidArgument naming the first problem otherwise.
Status ValidateHybridData(const HybridData& data);

}  // namespace sobremesa::recommendation
