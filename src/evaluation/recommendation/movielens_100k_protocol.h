#pragma once
// The explicit-rating protocol on MovieLens 100K (docs/evaluation/recommender.md):
// for each official fold u1..u5, every candidate component's hyper-
// parameters, the blend's members, segmentation and weights are chosen on a
// random 10 % validation split of uN.base, the components are retrained on
// all of uN.base with them and the blend is scored on uN.test. RMSE and MAE
// are averaged over the five folds. The test folds are read only to score
// the final models.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

// Rows for model "sobremesa" (the blend, rating_blend.h) and for each
// candidate component alone: "biased_mf", "svdpp", "item_knn_baseline",
// "user_knn_baseline" and "bias_only" (mean + biases, the baseline):
// RMSE, MAE and train_seconds (mean per fold; the blend's counts its members). Errors from the loaders
// (NotFound / InvalidArgument naming file and line) or the trainer.
StatusOr<std::vector<MetricRow>> RunMovielens100kProtocol(const std::string& dir,
                                                          const ProgressLog& log);

}  // namespace sobremesa::recommendation
