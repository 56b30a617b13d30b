#include "models/sentiment/sentence_stacker.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "models/sentiment/sentiment_predictor.h"
#include "models/sentiment/softmax_regression.h"
#include "text/text_analyzer.h"

namespace sobremesa::sentiment {
namespace {

constexpr int kRow = kStackerInputs + 1;  // weights and bias of one class

std::array<float, kPolarities> Softmax(const float* logits) {
  const float top = *std::max_element(logits, logits + kPolarities);
  std::array<float, kPolarities> p;
  float sum = 0.0f;
  for (int c = 0; c < kPolarities; ++c) sum += p[c] = std::exp(logits[c] - top);
  for (float& x : p) x /= sum;
  return p;
}

// Words that join two clauses of opposite sense. Not negation_marker's
// list: that one ends a negation's scope, this one marks a turn in
// opinion ("excepto", "unfortunately" are not clause openers there, and
// Portuguese "mas" would be Spanish "más" once accents are folded).
std::vector<std::string_view> ContrastWords(text::Language language) {
  switch (language) {
    case text::Language::kSpanish:
      return {"pero", "aunque", "embargo", "sino", "excepto", "salvo"};
    case text::Language::kEnglish:
      return {"but", "although", "though", "however", "except", "unfortunately"};
    case text::Language::kPortuguese:
      return {"porém", "embora", "contudo", "entretanto", "exceto"};
    default:
      return {};
  }
}

}  // namespace

void SentenceEvidence::AddCategory(const float* logits) {
  const std::array<float, kPolarities> p = Softmax(logits);
  max_positive = std::max(max_positive, p[static_cast<int>(Polarity::kPositive)]);
  max_negative = std::max(max_negative, p[static_cast<int>(Polarity::kNegative)]);
  ++categories;
}

StackerInputs StackerInputsOf(const float* sentence_logits, const SentenceEvidence& evidence) {
  const float contrast = evidence.contrast ? 1.0f : 0.0f;
  return {sentence_logits[0],
          sentence_logits[1],
          sentence_logits[2],
          contrast,
          contrast * sentence_logits[0],
          contrast * sentence_logits[1],
          contrast * sentence_logits[2],
          evidence.max_positive,
          evidence.max_negative,
          std::min(evidence.max_positive, evidence.max_negative),
          static_cast<float>(evidence.categories)};
}

Polarity StackedPolarity(const std::vector<float>& weights, const StackerInputs& inputs) {
  float best = -INFINITY;
  int best_class = 0;
  for (int c = 0; c < kPolarities; ++c) {
    const float* w = weights.data() + c * kRow;
    float s = w[kStackerInputs];
    for (int j = 0; j < kStackerInputs; ++j) s += w[j] * inputs[j];
    if (s > best) best = s, best_class = c;
  }
  return static_cast<Polarity>(best_class);
}

std::vector<float> FitSentenceStacker(const std::vector<StackerInputs>& inputs,
                                      const std::vector<Polarity>& gold) {
  std::vector<float> rows;
  rows.reserve(inputs.size() * kStackerInputs);
  for (const StackerInputs& x : inputs) rows.insert(rows.end(), x.begin(), x.end());
  std::vector<int> classes;
  for (const Polarity p : gold) classes.push_back(static_cast<int>(p));
  return FitSoftmaxRegression(rows, kStackerInputs, classes, kPolarities);
}

std::vector<float> ChooseSentenceStacker(const std::vector<StackerInputs>& inputs,
                                         const std::vector<Polarity>& gold,
                                         const std::vector<std::size_t>& folds,
                                         const std::vector<Polarity>& baseline) {
  std::vector<std::size_t> distinct = folds;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() < 2) return {};
  std::vector<Polarity> crossfit(inputs.size());
  for (const std::size_t fold : distinct) {
    std::vector<StackerInputs> fit_inputs;
    std::vector<Polarity> fit_gold;
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (folds[i] == fold) continue;
      fit_inputs.push_back(inputs[i]);
      fit_gold.push_back(gold[i]);
    }
    const std::vector<float> weights = FitSentenceStacker(fit_inputs, fit_gold);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      if (folds[i] == fold) crossfit[i] = StackedPolarity(weights, inputs[i]);
    }
  }
  const PolarityScores stacked = ScorePolarities(gold, crossfit);
  const PolarityScores plain = ScorePolarities(gold, baseline);
  if (stacked.accuracy + stacked.macro_f1 <= plain.accuracy + plain.macro_f1) return {};
  return FitSentenceStacker(inputs, gold);
}

std::vector<std::uint32_t> ContrastFeatureIds(text::TextAnalyzer& analyzer,
                                              const FeatureOptions& features) {
  std::vector<std::uint32_t> ids;
  for (const std::string_view word : ContrastWords(analyzer.language())) {
    // Short ASCII and Latin-1 words: analysis cannot fail on them.
    const StatusOr<std::vector<std::uint32_t>> own = TextFeatures(analyzer, features, word);
    if (own.ok() && !own->empty()) ids.push_back(own->front());  // the word; then its n-grams
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

bool HasContrast(const std::vector<std::uint32_t>& features,
                 const std::vector<std::uint32_t>& contrast_ids) {
  if (contrast_ids.empty()) return false;
  return std::any_of(features.begin(), features.end(), [&](std::uint32_t id) {
    return std::binary_search(contrast_ids.begin(), contrast_ids.end(), id);
  });
}

}  // namespace sobremesa::sentiment
