#pragma once
// The implicit leave-one-out protocol of He et al. (WWW 2017) on MovieLens 1M
// (docs/evaluation/recommender.md): each user's held-out item is ranked among
// its 99 sampled negatives from ml-1m.test.negative; HR@10 and NDCG@10.
// Hyper-parameters of every model are tuned on the mean of two validation
// splits carved from ml-1m.train.implicit.tsv (one random training item per
// user, ranked among 99 items that user never touched, under two seeds); the
// test file is read only to score, and not at all when the environment sets
// SOBREMESA_NCF_VALIDATION_ONLY (tuning only, no rows) or
// SOBREMESA_NCF_RECORDED_CHOICES (experiments on top of the recorded
// choices, no rows: movielens_1m_ncf_experiments.h).

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/recommendation/metric_table.h"
#include "evaluation/recommendation/progress_log.h"

namespace sobremesa::recommendation {

// Rows for "sobremesa" (EASE or DLAE, optionally user-weighted, plus the
// shares of item-kNN, RP3beta, iALS, a user-side model and sampled-negative
// MF chosen on validation, the last three possibly per history-length
// bucket: one item-to-item matrix plus weighted scores of the others),
// "ease" (its EASE-family part alone), "ials", "rp3beta", "item_knn",
// "user_ease", "user_knn", "sampled_mf" and "popularity": HR@10, NDCG@10,
// train_seconds.
// Loader errors name the file and line.
StatusOr<std::vector<MetricRow>> RunMovielens1mNcfProtocol(const std::string& dir,
                                                           const ProgressLog& log);

}  // namespace sobremesa::recommendation
