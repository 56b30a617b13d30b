#pragma once
// Trains BiasedMfModel with LibTorch: mini-batch Adam on squared error with
// an L2 penalty on the biases and factors each rating touches (so frequent
// users and items are regularised in proportion to their data, as in SGD).
//
// With `implicit_factors` it trains SVD++ (Koren, KDD 2008) instead: the user
// vector is p_u + |N(u)|^-1/2 · Σ_{j ∈ N(u)} y_j, where N(u) is the set of
// items u rated in the training data, so which films a user chose to rate
// informs their taste even where their star values are few or noisy. The
// implicit part is a fixed function of the training data, so it is folded
// into the user factors when training ends and the result is served as a
// plain BiasedMfModel.

#include <cstdint>
#include <functional>

#include "common/status.h"
#include "models/recommendation/biased_mf_model.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

struct BiasedMfOptions {
  int32_t dim = 64;
  float regularization = 0.05f;  // per touched rating, on factors
  float bias_regularization = 0.01f;
  float learning_rate = 0.005f;
  int32_t epochs = 20;
  int32_t batch_size = 512;
  float init_std = 0.01f;
  uint64_t seed = 7;
  // SVD++ (see above). Each rating also pays `regularization` times the mean
  // of ||y_j||² over the user's N(u).
  bool implicit_factors = false;
  // Called after each epoch with the model so far (epochs count from 1);
  // returning false stops training there. Lets a caller pick the epoch count
  // on a validation split without this file knowing about validation.
  std::function<bool(int32_t epoch, const BiasedMfModel& model)> after_epoch;
};

// InvalidArgument if data is empty or an id is out of range; Internal if
// LibTorch throws (its message is kept).
StatusOr<BiasedMfModel> TrainBiasedMf(const RatingData& data, const BiasedMfOptions& options);

}  // namespace sobremesa::recommendation
