#pragma once
// Trains the hybrid model (hybrid_model.h) with LibTorch on any HybridData.
// Two losses, chosen by name so evaluations can compare them:
//   kBpr: for each positive (u, i, w), -w log σ(s(u,i) - s(u,j)) with j
//         drawn uniformly from the catalogue;
//   kSampledSoftmax: for each positive, -w log softmax over i and `negatives`
//         items drawn uniformly per batch (shared by the batch).
// Explicit negatives (weight < 0) are paired with a positive of the same user
// in both: -|w| log σ(s(u,pos) - s(u,neg)).
// Id vectors are dropped with probability id_dropout per example so the
// feature vectors learn to stand in for them (cold-start users and items).
// With HybridData::item_history_feature, every score (positive, negatives)
// also carries the familiarity term, computed from the user's history in
// their other groups (visits), as serving computes it from earlier visits.

#include <cstdint>
#include <functional>

#include "models/recommendation/hybrid_data.h"
#include "models/recommendation/hybrid_model.h"

namespace sobremesa::recommendation {

enum class HybridLoss { kBpr, kSampledSoftmax };
const char* HybridLossName(HybridLoss loss);  // "bpr", "softmax"

struct HybridOptions {
  HybridLoss loss = HybridLoss::kSampledSoftmax;
  int32_t dim = 32;
  int32_t epochs = 8;
  int32_t batch_size = 2048;
  int32_t negatives = 64;  // per batch, for kSampledSoftmax
  float learning_rate = 0.02f;
  float regularization = 1e-5f;  // L2 on the vectors used in a batch
  float id_dropout = 0.3f;
  // Learn the familiarity term (hybrid_model.h) when the data names each
  // item's history feature; off, the term stays 0. Off by default: on the
  // demo's validation window it never helped (docs/evaluation/recommender.md,
  // "The hybrid model"); the history features already carry re-orders.
  bool familiarity = false;
  // Pool the user's profile features and history features (those named by
  // HybridData::item_history_feature) in two means rather than one.
  bool separate_history_mean = true;
  uint64_t seed = 7;
};

// InvalidArgument for data that fails ValidateHybridData or options out of
// range; Internal if LibTorch fails. User and item keys of the result are
// 0..n-1; the caller replaces them (and fills `info`) for its own ids.
StatusOr<HybridModel> TrainHybrid(const HybridData& data, const HybridOptions& options,
                                  HybridModelInfo info);

}  // namespace sobremesa::recommendation
