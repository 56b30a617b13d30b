#include "models/recommendation/sampled_mf_trainer.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>
#include <vector>

namespace sobremesa::recommendation {

StatusOr<FactorModel> TrainSampledMf(const InteractionData& data, const SampledMfOptions& o) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (o.dim < 1 || o.epochs < 1 || o.negatives < 1 || !(o.learning_rate > 0) || o.l2 < 0 ||
      o.init_stddev < 0) {
    return Status::InvalidArgument("sampled MF options out of range");
  }
  const int32_t d = o.dim + 1;  // the last coordinate carries the item bias
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<float> normal(0.f, static_cast<float>(o.init_stddev / std::sqrt(o.dim)));
  std::vector<float> users(size_t(data.num_users) * d), items(size_t(data.num_items) * d);
  for (float& v : users) v = normal(rng);
  for (float& v : items) v = normal(rng);
  for (int32_t u = 0; u < data.num_users; ++u) users[size_t(u) * d + o.dim] = 1;
  for (int32_t i = 0; i < data.num_items; ++i) items[size_t(i) * d + o.dim] = 0;
  std::vector<std::pair<int32_t, int32_t>> pairs;
  for (int32_t u = 0; u < data.num_users; ++u) {
    for (int32_t i : data.items_by_user[u]) pairs.emplace_back(u, i);
  }
  std::uniform_int_distribution<int32_t> any_item(0, data.num_items - 1);
  const float rate = static_cast<float>(o.learning_rate), l2 = static_cast<float>(o.l2);
  std::vector<float> user_step(d);
  // One SGD step on (u, item) with label y ∈ {0, 1}; the user's step is
  // accumulated and applied after the positive and its negatives.
  auto step = [&](const float* p, int32_t item, float y) {
    float* q = &items[size_t(item) * d];
    float s = 0;
    for (int32_t k = 0; k < d; ++k) s += p[k] * q[k];
    const float g = 1.f / (1.f + std::exp(-s)) - y;
    for (int32_t k = 0; k < o.dim; ++k) {
      user_step[k] += g * q[k];
      q[k] -= rate * (g * p[k] + l2 * q[k]);
    }
    q[o.dim] -= rate * g;  // the bias is not regularised
  };
  for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
    std::shuffle(pairs.begin(), pairs.end(), rng);
    for (const auto& [u, i] : pairs) {
      float* p = &users[size_t(u) * d];
      std::fill(user_step.begin(), user_step.end(), 0.f);
      step(p, i, 1);
      for (int32_t n = 0; n < o.negatives; ++n) step(p, any_item(rng), 0);
      for (int32_t k = 0; k < o.dim; ++k) p[k] -= rate * (user_step[k] + l2 * p[k]);
    }
  }
  return FactorModel(d, std::move(users), std::move(items));
}

}  // namespace sobremesa::recommendation
