#pragma once
// The hybrid model of one restaurant at serving time: the trained arrays plus
// the feature vocabulary that turns a guest, tonight's table and a menu item
// into rows of those arrays. Read-only; share one instance across threads.

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "domain/entities.h"
#include "domain/history.h"
#include "models/recommendation/hybrid_model.h"
#include "models/recommendation/restaurant_features.h"

namespace sobremesa::recommendation {

// Weight of an item ordered tonight against one from an earlier visit: what
// the table is eating now says more about the next course.
inline constexpr float kTonightFeatureWeight = 2.0f;

class RestaurantHybridModel {
 public:
  explicit RestaurantHybridModel(HybridModel model);

  // Loads a model file and checks it belongs to this restaurant's menu:
  // NotFound if absent; InvalidArgument if corrupt, or if it was trained for
  // another restaurant or on a menu sharing less than half its items with
  // `menu` (then it would score a different catalogue).
  static StatusOr<std::shared_ptr<const RestaurantHybridModel>> Load(
      const std::string& path, Id restaurant_id, std::span<const MenuItem> menu);

  const HybridModel& model() const { return model_; }
  const RestaurantFeatures& features() const { return features_; }
  int32_t dim() const { return model_.dim(); }

  // The guest's vector for tonight into out[0..dim): id row when known,
  // profile and history features, tonight's items (weighted more), context.
  // `scratch` is reused between calls to avoid allocating per request.
  struct Scratch {
    std::vector<WeightedFeature> features;
    std::vector<int32_t> ids;
  };
  void GuestVector(const Guest& guest, std::span<const ItemHistory> history,
                   std::span<const Id> tonight, const MealContext& context, Scratch& scratch,
                   float* out) const;

  // Score of a menu item for a guest vector, without the familiarity term;
  // an item the model never saw is scored from its features alone.
  float Score(const float* guest, const MenuItem& item) const;
  // The whole score: Score plus the familiarity term of the item from the
  // guest's `history` (a linear search: for evaluation and the blend; the
  // ranking hot path looks the term up by row, hybrid_ranking.cc).
  float Score(const float* guest, const MenuItem& item, std::span<const ItemHistory> history) const;
  // The familiarity term of `item` for a guest who ordered it on `visits`
  // earlier visits (0 for none).
  float Familiarity(const MenuItem& item, int visits) const {
    return model_.Familiarity(model_.ItemIndex(item.id), visits);
  }

  // A history item as the model reads it, gathered once per request.
  struct HistoryFeature {
    Id item_id;
    int32_t feature;  // user feature "hist:<item_id>"
    int visits;
  };
  // The items of `history` the vocabulary knows, in order, into `out`.
  void HistoryFeatures(std::span<const ItemHistory> history,
                       std::vector<HistoryFeature>& out) const;
  // The history item whose feature adds most to `item`'s score, and how
  // much (visits / total_weight x feature . item): what "you enjoyed X"
  // rests on. {0, 0} when none adds anything.
  std::pair<Id, float> StrongestHistory(std::span<const HistoryFeature> history, float total_weight,
                                        const MenuItem& item) const;

 private:
  // Row of an item: its vector and bias, computed into `buffer` when new.
  const float* ItemVector(const MenuItem& item, float* buffer, float& bias) const;

  HybridModel model_;
  RestaurantFeatures features_;
  // item vector . user feature for every model item and user feature
  // (num_items x num_user_features), made once at load: the reasons of a
  // request read these instead of a dot product per history item.
  std::vector<float> item_feature_dots_;
};

}  // namespace sobremesa::recommendation
