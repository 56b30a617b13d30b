#pragma once

#include <array>
#include <memory>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentence_linear_view.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

// What the served sentence-polarity logits are made of
// (TrainingOptions::sentence_bagging).
enum class SentenceBagging {
  // The final fit's sentence head (+ the chosen sentence view).
  kNone,
  // The mean of the threshold folds' sentence heads (+ each fold's view):
  // models fitted on different 3/4 of the data, so averaging them lowers
  // variance where seeds on the same data did not (they converge to the
  // same answers), and the served head is the models whose out-of-fold
  // predictions chose the view and its weight.
  kFolds,
  // The same mean with the final fit's head (+ view) as one more member.
  kFoldsAndFinal,
};

// The sentence logits of `model` (its sentence head and sentence-wide part)
// as one weight a feature and polarity, the bias apart: every part is
// linear in the mean of the feature rows, so logits = bias + mean over
// the features of W x row. Row r's weights are SentenceScores(row r) minus
// SentenceScores(zeros).
SentenceView SentenceLogitsPerFeature(const SentimentModel& model);

// into += weight x from (weights and bias); both of the same buckets.
void AddScaled(SentenceView& into, const SentenceView& from, float weight);

// A model of `config` and `weights` (as fitted: no sentence-wide part) whose
// sentence logits are `logits`: the sentence embedding's columns are dropped
// from each row (sentence_dim 0), `logits`' weights become the sentence-wide
// part (before the opinion view's columns, if the model has them) and its
// bias the polarity head's, whose weights are 0. The row gets
// narrower (sentence_dim - 3 floats), so serving a bag of heads costs less
// than serving one. InvalidArgument if `config` already has a sentence-wide
// part or the sizes do not match (SentimentModel::Create).
StatusOr<std::unique_ptr<SentimentModel>> WithSentenceLogits(SentimentModelConfig config,
                                                             SentimentModel::Weights weights,
                                                             const SentenceView& logits);

// Offsets added to the negative and neutral logits (positive's stays 0;
// only differences matter), from a grid of -1.5 .. 1.5 in steps of 0.25,
// maximising accuracy + macro-F1 of the largest of `scores` + offsets
// against `gold`; all zero unless some offsets score strictly higher. For
// out-of-fold scores of the models the served logits are the mean of
// (SentenceBagging::kFolds), so both are scores of models that did not
// see the sentence.
std::array<float, kPolarities> ChooseLogitOffsets(
    const std::vector<std::array<float, kPolarities>>& scores, const std::vector<Polarity>& gold);

}  // namespace sobremesa::sentiment
