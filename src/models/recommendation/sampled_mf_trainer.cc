#include "models/recommendation/sampled_mf_trainer.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <thread>
#include <random>
#include <utility>
#include <vector>

#include "models/recommendation/dot_product.h"

namespace sobremesa::recommendation {
namespace {

// Walker's alias method: a draw ∝ weights in constant time (one uniform
// slot, one uniform real), where std::discrete_distribution searches the
// cumulative weights; 8 negatives a pair are 160 million draws a fit.
class AliasTable {
 public:
  explicit AliasTable(const std::vector<double>& weights)
      : keep_(weights.size(), 1), alias_(weights.size()), slot_(0, weights.size() - 1) {
    double total = 0;
    for (double w : weights) total += w;
    const size_t n = weights.size();
    std::vector<double> scaled(n);
    std::vector<int32_t> small, large;
    for (size_t i = 0; i < n; ++i) {
      alias_[i] = static_cast<int32_t>(i);
      scaled[i] = total > 0 ? weights[i] * n / total : 1;
      (scaled[i] < 1 ? small : large).push_back(static_cast<int32_t>(i));
    }
    // Each small slot keeps its own share and lends the rest to a large one.
    while (!small.empty() && !large.empty()) {
      const int32_t s = small.back(), l = large.back();
      small.pop_back();
      keep_[s] = scaled[s];
      alias_[s] = l;
      scaled[l] -= 1 - scaled[s];
      if (scaled[l] < 1) {
        large.pop_back();
        small.push_back(l);
      }
    }
    // What is left is 1 up to rounding.
  }

  int32_t Draw(std::mt19937_64& rng) const {
    const size_t slot = slot_(rng);
    return std::uniform_real_distribution<double>(0, 1)(rng) < keep_[slot]
               ? static_cast<int32_t>(slot)
               : alias_[slot];
  }

 private:
  std::vector<double> keep_;
  std::vector<int32_t> alias_;
  mutable std::uniform_int_distribution<size_t> slot_;
};

// One model from `seed` (options already checked).
FactorModel TrainOne(const InteractionData& data, const SampledMfOptions& o, uint64_t seed) {
  const int32_t d = o.dim + 1;  // the last coordinate carries the item bias
  std::mt19937_64 rng(seed);
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
  // β = 0 keeps the uniform draw (and the exact draws of the run of record);
  // otherwise item weights count^β (an item nobody has gets weight 0).
  std::uniform_int_distribution<int32_t> uniform_item(0, data.num_items - 1);
  std::vector<double> weights(data.num_items, 0);
  for (const std::vector<int32_t>& history : data.items_by_user) {
    for (int32_t i : history) weights[i] += 1;
  }
  for (double& w : weights) w = std::pow(w, o.negative_exponent);
  const AliasTable popular_item(weights);
  auto any_item = [&](std::mt19937_64& g) {
    return o.negative_exponent == 0 ? uniform_item(g) : popular_item.Draw(g);
  };
  const float rate = static_cast<float>(o.learning_rate), l2 = static_cast<float>(o.l2);
  std::vector<float> user_step(d);
  // One SGD step on (u, item) with label y ∈ {0, 1}; the user's step is
  // accumulated and applied after the positive and its negatives.
  auto step = [&](const float* p, int32_t item, float y) {
    float* q = &items[size_t(item) * d];
    const float s = Dot(p, q, d);
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

}  // namespace

StatusOr<FactorModel> TrainSampledMf(const InteractionData& data, const SampledMfOptions& o) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (o.dim < 1 || o.epochs < 1 || o.negatives < 1 || !(o.learning_rate > 0) || o.l2 < 0 ||
      o.init_stddev < 0 || o.negative_exponent < 0 || o.models < 1 || o.threads < 1) {
    return Status::InvalidArgument("sampled MF options out of range");
  }
  if (o.models == 1) return TrainOne(data, o, o.seed);
  std::vector<std::optional<FactorModel>> models(o.models);
  for (int32_t first = 0; first < o.models; first += o.threads) {
    std::vector<std::thread> workers;
    for (int32_t m = first; m < std::min(o.models, first + o.threads); ++m) {
      workers.emplace_back([&, m] { models[m] = TrainOne(data, o, o.seed + m); });
    }
    for (std::thread& worker : workers) worker.join();
  }
  // score = (1/m)·Σ_k p_k·q_k: users' vectors side by side, items' scaled.
  const int32_t d = o.dim + 1, total = d * o.models;
  std::vector<float> users(size_t(data.num_users) * total), items(size_t(data.num_items) * total);
  const float scale = 1.f / o.models;
  for (int32_t m = 0; m < o.models; ++m) {
    for (int32_t u = 0; u < data.num_users; ++u) {
      std::copy_n(models[m]->user(u).begin(), d, &users[size_t(u) * total + size_t(m) * d]);
    }
    for (int32_t i = 0; i < data.num_items; ++i) {
      std::span<const float> q = models[m]->item(i);
      for (int32_t k = 0; k < d; ++k) items[size_t(i) * total + size_t(m) * d + k] = scale * q[k];
    }
  }
  return FactorModel(total, std::move(users), std::move(items));
}

}  // namespace sobremesa::recommendation
