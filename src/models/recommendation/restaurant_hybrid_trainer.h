#pragma once
// Trains the hybrid model of one restaurant from its records and labels it
// with the data hash and menu identity that serving checks.

#include "models/recommendation/hybrid_trainer.h"
#include "models/recommendation/restaurant_training_data.h"

namespace sobremesa::recommendation {

// The dimension chosen on the demo protocol's validation window
// (docs/evaluation/recommender.md, "The hybrid model"): the served ranking's
// NDCG@10 was 0.2335 at 8, 0.2334 at 4, 0.2298 at 16 (with the
// familiarity term on in all three). A restaurant's hundred dishes and
// guests of a few visits each leave little to fill more dimensions with.
inline constexpr int32_t kRestaurantHybridDim = 8;

inline HybridOptions RestaurantHybridModelOptions() {
  HybridOptions o;
  o.dim = kRestaurantHybridDim;
  return o;
}

struct RestaurantHybridOptions {
  HybridOptions model = RestaurantHybridModelOptions();
  SignalWeights weights;
};

// InvalidArgument when there is nothing to learn from (no guest ever
// ordered); Internal when LibTorch fails. `metrics` go into the file.
StatusOr<HybridModel> TrainRestaurantHybrid(
    const RestaurantRecords& records, Id restaurant_id, const RestaurantHybridOptions& options,
    UnixSeconds now, std::vector<std::pair<std::string, double>> metrics = {});

}  // namespace sobremesa::recommendation
