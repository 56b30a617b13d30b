#include "models/recommendation/biased_mf_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <tuple>
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
  torch::Tensor implicit_factors;  // y_j of SVD++; undefined for plain MF
};

// N(u) of SVD++ as compressed rows: user u's rated items are
// items[offsets[u] .. offsets[u + 1]).
struct RatedSets {
  std::vector<int64_t> offsets, items;
  float Norm(int32_t user) const {
    const int64_t n = offsets[user + 1] - offsets[user];
    return n > 0 ? 1.0f / std::sqrt(static_cast<float>(n)) : 0.0f;
  }
};

RatedSets CollectRatedSets(const RatingData& data) {
  std::vector<std::vector<int64_t>> by_user(data.num_users);
  for (const Rating& r : data.ratings) by_user[r.user].push_back(r.item);
  RatedSets s;
  s.offsets.push_back(0);
  for (const std::vector<int64_t>& items : by_user) {
    s.items.insert(s.items.end(), items.begin(), items.end());
    s.offsets.push_back(static_cast<int64_t>(s.items.size()));
  }
  return s;
}

MfParameters InitParameters(const RatingData& data, const BiasedMfOptions& o) {
  auto normal = [&](int64_t rows) {
    return (torch::randn({rows, o.dim}) * o.init_std).requires_grad_(true);
  };
  MfParameters p{torch::zeros({data.num_users}).requires_grad_(true),
                 torch::zeros({data.num_items}).requires_grad_(true), normal(data.num_users),
                 normal(data.num_items)};
  if (o.implicit_factors) p.implicit_factors = normal(data.num_items);
  return p;
}

// For each rating of the batch, the user's implicit part
// |N(u)|^-1/2 Σ_{j ∈ N(u)} y_j and its penalty, the mean of ||y_j||² over
// N(u). Computed once per distinct user (a batch repeats users) with one
// embedding_bag. Penalising the y_j rather than the sum is what lets SVD++
// share a taste direction among all users who rated the same films: one
// user's implicit part of size a costs a²/|N(u)|, where p_u would cost a².
std::pair<torch::Tensor, torch::Tensor> ImplicitPart(const MfParameters& p,
                                                     const RatedSets& sets,
                                                     const torch::Tensor& users,
                                                     std::vector<int32_t>& slot_of_user) {
  const int64_t* u = users.data_ptr<int64_t>();
  std::vector<int64_t> distinct, inverse(users.numel()), indices, offsets;
  std::vector<float> norms;
  for (int64_t k = 0; k < users.numel(); ++k) {
    int32_t& slot = slot_of_user[u[k]];
    if (slot < 0) {
      slot = static_cast<int32_t>(distinct.size());
      distinct.push_back(u[k]);
      offsets.push_back(static_cast<int64_t>(indices.size()));
      indices.insert(indices.end(), sets.items.begin() + sets.offsets[u[k]],
                     sets.items.begin() + sets.offsets[u[k] + 1]);
      norms.push_back(sets.Norm(static_cast<int32_t>(u[k])));
    }
    inverse[k] = slot;
  }
  for (int64_t user : distinct) slot_of_user[user] = -1;
  const torch::Tensor index = torch::tensor(indices), offset = torch::tensor(offsets),
                      norm = torch::tensor(norms), per_rating = torch::tensor(inverse);
  const torch::Tensor sums =
      std::get<0>(torch::embedding_bag(p.implicit_factors, index, offset));
  // mode 1 = mean over the bag.
  const torch::Tensor penalty = std::get<0>(torch::embedding_bag(
      p.implicit_factors.pow(2).sum(1, /*keepdim=*/true), index, offset, false, 1));
  return {(sums * norm.unsqueeze(1)).index_select(0, per_rating),
          penalty.squeeze(1).index_select(0, per_rating)};
}

torch::Tensor BatchLoss(const MfParameters& p, const torch::Tensor& users,
                        const torch::Tensor& items, const torch::Tensor& values, float mean,
                        const BiasedMfOptions& o, const RatedSets& sets,
                        std::vector<int32_t>& slot_of_user) {
  torch::Tensor bu = p.user_bias.index_select(0, users);
  torch::Tensor bi = p.item_bias.index_select(0, items);
  torch::Tensor pu = p.user_factors.index_select(0, users);
  torch::Tensor qi = p.item_factors.index_select(0, items);
  torch::Tensor factor_penalty = pu.pow(2).sum(1) + qi.pow(2).sum(1);
  if (o.implicit_factors) {
    const auto [implicit, implicit_penalty] = ImplicitPart(p, sets, users, slot_of_user);
    factor_penalty = factor_penalty + implicit_penalty;
    pu = pu + implicit;
  }
  torch::Tensor prediction = mean + bu + bi + (pu * qi).sum(1);
  torch::Tensor error = (prediction - values).pow(2).mean();
  torch::Tensor bias_penalty = (bu.pow(2) + bi.pow(2)).mean();
  return error + o.regularization * factor_penalty.mean() + o.bias_regularization * bias_penalty;
}

// The served user factors: p_u, plus the implicit part for SVD++.
std::vector<float> UserFactors(const MfParameters& p, const RatedSets& sets, int32_t dim) {
  std::vector<float> factors = ToFloatVector(p.user_factors);
  if (!p.implicit_factors.defined()) return factors;
  const std::vector<float> y = ToFloatVector(p.implicit_factors);
  const int32_t users = static_cast<int32_t>(sets.offsets.size()) - 1;
  for (int32_t u = 0; u < users; ++u) {
    float* row = &factors[static_cast<size_t>(u) * dim];
    const float norm = sets.Norm(u);
    for (int64_t k = sets.offsets[u]; k < sets.offsets[u + 1]; ++k) {
      const float* yj = &y[static_cast<size_t>(sets.items[k]) * dim];
      for (int32_t d = 0; d < dim; ++d) row[d] += norm * yj[d];
    }
  }
  return factors;
}

BiasedMfModel ToModel(const MfParameters& p, const RatingData& data, const RatedSets& sets,
                      float mean, int32_t dim) {
  return BiasedMfModel(data.num_users, data.num_items, dim, mean, ToFloatVector(p.user_bias),
                       ToFloatVector(p.item_bias), UserFactors(p, sets, dim),
                       ToFloatVector(p.item_factors));
}

void RunEpochs(const MfParameters& p, const RatingData& data, const RatedSets& sets, float mean,
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
  std::vector<torch::Tensor> parameters = {p.user_bias, p.item_bias, p.user_factors,
                                           p.item_factors};
  if (p.implicit_factors.defined()) parameters.push_back(p.implicit_factors);
  torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(o.learning_rate));
  std::vector<int32_t> slot_of_user(data.num_users, -1);
  for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
    const torch::Tensor order = torch::randperm(n, torch::kLong);
    for (int64_t start = 0; start < n; start += o.batch_size) {
      const torch::Tensor batch = order.slice(0, start, std::min(n, start + o.batch_size));
      optimizer.zero_grad();
      BatchLoss(p, all_users.index_select(0, batch), all_items.index_select(0, batch),
                all_values.index_select(0, batch), mean, o, sets, slot_of_user)
          .backward();
      optimizer.step();
    }
    if (o.after_epoch && !o.after_epoch(epoch + 1, ToModel(p, data, sets, mean, o.dim))) return;
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
    const RatedSets sets = CollectRatedSets(data);
    RunEpochs(p, data, sets, mean, options);
    return ToModel(p, data, sets, mean, options.dim);
  });
}

}  // namespace sobremesa::recommendation
