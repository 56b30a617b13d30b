#include "models/recommendation/biased_mf_model.h"

#include <algorithm>
#include <utility>

#include "models/recommendation/model_file.h"

namespace sobremesa::recommendation {

BiasedMfModel::BiasedMfModel(int32_t num_users, int32_t num_items, int32_t dim, float mean,
                             std::vector<float> user_bias, std::vector<float> item_bias,
                             std::vector<float> user_factors, std::vector<float> item_factors)
    : num_users_(num_users),
      num_items_(num_items),
      dim_(dim),
      mean_(mean),
      user_bias_(std::move(user_bias)),
      item_bias_(std::move(item_bias)),
      user_factors_(std::move(user_factors)),
      item_factors_(std::move(item_factors)) {}

float BiasedMfModel::Predict(int32_t user, int32_t item, float min_rating, float max_rating) const {
  const bool known_user = user >= 0 && user < num_users_;
  const bool known_item = item >= 0 && item < num_items_;
  float r = mean_;
  if (known_user) r += user_bias_[user];
  if (known_item) r += item_bias_[item];
  if (known_user && known_item) {
    const float* p = &user_factors_[static_cast<size_t>(user) * dim_];
    const float* q = &item_factors_[static_cast<size_t>(item) * dim_];
    for (int32_t k = 0; k < dim_; ++k) r += p[k] * q[k];
  }
  return std::clamp(r, min_rating, max_rating);
}

Status BiasedMfModel::Save(const std::string& path) const {
  return WriteModelFile(
      path, {.kind = ModelKind::kBiasedMf,
             .shape = {num_users_, num_items_, dim_},
             .arrays = {{mean_}, user_bias_, item_bias_, user_factors_, item_factors_}});
}

StatusOr<BiasedMfModel> BiasedMfModel::Load(const std::string& path) {
  ASSIGN_OR_RETURN(ModelFileContents c, ReadModelFile(path, ModelKind::kBiasedMf));
  if (c.shape.size() != 3 || c.arrays.size() != 5) {
    return Status::InvalidArgument("model file " + path + ": wrong layout for biased MF");
  }
  const int64_t users = c.shape[0], items = c.shape[1], dim = c.shape[2];
  if (users < 0 || items < 0 || dim < 0 || c.arrays[0].size() != 1 ||
      static_cast<int64_t>(c.arrays[1].size()) != users ||
      static_cast<int64_t>(c.arrays[2].size()) != items ||
      static_cast<int64_t>(c.arrays[3].size()) != users * dim ||
      static_cast<int64_t>(c.arrays[4].size()) != items * dim) {
    return Status::InvalidArgument("model file " + path + ": array sizes disagree with shape");
  }
  return BiasedMfModel(static_cast<int32_t>(users), static_cast<int32_t>(items),
                       static_cast<int32_t>(dim), c.arrays[0][0], std::move(c.arrays[1]),
                       std::move(c.arrays[2]), std::move(c.arrays[3]), std::move(c.arrays[4]));
}

}  // namespace sobremesa::recommendation
