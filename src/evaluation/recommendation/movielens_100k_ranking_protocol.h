#pragma once
// The implicit full-ranking protocol on MovieLens 100K
// (docs/evaluation/recommender.md): every rating in u.data is an interaction;
// each user's last 10 by time are held out and ranked against all items the
// user has not rated. Hyper-parameters are tuned on the 10 before those
// (validation), with models fit on the rest; the test items are read only
// to score the final models, which are refit on everything but the test.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

// Rows (dataset "movielens-100k") for "sobremesa" (EASE), "item_knn" and
// "popularity": HR@10, NDCG@10, Recall@20, coverage, ranking_train_seconds.
// Loader errors name the file and line.
StatusOr<std::vector<MetricRow>> RunMovielens100kRankingProtocol(const std::string& dir,
                                                                 const ProgressLog& log);

}  // namespace sobremesa::recommendation
