#pragma once

#include <cstddef>
#include <vector>

#include "models/sentiment/polarity.h"

namespace sobremesa::sentiment {

// A small out-of-fold stacker for aspect-category detection (Slot 1): one
// logistic regression a category over its first-stage logit, the largest
// of the other categories' logits, the sentence's polarity and a few cheap
// facts of the sentence, fitted on
// the threshold folds' out-of-fold predictions; the category thresholds
// and the fallback are then chosen again on its cross-fitted scores, and it
// is kept only when that beats the first stage
// (TrainingOptions::category_stacker; SentimentModelConfig::category_stacker).
//
// Why: the first stage decides each category on its own (one sigmoid and
// threshold each), so it cannot use that an opinionated sentence speaks of
// at least one category, that a short one rarely names two, or that a
// category is less likely when another is sure (RESTAURANT#GENERAL against
// the rest). Every category's logit as an input (the label structure in
// full) did worse out of fold than the category's own logit alone
// (docs/evaluation/sentiment.md): 12 inputs on ~1,200 rows overfit.

// What the stacker reads of a sentence besides its logits.
struct SentenceFacts {
  std::size_t features = 0;  // how many hashed features (its length)
  bool contrast = false;     // a contrast word (sentence_stacker.h)
};

// A category counts as "possible" (an input) when its first-stage
// probability reaches this.
inline constexpr float kCategoryStackerLowCut = 0.2f;

// Inputs of a sentence: the C category logits, then its facts: the
// sentence's polarity probabilities (softmax of its logits, kPolarities),
// log(1 + features), the contrast flag and how many categories are
// possible. CategoryStackerWidth(C) floats.
inline constexpr int kCategoryStackerFacts = kPolarities + 3;
int CategoryStackerWidth(int categories);
void CategoryStackerInputs(const float* category_logits, int categories,
                           const float* sentence_logits, const SentenceFacts& facts,
                           float* inputs);

// What a category's regression reads of those: its own logit, the largest
// of the other categories' logits, the facts.
inline constexpr int kCategoryStackerRow = 2 + kCategoryStackerFacts;
// Weights of a stacker: one row a category of kCategoryStackerRow weights
// and a bias (standardisation folded in).
std::size_t CategoryStackerWeights(int categories);
// The stacked logits of every category into `scores` (C floats).
void StackedCategoryScores(const std::vector<float>& weights, int categories, const float* inputs,
                           float* scores);

// Per category, a logistic regression (FitSoftmaxRegression with two
// classes, folded into one row) of whether the category is gold on
// `inputs` (CategoryStackerWidth floats a sentence; `gold`
// each sentence's categories). Deterministic.
std::vector<float> FitCategoryStacker(const std::vector<float>& inputs, int categories,
                                      const std::vector<const std::vector<int>*>& gold);

// Stacked logits of every row, each from a stacker fitted on the rows of
// the other folds (`folds`: each row's threshold fold). Fewer than 2
// folds: empty.
std::vector<std::vector<float>> CrossFittedCategoryScores(
    const std::vector<float>& inputs, int categories,
    const std::vector<const std::vector<int>*>& gold, const std::vector<std::size_t>& folds);

}  // namespace sobremesa::sentiment
