#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentence_linear_view.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

// What a served head's logits are made of (TrainingOptions::sentence_bagging
// and ::category_bagging).
enum class FoldBagging {
  // The final fit's head (+ the chosen view).
  kNone,
  // The mean of the threshold folds' heads (+ each fold's view): models
  // fitted on different 3/4 of the data, so averaging them lowers variance
  // where seeds on the same data did not (they converge to the same
  // answers), and the served head is the models whose out-of-fold
  // predictions chose the view, the thresholds and the offsets.
  kFolds,
  // The same mean with the final fit's head (+ view) as one more member.
  kFoldsAndFinal,
};
// The sentence head's name for it (the evaluation's --sentence-bagging).
using SentenceBagging = FoldBagging;

// A head whose logits are linear in the mean of a sentence's feature rows,
// as one weight a feature and output plus biases: logits = bias + the mean
// over the sentence's features of their weights.
struct FeatureLogits {
  int outputs = 0;
  std::vector<float> weights;  // buckets x outputs
  std::vector<float> bias;     // outputs
  // Logits of a sentence with features `ids` (bias when `ids` is empty).
  std::vector<float> Logits(const std::vector<std::uint32_t>& ids) const;
};

// The logits of `head` (writing `outputs` logits of a hidden vector, linear
// in it: every head of SentimentModel with its wide part) of `model` as one
// weight a feature and output: row r's weights are head(row r) minus
// head(zeros), the bias head(zeros).
FeatureLogits PerFeatureLogits(const SentimentModel& model, int outputs,
                               const std::function<void(const float* hidden, float* logits)>& head);
// PerFeatureLogits of the sentence head (SentenceScores, 3 outputs), of
// the category head (CategoryScore of every category, C outputs) and of the
// category-polarity logits (CategoryPolarityScores of every category,
// category-major, 3C outputs: the head alone when the model has no Slot 3
// blend, as the trainer's fold models have not).
FeatureLogits SentenceLogitsPerFeature(const SentimentModel& model);
FeatureLogits CategoryLogitsPerFeature(const SentimentModel& model);
FeatureLogits CategoryPolarityLogitsPerFeature(const SentimentModel& model);

// into += weight x from (weights and bias), of the same shape; `into`
// empty (no outputs): zeros of from's shape first. A SentenceView is a
// FeatureLogits of 3 outputs.
void AddScaled(FeatureLogits& into, const FeatureLogits& from, float weight);
void AddScaled(FeatureLogits& into, const SentenceView& from, float weight);

// The mean of `members` (each of the same shape, at least one).
FeatureLogits Mean(const std::vector<FeatureLogits>& members);

// Heads served as folded per-feature logits; each replaces its head, its
// own embedding and its wide part.
struct FoldedHeads {
  std::optional<FeatureLogits> category;  // C outputs
  std::optional<FeatureLogits> sentence;  // 3 outputs
  // 3C outputs; replaces the head only: the opinion view's columns and the
  // sentence logits' weight (category_polarity_blend.h) still add to it, so
  // its biases must include the view's.
  std::optional<FeatureLogits> category_polarity;
};

// A model of `config` and `weights` (as fitted) whose category, sentence
// and/or category-polarity logits are `folded`'s: a folded head's own
// embedding columns are dropped from each row (category_dim or sentence_dim
// 0), its logits' weights become its wide part (wide_categories,
// sentence_wide before the opinion view's columns;
// category_polarity_folded at the end of the row) and their biases the
// head's, whose weights are 0. When no head reads the shared embedding any
// more, it is dropped too (dim 0). The row gets narrower (category_dim - C
// or sentence_dim - 3 floats when the head had no wide part; dim - 3C when
// everything is folded), so serving a bag of heads costs less than serving
// one. InvalidArgument if the sizes do not match (SentimentModel::Create).
StatusOr<std::unique_ptr<SentimentModel>> WithFoldedHeads(SentimentModelConfig config,
                                                          SentimentModel::Weights weights,
                                                          const FoldedHeads& folded);

// Offsets added to the negative and neutral logits (positive's stays 0;
// only differences matter), from a grid of -1.5 .. 1.5 in steps of 0.25,
// maximising accuracy + macro-F1 of the largest of `scores` + offsets
// against `gold`; all zero unless some offsets score strictly higher. For
// out-of-fold scores of the models the served logits are the mean of
// (FoldBagging::kFolds), so both are scores of models that did not see
// the sentence.
std::array<float, kPolarities> ChooseLogitOffsets(
    const std::vector<std::array<float, kPolarities>>& scores, const std::vector<Polarity>& gold);

}  // namespace sobremesa::sentiment
