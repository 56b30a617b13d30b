#pragma once
// A learned blend of several models' scores for leave-one-out cases (one
// held-out item among sampled negatives): a linear model over per-candidate
// features (each member's score, item popularity, products of them with the
// user's history length, ...) fitted by the softmax (listwise) logistic loss
// −log softmax(w·x)[held-out item] over each case's candidates, with an L2
// penalty. Linear shares per history bucket are the special case of features
// member × bucket indicator; a learned blend can also weigh a member by how
// popular the candidate is, or by how sure another member is.
//
// The loss is convex and the features few (tens), so it is minimised by
// Newton's method: each step solves the F × F Hessian, and a dozen steps
// reach the optimum to float precision on ML-1M's 6,040 cases in seconds.

#include <cstddef>
#include <span>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// Features of every candidate of every case: case c's candidates are rows
// case_starts[c] to case_starts[c + 1] − 1, its held-out item first (as in
// ScoreCandidates), `width` floats a row.
struct RankingFeatures {
  size_t width = 0;
  std::vector<size_t> case_starts;  // one past the last case's end at the back
  std::vector<float> values;
};

struct SoftmaxBlendOptions {
  double l2 = 1e-3;       // penalty λ/2·‖w‖² on the mean loss per case
  int32_t max_steps = 30;
  double tolerance = 1e-9;  // stop when the mean loss falls by less
};

// The weights minimising the mean softmax loss per case plus the penalty.
// InvalidArgument if the features are malformed (width 0, values not a
// multiple of it, starts not increasing from 0 to the rows, a case with
// fewer than two candidates, a non-finite value) or l2 is negative.
StatusOr<std::vector<double>> FitSoftmaxBlend(const RankingFeatures& features,
                                              const SoftmaxBlendOptions& options);

// w·x for every candidate, in the order of the rows (for ScoreLeaveOneOut).
// InvalidArgument if the weights do not match the width.
StatusOr<std::vector<float>> ScoreSoftmaxBlend(const RankingFeatures& features,
                                               std::span<const double> weights);

}  // namespace sobremesa::recommendation
