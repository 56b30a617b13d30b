#include "models/sentiment/sentence_bagging.h"

#include <algorithm>
#include <vector>

namespace sobremesa::sentiment {

SentenceView SentenceLogitsPerFeature(const SentimentModel& model) {
  const std::uint32_t buckets = model.config().features.buckets;
  SentenceView logits{std::vector<float>(static_cast<std::size_t>(buckets) * kPolarities), {}};
  const std::vector<float> zeros(model.row_width(), 0.0f);
  model.SentenceScores(zeros.data(), logits.bias.data());
  float scores[kPolarities];
  for (std::uint32_t r = 0; r < buckets; ++r) {
    model.SentenceScores(model.EmbeddingRow(r), scores);
    for (int p = 0; p < kPolarities; ++p) {
      logits.weights[static_cast<std::size_t>(r) * kPolarities + p] = scores[p] - logits.bias[p];
    }
  }
  return logits;
}

void AddScaled(SentenceView& into, const SentenceView& from, float weight) {
  for (std::size_t i = 0; i < into.weights.size(); ++i) into.weights[i] += weight * from.weights[i];
  for (int p = 0; p < kPolarities; ++p) into.bias[p] += weight * from.bias[p];
}

StatusOr<std::unique_ptr<SentimentModel>> WithSentenceLogits(SentimentModelConfig config,
                                                             SentimentModel::Weights weights,
                                                             const SentenceView& logits) {
  if (config.sentence_wide) {
    return Status::InvalidArgument("the model already has a sentence-wide part");
  }
  const std::size_t buckets = config.features.buckets;
  const int before = config.dim + config.category_dim;  // columns kept before the sentence's
  const int wide = config.wide_categories ? static_cast<int>(config.categories.size()) : 0;
  // The opinion view's columns stay last, after the sentence-wide part.
  const int opinion = config.category_polarity_wide ? kPolarities : 0;
  const int width = before + config.sentence_dim + wide + opinion;
  if (weights.embedding.size() != buckets * width ||
      logits.weights.size() != buckets * kPolarities) {
    return Status::InvalidArgument("model weight sizes do not match its configuration");
  }
  std::vector<float> embedding;
  embedding.reserve(buckets * (before + wide + kPolarities + opinion));
  for (std::size_t r = 0; r < buckets; ++r) {
    const auto row = weights.embedding.begin() + static_cast<std::ptrdiff_t>(r * width);
    const auto wide_begin = row + before + config.sentence_dim;
    embedding.insert(embedding.end(), row, row + before);
    embedding.insert(embedding.end(), wide_begin, wide_begin + wide);
    embedding.insert(embedding.end(), logits.weights.begin() + r * kPolarities,
                     logits.weights.begin() + (r + 1) * kPolarities);
    embedding.insert(embedding.end(), wide_begin + wide, row + width);
  }
  weights.embedding = std::move(embedding);
  config.sentence_dim = 0;
  config.sentence_wide = true;
  weights.polarity.assign(static_cast<std::size_t>(kPolarities) * config.dim, 0.0f);
  weights.polarity.insert(weights.polarity.end(), logits.bias.begin(), logits.bias.end());
  return SentimentModel::Create(std::move(config), std::move(weights));
}

std::array<float, kPolarities> ChooseLogitOffsets(
    const std::vector<std::array<float, kPolarities>>& scores, const std::vector<Polarity>& gold) {
  const auto score = [&](const std::array<float, kPolarities>& offsets) {
    std::vector<Polarity> predicted;
    predicted.reserve(scores.size());
    for (const auto& s : scores) {
      int best = 0;
      for (int p = 1; p < kPolarities; ++p) {
        if (s[p] + offsets[p] > s[best] + offsets[best]) best = p;
      }
      predicted.push_back(static_cast<Polarity>(best));
    }
    const PolarityScores r = ScorePolarities(gold, predicted);
    return r.accuracy + r.macro_f1;
  };
  std::array<float, kPolarities> best{};
  double best_score = score(best);
  constexpr int kSteps = 6;  // 6 x 0.25 = 1.5 each way
  for (int negative = -kSteps; negative <= kSteps; ++negative) {
    for (int neutral = -kSteps; neutral <= kSteps; ++neutral) {
      std::array<float, kPolarities> offsets{};
      offsets[static_cast<int>(Polarity::kNegative)] = 0.25f * negative;
      offsets[static_cast<int>(Polarity::kNeutral)] = 0.25f * neutral;
      if (const double s = score(offsets); s > best_score) best_score = s, best = offsets;
    }
  }
  return best;
}

}  // namespace sobremesa::sentiment
