#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "models/sentiment/feature_hasher.h"
#include "models/sentiment/polarity.h"

namespace sobremesa::text {
class TextAnalyzer;
}  // namespace sobremesa::text

namespace sobremesa::sentiment {

// A small out-of-fold stacker for the sentence's polarity: a multinomial
// logistic regression over the sentence logits and what else the model
// knows of the sentence (SentenceEvidence), fitted on the threshold folds'
// out-of-fold predictions and kept only when cross-fitting on those folds
// scores higher than the sentence logits alone
// (TrainingOptions::sentence_stacker; SentimentModelConfig::sentence_stacker).
//
// Why: SemEval's sentence gold is neutral when the sentence's opinions
// disagree, so most "neutral" sentences are mixed ("la comida buena pero
// el servicio lento"), the weakest class. A mixed sentence shows in a
// contrast word and in detected categories of both polarities; the
// sentence head alone sees neither as such.

// What the sentence decision reads beside the sentence logits.
struct SentenceEvidence {
  // Over the detected categories: the largest probability of positive and
  // of negative (softmax of the category's polarity logits), and how many.
  float max_positive = 0.0f;
  float max_negative = 0.0f;
  int categories = 0;
  // A contrast word ("pero", "aunque", "but", ...; ContrastFeatureIds).
  bool contrast = false;

  // Counts one detected category with these polarity logits (kPolarities).
  void AddCategory(const float* logits);
};

// Inputs of the stacker: the 3 sentence logits, the contrast flag and the
// logits times it (a contrast changes what the logits mean), max positive,
// max negative, the smaller of the two (praise and complaint both
// present), the number of detected categories.
inline constexpr int kStackerInputs = 11;
using StackerInputs = std::array<float, kStackerInputs>;
StackerInputs StackerInputsOf(const float* sentence_logits, const SentenceEvidence& evidence);

// Weights of a stacker: kPolarities rows of kStackerInputs weights and a
// bias (the inputs' standardisation already folded in). Empty: none.
inline constexpr std::size_t kStackerWeights = kPolarities * (kStackerInputs + 1);

// The class of the largest of weights x inputs + bias.
Polarity StackedPolarity(const std::vector<float>& weights, const StackerInputs& inputs);

// Multinomial logistic regression of `gold` on `inputs`
// (FitSoftmaxRegression, softmax_regression.h: standardised inputs, L2
// 1e-3, 300 full-batch gradient steps of 0.5), as kStackerWeights
// weights. Deterministic.
std::vector<float> FitSentenceStacker(const std::vector<StackerInputs>& inputs,
                                      const std::vector<Polarity>& gold);

// The stacker fitted on all of `inputs` when cross-fitting over `folds`
// (each row's threshold fold: fit on the other folds, predict this one)
// scores a strictly higher accuracy + macro-F1 against `gold` than
// `baseline` (what is served without a stacker); else empty. Fewer than 2
// folds: empty.
std::vector<float> ChooseSentenceStacker(const std::vector<StackerInputs>& inputs,
                                         const std::vector<Polarity>& gold,
                                         const std::vector<std::size_t>& folds,
                                         const std::vector<Polarity>& baseline);

// Bucket ids (sorted) of the contrast words of the analyzer's language as
// a model with `features` hashes them (the stemmed word's own feature). A
// sentence has a contrast when one of its feature ids is one of these; the
// trainer tests a training example's features, the predictor a sentence's
// word and bigram ids, so both read the same.
std::vector<std::uint32_t> ContrastFeatureIds(text::TextAnalyzer& analyzer,
                                              const FeatureOptions& features);
bool HasContrast(const std::vector<std::uint32_t>& features,
                 const std::vector<std::uint32_t>& contrast_ids);

}  // namespace sobremesa::sentiment
