#include "models/sentiment/fold_bagging.h"

#include <algorithm>
#include <vector>

namespace sobremesa::sentiment {
namespace {

// Whether `logits` is a folded head of `outputs` outputs over `buckets`.
bool HasShape(const FeatureLogits& logits, int outputs, std::size_t buckets) {
  return logits.outputs == outputs &&
         logits.weights.size() == buckets * static_cast<std::size_t>(outputs) &&
         logits.bias.size() == static_cast<std::size_t>(outputs);
}

}  // namespace

std::vector<float> FeatureLogits::Logits(const std::vector<std::uint32_t>& ids) const {
  std::vector<float> logits(outputs, 0.0f);
  for (const std::uint32_t id : ids) {
    const float* row = weights.data() + static_cast<std::size_t>(id) * outputs;
    for (int o = 0; o < outputs; ++o) logits[o] += row[o];
  }
  const float scale = ids.empty() ? 0.0f : 1.0f / static_cast<float>(ids.size());
  for (int o = 0; o < outputs; ++o) logits[o] = bias[o] + logits[o] * scale;
  return logits;
}

FeatureLogits PerFeatureLogits(const SentimentModel& model, int outputs,
                               const std::function<void(const float* hidden, float* logits)>& head) {
  const std::uint32_t buckets = model.config().features.buckets;
  FeatureLogits logits{outputs, std::vector<float>(static_cast<std::size_t>(buckets) * outputs),
                       std::vector<float>(outputs)};
  const std::vector<float> zeros(model.row_width(), 0.0f);
  head(zeros.data(), logits.bias.data());
  for (std::uint32_t r = 0; r < buckets; ++r) {
    float* row = logits.weights.data() + static_cast<std::size_t>(r) * outputs;
    head(model.EmbeddingRow(r), row);
    for (int o = 0; o < outputs; ++o) row[o] -= logits.bias[o];
  }
  return logits;
}

FeatureLogits SentenceLogitsPerFeature(const SentimentModel& model) {
  return PerFeatureLogits(model, kPolarities, [&](const float* hidden, float* logits) {
    model.SentenceScores(hidden, logits);
  });
}

FeatureLogits CategoryLogitsPerFeature(const SentimentModel& model) {
  const int categories = static_cast<int>(model.config().categories.size());
  return PerFeatureLogits(model, categories, [&](const float* hidden, float* logits) {
    for (int k = 0; k < categories; ++k) logits[k] = model.CategoryScore(hidden, k);
  });
}

FeatureLogits CategoryPolarityLogitsPerFeature(const SentimentModel& model) {
  const int categories = static_cast<int>(model.config().categories.size());
  return PerFeatureLogits(model, kPolarities * categories, [&](const float* hidden, float* logits) {
    for (int k = 0; k < categories; ++k) {
      model.CategoryPolarityScores(hidden, k, logits + k * kPolarities);
    }
  });
}

void AddScaled(FeatureLogits& into, const FeatureLogits& from, float weight) {
  if (into.outputs == 0) {
    into = {from.outputs, std::vector<float>(from.weights.size(), 0.0f),
            std::vector<float>(from.bias.size(), 0.0f)};
  }
  for (std::size_t i = 0; i < into.weights.size(); ++i) into.weights[i] += weight * from.weights[i];
  for (std::size_t o = 0; o < into.bias.size(); ++o) into.bias[o] += weight * from.bias[o];
}

void AddScaled(FeatureLogits& into, const SentenceView& from, float weight) {
  AddScaled(into, FeatureLogits{kPolarities, from.weights, {from.bias.begin(), from.bias.end()}},
            weight);
}

FeatureLogits Mean(const std::vector<FeatureLogits>& members) {
  FeatureLogits mean;
  for (const FeatureLogits& m : members) {
    AddScaled(mean, m, 1.0f / static_cast<float>(members.size()));
  }
  return mean;
}

StatusOr<std::unique_ptr<SentimentModel>> WithFoldedHeads(SentimentModelConfig config,
                                                          SentimentModel::Weights weights,
                                                          const FoldedHeads& folded) {
  const std::size_t buckets = config.features.buckets;
  const int c = static_cast<int>(config.categories.size());
  // The row's parts as fitted, in order (SentimentModel::Weights::embedding).
  const int shared = config.dim;
  const int category_own = config.category_dim;
  const int sentence_own = config.sentence_dim;
  const int category_wide = config.wide_categories ? c : 0;
  const int sentence_wide = config.sentence_wide ? kPolarities : 0;
  const int opinion = config.category_polarity_wide ? kPolarities : 0;
  const int width = shared + category_own + sentence_own + category_wide + sentence_wide + opinion;
  if (config.category_polarity_folded || weights.embedding.size() != buckets * width ||
      (folded.category && !HasShape(*folded.category, c, buckets)) ||
      (folded.sentence && !HasShape(*folded.sentence, kPolarities, buckets)) ||
      (folded.category_polarity &&
       !HasShape(*folded.category_polarity, kPolarities * c, buckets))) {
    return Status::InvalidArgument("model weight sizes do not match its configuration");
  }
  const FeatureLogits* category = folded.category ? &*folded.category : nullptr;
  const FeatureLogits* sentence = folded.sentence ? &*folded.sentence : nullptr;
  const FeatureLogits* category_polarity =
      folded.category_polarity ? &*folded.category_polarity : nullptr;
  // Whether any head still reads the shared embedding.
  const bool shared_read = !category_polarity || (!category && category_own == 0) ||
                           (!sentence && sentence_own == 0);
  std::vector<float> embedding;
  embedding.reserve(buckets * width);
  for (std::size_t r = 0; r < buckets; ++r) {
    const float* row = weights.embedding.data() + r * width;
    const auto keep = [&](int begin, int count) {
      embedding.insert(embedding.end(), row + begin, row + begin + count);
    };
    const auto fold = [&](const FeatureLogits& logits) {
      const auto from = logits.weights.begin() + static_cast<std::ptrdiff_t>(r * logits.outputs);
      embedding.insert(embedding.end(), from, from + logits.outputs);
    };
    int at = 0;
    if (shared_read) keep(at, shared);
    at += shared;
    if (!category) keep(at, category_own);
    at += category_own;
    if (!sentence) keep(at, sentence_own);
    at += sentence_own;
    category ? fold(*category) : keep(at, category_wide);
    at += category_wide;
    sentence ? fold(*sentence) : keep(at, sentence_wide);
    at += sentence_wide;
    keep(at, opinion);  // the opinion view's columns, then the folded category polarity
    if (category_polarity) fold(*category_polarity);
  }
  embedding.shrink_to_fit();
  weights.embedding = std::move(embedding);
  if (!shared_read) config.dim = 0;
  // A folded head reads no embedding: weights 0 over the shared one, its
  // logits' biases.
  const auto zero_head = [&](std::vector<float>& head, const FeatureLogits& logits) {
    head.assign(static_cast<std::size_t>(logits.outputs) * config.dim, 0.0f);
    head.insert(head.end(), logits.bias.begin(), logits.bias.end());
  };
  if (category) {
    config.category_dim = 0;
    config.wide_categories = true;
    zero_head(weights.category, *category);
  }
  if (sentence) {
    config.sentence_dim = 0;
    config.sentence_wide = true;
    zero_head(weights.polarity, *sentence);
  }
  if (category_polarity) {
    config.category_polarity_folded = true;
    zero_head(weights.category_polarity, *category_polarity);
  }
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
