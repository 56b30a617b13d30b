#pragma once
// Trains the hybrid model of one restaurant from its records and labels it
// with the data hash and menu identity that serving checks.

#include "models/recommendation/hybrid_trainer.h"
#include "models/recommendation/restaurant_training_data.h"

namespace sobremesa::recommendation {

struct RestaurantHybridOptions {
  HybridOptions model;
  SignalWeights weights;
};

// InvalidArgument when there is nothing to learn from (no guest ever
// ordered); Internal when LibTorch fails. `metrics` go into the file.
StatusOr<HybridModel> TrainRestaurantHybrid(
    const RestaurantRecords& records, Id restaurant_id, const RestaurantHybridOptions& options,
    UnixSeconds now, std::vector<std::pair<std::string, double>> metrics = {});

}  // namespace sobremesa::recommendation
