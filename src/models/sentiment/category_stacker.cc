#include "models/sentiment/category_stacker.h"

#include <algorithm>
#include <cmath>

#include "models/sentiment/softmax_regression.h"

namespace sobremesa::sentiment {
namespace {

// Category k's inputs (kCategoryStackerRow floats) from a sentence's.
void CategoryRow(const float* inputs, int categories, int k, float* row) {
  float other = -INFINITY;
  for (int j = 0; j < categories; ++j) {
    if (j != k) other = std::max(other, inputs[j]);
  }
  row[0] = inputs[k];
  row[1] = categories > 1 ? other : 0.0f;
  std::copy(inputs + categories, inputs + categories + kCategoryStackerFacts, row + 2);
}

}  // namespace

int CategoryStackerWidth(int categories) { return categories + kCategoryStackerFacts; }

std::size_t CategoryStackerWeights(int categories) {
  return static_cast<std::size_t>(categories) * (kCategoryStackerRow + 1);
}

void CategoryStackerInputs(const float* category_logits, int categories,
                           const float* sentence_logits, const SentenceFacts& facts,
                           float* inputs) {
  // logit(kCategoryStackerLowCut): sigmoid(s) >= cut <=> s >= logit(cut).
  static const float kLowLogit = std::log(kCategoryStackerLowCut / (1.0f - kCategoryStackerLowCut));
  int possible = 0;
  for (int k = 0; k < categories; ++k) {
    inputs[k] = category_logits[k];
    possible += category_logits[k] >= kLowLogit;
  }
  float* at = inputs + categories;
  const float top = *std::max_element(sentence_logits, sentence_logits + kPolarities);
  float sum = 0.0f;
  for (int p = 0; p < kPolarities; ++p) sum += at[p] = std::exp(sentence_logits[p] - top);
  for (int p = 0; p < kPolarities; ++p) at[p] /= sum;
  at += kPolarities;
  at[0] = std::log1p(static_cast<float>(facts.features));
  at[1] = facts.contrast ? 1.0f : 0.0f;
  at[2] = static_cast<float>(possible);
}

void StackedCategoryScores(const std::vector<float>& weights, int categories, const float* inputs,
                           float* scores) {
  float row[kCategoryStackerRow];
  for (int k = 0; k < categories; ++k) {
    CategoryRow(inputs, categories, k, row);
    const float* w = weights.data() + static_cast<std::size_t>(k) * (kCategoryStackerRow + 1);
    float s = w[kCategoryStackerRow];
    for (int j = 0; j < kCategoryStackerRow; ++j) s += w[j] * row[j];
    scores[k] = s;
  }
}

std::vector<float> FitCategoryStacker(const std::vector<float>& inputs, int categories,
                                      const std::vector<const std::vector<int>*>& gold) {
  const int width = CategoryStackerWidth(categories);
  constexpr int kRow = kCategoryStackerRow;
  std::vector<float> weights;
  weights.reserve(CategoryStackerWeights(categories));
  std::vector<int> is_gold(gold.size());
  std::vector<float> rows(gold.size() * kRow);
  for (int k = 0; k < categories; ++k) {
    for (std::size_t i = 0; i < gold.size(); ++i) {
      is_gold[i] = std::find(gold[i]->begin(), gold[i]->end(), k) != gold[i]->end() ? 1 : 0;
      CategoryRow(inputs.data() + i * width, categories, k, rows.data() + i * kRow);
    }
    // Two classes (not gold, gold): the logit is the difference of their rows.
    const std::vector<float> two = FitSoftmaxRegression(rows, kRow, is_gold, 2);
    for (int j = 0; j <= kRow; ++j) weights.push_back(two[kRow + 1 + j] - two[j]);
  }
  return weights;
}

std::vector<std::vector<float>> CrossFittedCategoryScores(
    const std::vector<float>& inputs, int categories,
    const std::vector<const std::vector<int>*>& gold, const std::vector<std::size_t>& folds) {
  std::vector<std::size_t> distinct = folds;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() < 2) return {};
  const int width = CategoryStackerWidth(categories);
  std::vector<std::vector<float>> scores(gold.size(), std::vector<float>(categories));
  for (const std::size_t fold : distinct) {
    std::vector<float> fit_inputs;
    std::vector<const std::vector<int>*> fit_gold;
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (folds[i] == fold) continue;
      fit_inputs.insert(fit_inputs.end(), inputs.begin() + i * width,
                        inputs.begin() + (i + 1) * width);
      fit_gold.push_back(gold[i]);
    }
    const std::vector<float> weights = FitCategoryStacker(fit_inputs, categories, fit_gold);
    for (std::size_t i = 0; i < gold.size(); ++i) {
      if (folds[i] == fold) {
        StackedCategoryScores(weights, categories, inputs.data() + i * width, scores[i].data());
      }
    }
  }
  return scores;
}

}  // namespace sobremesa::sentiment
