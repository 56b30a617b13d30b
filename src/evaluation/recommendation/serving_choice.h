#pragma once
// Which model serves each guest type, chosen on a validation window: the
// hybrid model learns from profiles and features, so it carries new guests;
// for guests with a history the co-occurrence model (popularity in context,
// dishes ordered together, re-orders) can rank better. Serving follows the
// choice stored in the hybrid model file (hybrid_model.h, ServingChoice).
//
// Validation window: train on visits before the 80th percentile of visit
// times, validate on the visits from the 80th to the 90th; the last 10 % is
// never looked at (it is the demo protocol's test).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "evaluation/recommendation/holdout_scoring.h"
#include "models/recommendation/restaurant_hybrid_trainer.h"

namespace sobremesa::recommendation {

// Below this many validation visits of a guest type the comparison is noise:
// that type keeps the hybrid model.
inline constexpr int kMinValidationVisits = 30;

struct ServingValidation {
  HoldoutScore hybrid, cooccurrence;
  ServingChoice choice;
  // NDCG@10 per guest type and model, and the visit counts, for the model
  // file: "validation_ndcg10_with_history_hybrid", ...
  std::vector<std::pair<std::string, double>> Metrics() const;
};

// Per guest type, the model with the higher NDCG@10 (the hybrid on a tie or
// with fewer than kMinValidationVisits visits).
ServingChoice ChooseServing(const HoldoutScore& hybrid, const HoldoutScore& cooccurrence);

// train < 80th percentile of visit times, validate on [80th, 90th).
DemoSplit ValidationSplit(const RestaurantSnapshot& snapshot);

// Scores `hybrid`, trained on the split's training window, against the
// co-occurrence model of the same window and chooses.
ServingValidation ValidateServing(const std::vector<MenuItem>& menu, const DemoSplit& validation,
                                  std::shared_ptr<const RestaurantHybridModel> hybrid);

// Trains the hybrid model with `options` on ValidationSplit(snapshot) and
// validates it. InvalidArgument when the training window has nothing to
// learn from (then there is nothing to choose by).
StatusOr<ServingValidation> ValidateServingOnSnapshot(const RestaurantSnapshot& snapshot,
                                                      const RestaurantHybridOptions& options);

}  // namespace sobremesa::recommendation
