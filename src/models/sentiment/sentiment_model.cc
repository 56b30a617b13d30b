#include "models/sentiment/sentiment_model.h"

#include <algorithm>
#include <cmath>

namespace sobremesa::sentiment {
namespace {

std::size_t HeadSize(int rows, int dim) {
  return static_cast<std::size_t>(rows) * dim + static_cast<std::size_t>(rows);
}

}  // namespace

StatusOr<std::unique_ptr<SentimentModel>> SentimentModel::Create(SentimentModelConfig config,
                                                                 Weights weights) {
  const int dim = config.dim;
  const int c = static_cast<int>(config.categories.size());
  if (dim <= 0 || config.features.buckets == 0) {
    return Status::InvalidArgument("model needs dim > 0 and buckets > 0");
  }
  if (weights.embedding.size() != static_cast<std::size_t>(config.features.buckets) * dim ||
      weights.polarity.size() != HeadSize(kPolarities, dim) ||
      weights.category.size() != HeadSize(c, dim) ||
      weights.category_polarity.size() != HeadSize(kPolarities * c, dim)) {
    return Status::InvalidArgument("model weight sizes do not match its configuration");
  }
  return std::unique_ptr<SentimentModel>(new SentimentModel(std::move(config), std::move(weights)));
}

void SentimentModel::Embed(const std::vector<std::uint32_t>& ids, float* hidden) const {
  const int dim = config_.dim;
  std::fill(hidden, hidden + dim, 0.0f);
  if (ids.empty()) return;
  for (const std::uint32_t id : ids) {
    const float* row = weights_.embedding.data() + static_cast<std::size_t>(id) * dim;
    for (int d = 0; d < dim; ++d) hidden[d] += row[d];
  }
  const float scale = 1.0f / static_cast<float>(ids.size());
  for (int d = 0; d < dim; ++d) hidden[d] *= scale;
}

float SentimentModel::Score(const std::vector<float>& head, int rows, int row,
                            const float* hidden) const {
  const int dim = config_.dim;
  const float* w = head.data() + static_cast<std::size_t>(row) * dim;
  float s = head[static_cast<std::size_t>(rows) * dim + row];
  for (int d = 0; d < dim; ++d) s += w[d] * hidden[d];
  return s;
}

Polarity SentimentModel::SentencePolarity(const float* hidden) const {
  int best = 0;
  float best_score = -INFINITY;
  for (int p = 0; p < kPolarities; ++p) {
    const float s = Score(weights_.polarity, kPolarities, p, hidden);
    if (s > best_score) best_score = s, best = p;
  }
  return static_cast<Polarity>(best);
}

std::vector<int> SentimentModel::Categories(const float* hidden) const {
  return CategoriesAt(hidden, config_.category_threshold);
}

std::vector<int> SentimentModel::CategoriesAt(const float* hidden, float threshold) const {
  const int c = static_cast<int>(config_.categories.size());
  // sigmoid(s) >= t  <=>  s >= logit(t); avoids an exp per category.
  const float t = std::clamp(threshold, 1e-6f, 1.0f - 1e-6f);
  const float logit = std::log(t / (1.0f - t));
  std::vector<int> detected;
  for (int k = 0; k < c; ++k) {
    if (Score(weights_.category, c, k, hidden) >= logit) detected.push_back(k);
  }
  return detected;
}

Polarity SentimentModel::CategoryPolarity(const float* hidden, int category) const {
  const int rows = kPolarities * static_cast<int>(config_.categories.size());
  int best = 0;
  float best_score = -INFINITY;
  for (int p = 0; p < kPolarities; ++p) {
    const float s = Score(weights_.category_polarity, rows, category * kPolarities + p, hidden);
    if (s > best_score) best_score = s, best = p;
  }
  return static_cast<Polarity>(best);
}

}  // namespace sobremesa::sentiment
