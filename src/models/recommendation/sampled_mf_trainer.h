#pragma once
// Matrix factorisation with a logistic loss over sampled negatives, trained
// by SGD: the "MF" that Rendle, Krichene, Zhang & Anderson ("Neural
// Collaborative Filtering vs. Matrix Factorization Revisited", RecSys 2020)
// tuned to beat NeuMF on this very ML-1M protocol. For every observed pair
// (u, i) and `negatives` items j drawn from the catalogue (uniformly, or in
// proportion to popularity^β, see below):
//   L = −log σ(p_u·q_i + b_i) − Σ_j log(1 − σ(p_u·q_j + b_j)),
// with λ·(the vector) added to each factor gradient at each step.
// Unlike iALS and EASE (squared loss over every unobserved pair), it ranks
// each positive against uniformly drawn items, the same distribution the
// protocol draws its 99 negatives from, so it may err differently.
// Plain C++, one thread a model, deterministic for a seed.

#include <cstdint>

#include "common/status.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

struct SampledMfOptions {
  int32_t dim = 64;
  int32_t epochs = 20;
  int32_t negatives = 4;       // drawn per observed pair
  double learning_rate = 0.01;
  double l2 = 0.001;           // λ, applied at every update of a vector
  double init_stddev = 0.1;    // of each factor, divided by √dim
  // β: negatives drawn ∝ (number of users of the item)^β; 0 draws them
  // uniformly, as the protocol draws its 99. β > 0 shows popular items more
  // often as negatives, harder ones (word2vec's unigram^0.75).
  double negative_exponent = 0;
  uint64_t seed = 1;
  // An average of this many models, trained from seeds seed, seed + 1, …
  // (averaging SGD runs removes part of their noise: on validation a second
  // seed added as much as a larger model did); they train side by side, one
  // thread each, at most `threads` at once, each deterministic for its seed.
  int32_t models = 1;
  int32_t threads = 2;
};

// The item bias b_i is the last item coordinate, its user coordinate fixed at
// 1, so one model is a FactorModel of dimension dim + 1 (score = p_u·q_i +
// b_i); an average of m models concatenates theirs, the item halves divided
// by m (dimension m·(dim + 1)). InvalidArgument on data that fails
// ValidateInteractions or options out of range (dim, epochs, negatives,
// models or threads < 1, learning rate <= 0, λ or β < 0).
StatusOr<FactorModel> TrainSampledMf(const InteractionData& data, const SampledMfOptions& options);

}  // namespace sobremesa::recommendation
