#pragma once
// The UCI Restaurant & Consumer protocol (docs/evaluation/recommender.md,
// "uci-restaurant"): restaurants ranked for diners whose ratings are held
// out, NDCG@5 with graded gain 2^rating − 1, for warm users (half of their
// ratings held out) and for users treated as new (all held out, profile
// only). Users are cut into folds under several seeds; every choice is made
// on validation users carved from the training users of each fold.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"
#include "evaluation/recommendation/uci_restaurant_loader.h"
#include "models/recommendation/hybrid_trainer.h"

namespace sobremesa::recommendation {

// One candidate of the hybrid model: trainer options and the weight of a
// rating of 0 (< 0: an explicit negative; 0: left out; > 0: a weak
// positive, the diner did go there). Ratings 1 and 2 weigh their gain, 1 and 3.
// With `history_features`, a user also has one feature per restaurant they
// rated in training (hidden while training on that very rating), as the
// restaurant's own model has one per dish ordered on earlier visits.
struct UciHybridConfig {
  HybridOptions model;
  float zero_rating_weight = -1;
  bool history_features = false;
};

// The candidates the protocol tries (docs/evaluation/recommender.md).
std::vector<UciHybridConfig> DefaultUciHybridGrid();

struct UciProtocolOptions {
  std::vector<uint64_t> seeds = {1, 2, 3};
  int32_t folds = 5;
  std::vector<UciHybridConfig> grid = DefaultUciHybridGrid();
};

// Rows for "sobremesa" (the hybrid model plus a distance term), "popularity",
// "profile_match" and "nearest" (distance alone): NDCG@5_warm, NDCG@5_new (means over seeds of the NDCG@5
// of all users, each held out once per seed) and NDCG@5_warm_sd,
// NDCG@5_new_sd (their standard deviation over seeds). Loader errors name
// the file and line.
StatusOr<std::vector<MetricRow>> RunUciRestaurantProtocol(const std::string& dir,
                                                          const ProgressLog& log);
StatusOr<std::vector<MetricRow>> RunUciRestaurantProtocol(const UciRestaurantData& data,
                                                          const UciProtocolOptions& options,
                                                          const ProgressLog& log);

}  // namespace sobremesa::recommendation
