#pragma once
// How the served ranking is made for each guest type, chosen on a validation
// window: the hybrid model learns from profiles and features, so it carries
// new guests; for guests with a history the co-occurrence model (popularity
// in context, dishes ordered together, re-orders) ranks better, and a blend
// of the two better still. The choice is the blend weight per guest type
// (hybrid_model.h, ServingChoice), stored in the hybrid model file and
// followed by serving.
//
// Validation window: train on visits before the 80th percentile of visit
// times, validate on the visits from the 80th to the 90th; the last 10 % is
// never looked at (it is the demo protocol's test).

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "models/recommendation/restaurant_hybrid_trainer.h"
#include "selection/recommendation/holdout_scoring.h"

namespace sobremesa::recommendation {

// Below this many validation visits of a guest type the comparison is noise:
// that type keeps the hybrid model alone.
inline constexpr int kMinValidationVisits = 30;
// Co-occurrence weights tried: 0, 1/kBlendSteps, ..., 1.
inline constexpr int kBlendSteps = 10;
inline double BlendWeight(int step) { return double(step) / kBlendSteps; }

struct ServingValidation {
  std::vector<HoldoutScore> by_step;  // kBlendSteps + 1, by co-occurrence weight
  ServingChoice choice;
  // For the model file: NDCG@10 per guest type of the hybrid alone, the
  // co-occurrence model alone and the chosen blend, the chosen weights and
  // the visit counts ("validation_ndcg10_with_history_hybrid", ...).
  std::vector<std::pair<std::string, double>> Metrics() const;
};

// Per guest type, the weight with the highest NDCG@10 (the lowest such
// weight on a tie); 0 with fewer than kMinValidationVisits visits.
ServingChoice ChooseServing(const std::vector<HoldoutScore>& by_step);

// train < 80th percentile of visit times, validate on [80th, 90th).
TemporalSplit ValidationSplit(const RestaurantSnapshot& snapshot);

// Scores every blend weight of `hybrid`, trained on the split's training
// window, and the co-occurrence model of the same window, and chooses.
ServingValidation ValidateServing(const std::vector<MenuItem>& menu,
                                  const TemporalSplit& validation,
                                  std::shared_ptr<const RestaurantHybridModel> hybrid);

// Trains the hybrid model with `options` on ValidationSplit(snapshot) and
// validates it. InvalidArgument when the training window has nothing to
// learn from (then there is nothing to choose by).
StatusOr<ServingValidation> ValidateServingOnSnapshot(const RestaurantSnapshot& snapshot,
                                                      const RestaurantHybridOptions& options);

}  // namespace sobremesa::recommendation
