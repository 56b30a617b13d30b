#include "models/recommendation/biased_mf_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <vector>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {
namespace {

Status CheckRatings(const RatingData& data) {
  if (data.ratings.empty()) return Status::InvalidArgument("no ratings to train on");
  for (const Rating& r : data.ratings) {
    if (r.user < 0 || r.user >= data.num_users || r.item < 0 || r.item >= data.num_items) {
      return Status::InvalidArgument("rating (" + std::to_string(r.user) + ", " +
                                     std::to_string(r.item) + ") is outside the id range");
    }
  }
  return Status::Ok();
}

struct MfParameters {
  torch::Tensor user_bias, item_bias, user_factors, item_factors;
};

MfParameters InitParameters(const RatingData& data, const BiasedMfOptions& o) {
  auto normal = [&](int64_t rows) {
    return (torch::randn({rows, o.dim}) * o.init_std).requires_grad_(true);
  };
  return {torch::zeros({data.num_users}).requires_grad_(true),
          torch::zeros({data.num_items}).requires_grad_(true), normal(data.num_users),
          normal(data.num_items)};
}

torch::Tensor BatchLoss(const MfParameters& p, const torch::Tensor& users,
                        const torch::Tensor& items, const torch::Tensor& values, float mean,
                        const BiasedMfOptions& o) {
  torch::Tensor bu = p.user_bias.index_select(0, users);
  torch::Tensor bi = p.item_bias.index_select(0, items);
  torch::Tensor pu = p.user_factors.index_select(0, users);
  torch::Tensor qi = p.item_factors.index_select(0, items);
  torch::Tensor prediction = mean + bu + bi + (pu * qi).sum(1);
  torch::Tensor error = (prediction - values).pow(2).mean();
  torch::Tensor factor_penalty = (pu.pow(2).sum(1) + qi.pow(2).sum(1)).mean();
  torch::Tensor bias_penalty = (bu.pow(2) + bi.pow(2)).mean();
  return error + o.regularization * factor_penalty + o.bias_regularization * bias_penalty;
}

BiasedMfModel ToModel(const MfParameters& p, const RatingData& data, float mean, int32_t dim) {
  return BiasedMfModel(data.num_users, data.num_items, dim, mean, ToFloatVector(p.user_bias),
                       ToFloatVector(p.item_bias), ToFloatVector(p.user_factors),
                       ToFloatVector(p.item_factors));
}

void RunEpochs(const MfParameters& p, const RatingData& data, float mean,
               const BiasedMfOptions& o) {
  const int64_t n = static_cast<int64_t>(data.ratings.size());
  std::vector<int64_t> users(n), items(n);
  std::vector<float> values(n);
  for (int64_t k = 0; k < n; ++k) {
    users[k] = data.ratings[k].user;
    items[k] = data.ratings[k].item;
    values[k] = data.ratings[k].value;
  }
  const torch::Tensor all_users = torch::tensor(users), all_items = torch::tensor(items),
                      all_values = torch::tensor(values);
  torch::optim::Adam optimizer({p.user_bias, p.item_bias, p.user_factors, p.item_factors},
                               torch::optim::AdamOptions(o.learning_rate));
  for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
    const torch::Tensor order = torch::randperm(n, torch::kLong);
    for (int64_t start = 0; start < n; start += o.batch_size) {
      const torch::Tensor batch = order.slice(0, start, std::min(n, start + o.batch_size));
      optimizer.zero_grad();
      BatchLoss(p, all_users.index_select(0, batch), all_items.index_select(0, batch),
                all_values.index_select(0, batch), mean, o)
          .backward();
      optimizer.step();
    }
    if (o.after_epoch && !o.after_epoch(epoch + 1, ToModel(p, data, mean, o.dim))) return;
  }
}

}  // namespace

StatusOr<BiasedMfModel> TrainBiasedMf(const RatingData& data, const BiasedMfOptions& options) {
  RETURN_IF_ERROR(CheckRatings(data));
  float sum = 0;
  for (const Rating& r : data.ratings) sum += r.value;
  const float mean = sum / static_cast<float>(data.ratings.size());
  return CatchTorchErrors("training biased MF", [&]() -> StatusOr<BiasedMfModel> {
    torch::manual_seed(options.seed);
    const MfParameters p = InitParameters(data, options);
    RunEpochs(p, data, mean, options);
    return ToModel(p, data, mean, options.dim);
  });
}

}  // namespace sobremesa::recommendation
