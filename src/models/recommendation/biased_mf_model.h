#pragma once
// Biased matrix factorisation for explicit ratings:
//   r(u, i) = mean + user_bias[u] + item_bias[i] + <user_factors[u], item_factors[i]>.
// Weights are plain floats, read-only after construction, so any number of
// threads may call Predict at once. Trained by TrainBiasedMf
// (biased_mf_trainer.h); LibTorch is needed only to train.

#include <cstdint>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

class BiasedMfModel {
 public:
  // `user_factors` is num_users × dim and `item_factors` num_items × dim,
  // row-major. Sizes must agree (checked by Load; trusted here).
  BiasedMfModel(int32_t num_users, int32_t num_items, int32_t dim, float mean,
                std::vector<float> user_bias, std::vector<float> item_bias,
                std::vector<float> user_factors, std::vector<float> item_factors);

  // Predicted rating, clamped to [min_rating, max_rating]. An id outside the
  // trained range (a new user or item) contributes no bias and no factors,
  // so the prediction falls back to the mean plus whatever side is known.
  float Predict(int32_t user, int32_t item, float min_rating, float max_rating) const;

  int32_t num_users() const { return num_users_; }
  int32_t num_items() const { return num_items_; }
  int32_t dim() const { return dim_; }

  // See model_file.h for the format and the errors.
  Status Save(const std::string& path) const;
  static StatusOr<BiasedMfModel> Load(const std::string& path);

 private:
  int32_t num_users_;
  int32_t num_items_;
  int32_t dim_;
  float mean_;
  std::vector<float> user_bias_;
  std::vector<float> item_bias_;
  std::vector<float> user_factors_;
  std::vector<float> item_factors_;
};

}  // namespace sobremesa::recommendation
