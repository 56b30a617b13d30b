#pragma once
// Runs the evaluation protocol named `dataset` on the data in `dir`.
// Names: "movielens-100k" (explicit 5-fold, then implicit full ranking),
// "movielens-1m-ncf", "uci-restaurant", "demo" (a store's data directory, temporal holdout).
// InvalidArgument listing the
// names for any other; NotFound if `dir` is not a directory.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

StatusOr<std::vector<MetricRow>> EvaluateRecommender(const std::string& dataset,
                                                     const std::string& dir,
                                                     const ProgressLog& log);

}  // namespace sobremesa::recommendation
