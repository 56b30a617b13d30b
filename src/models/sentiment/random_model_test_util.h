#pragma once
// Random weights for tests that check the predictor against the trainer's
// arithmetic on a model whose values do not matter.

#include <cstddef>
#include <random>
#include <vector>

#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

// Standard normal draws. One distribution serves every call: it keeps a
// spare draw between calls, so the tests see the draws they were checked
// with.
class GaussianDraws {
 public:
  explicit GaussianDraws(unsigned seed) : rng_(seed) {}
  std::vector<float> operator()(std::size_t n) {
    std::vector<float> v(n);
    for (float& x : v) x = normal_(rng_);
    return v;
  }

 private:
  std::mt19937 rng_;
  std::normal_distribution<float> normal_;
};

// The weights of a model of `config` with rows of `config.dim` floats and
// no category embedding of its own: feature rows, sentence head, category
// head, category-polarity heads.
inline SentimentModel::Weights RandomWeights(const SentimentModelConfig& config,
                                             GaussianDraws& random) {
  const std::size_t d = config.dim, c = config.categories.size();
  return {random(config.features.buckets * d), random(3 * d + 3), random(c * d + c),
          random(3 * c * d + 3 * c)};
}

}  // namespace sobremesa::sentiment
