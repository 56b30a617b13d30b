#pragma once

#include <array>
#include <vector>

#include "models/sentiment/polarity.h"
#include "models/sentiment/sentence_linear_view.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

struct TrainingExample;  // sentiment_trainer.h

// Slot 3 (the polarity of an opinion whose category is given) from more
// than the category-polarity head: its logits plus, each weighted out of
// fold,
//  - the sentence's polarity logits (sentence head plus its view): most
//    sentences speak of one category, and there the sentence's polarity is
//    the opinion's;
//  - an opinion view: the linear model of sentence_linear_view.h fitted on
//    every opinion (the sentence's features, the opinion's polarity), one
//    for all categories, so a full-rank bag of n-grams backs the low-rank
//    head the way the sentence view backs the sentence head.
// SentimentModelConfig::category_polarity_sentence_weight and
// ::category_polarity_wide carry them into the model.

// What a fold's model said of one gold opinion of a held-out sentence.
struct OpinionLogits {
  Polarity gold;
  std::array<float, kPolarities> category{};  // the category-polarity head's
  std::array<float, kPolarities> sentence{};  // sentence head + chosen view
  std::array<float, kPolarities> view{};      // the opinion view's
};

struct CategoryPolarityBlend {
  float sentence = 0.0f;  // weight of OpinionLogits::sentence
  float view = 0.0f;      // weight of OpinionLogits::view
};

// The weights, out of {0} and `sentence_candidates` times {0} and
// `view_candidates`, whose category + sentence weight x sentence + view
// weight x view logits get the most of `opinions` right (Slot 3 accuracy);
// on ties the smaller weights, so a part is kept only when it helps.
CategoryPolarityBlend ChooseCategoryPolarityBlend(const std::vector<OpinionLogits>& opinions,
                                                  const std::vector<float>& sentence_candidates,
                                                  const std::vector<float>& view_candidates);

// The opinion view fitted on every opinion of `data` (each a copy of its
// sentence's features with the opinion's polarity; auxiliary sentences'
// mapped opinions included, their neutral ones only with
// `auxiliary_neutral`: SemEval-2014 reads "conflict" as neutral and holds
// five times SemEval-2016's share of neutral opinions).
SentenceView FitOpinionView(const std::vector<const TrainingExample*>& data,
                            std::uint32_t buckets, const SentenceViewOptions& options,
                            bool auxiliary_neutral = true);

// `embedding` (rows of `width` floats) with `weight` x the view's weights
// (one row of kPolarities a feature) appended to every row.
void AppendViewToRows(std::vector<float>& embedding, int width, const SentenceView& view,
                      float weight);

// `weights` (rows of `width` floats) with `weight` x the opinion view's
// weights appended to every row and its biases added to every category's
// polarity biases (SentimentModelConfig::category_polarity_wide).
void AddOpinionView(SentimentModel::Weights& weights, int width, int categories,
                    const SentenceView& view, float weight);

}  // namespace sobremesa::sentiment
