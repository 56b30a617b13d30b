#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "models/sentiment/pretrained_vectors.h"

namespace sobremesa::sentiment {

struct TrainingExample;  // sentiment_trainer.h

// A view of aspect categories from pretrained word vectors
// (pretrained_vectors.h): the mean of a sentence's word vectors and one
// logistic regression a category on it. Our own embeddings learn only the
// words SemEval's few thousand sentences use; this view knows "waitress"
// or "sashimi" from outside text. Its logits, times a weight chosen out of
// fold, are added to the category logits (TrainingOptions::
// category_vector_view_weights).
struct CategoryVectorView {
  int dims = 0;
  // C x dims weights, then C biases.
  std::vector<float> weights;

  int categories() const { return dims == 0 ? 0 : static_cast<int>(weights.size()) / (dims + 1); }
  // Every category's logit of a sentence whose words with a vector are
  // `ids` (their mean vector; none: the biases alone), into `logits`.
  void Logits(const PretrainedVectors& vectors, const std::vector<std::uint32_t>& ids,
              float* logits) const;
};

// What a served model keeps of the view (SentimentModelConfig::
// category_word_view): a head on a mean is the mean of the head's outputs,
// so each word keeps C floats (weight x its vector through the head) and
// no vector. A sentence's view logits are the mean of its known words'
// rows plus `bias` (just `bias` when it has none).
//
// Since model file version 10 the served view may instead be a max-pooled
// reader (category_vector_reader.h): then each word keeps its h_w
// (`reader_units` floats, never negative), and a sentence's logits are
// `bias` plus `reader_output` times the largest h_w of its known words
// unit by unit (zeros when it has none), then, with `reader_mean`, their
// mean.
struct CategoryWordView {
  std::vector<std::string> words;
  std::vector<float> values;  // words x width()
  std::vector<float> bias;    // C
  // The thresholds and fallback the category scores had before the view
  // was added (SentimentModelConfig::category_thresholds and
  // category_fallback chosen on the same out-of-fold scores without it):
  // the sentence stacker's evidence reads the categories the model detects
  // without the view (SentimentModel::EvidenceCategories), so the view
  // changes Slot 1 and not sentence polarity.
  std::vector<float> evidence_thresholds;  // C
  float evidence_fallback = 0.0f;
  int reader_units = 0;  // 0: the linear view
  bool reader_mean = false;
  std::vector<float> reader_output;  // C x (reader_units, or 2 x with reader_mean)

  bool empty() const { return words.empty(); }
  // Floats a word keeps: C for the linear view, reader_units for a reader.
  int width() const { return reader_units > 0 ? reader_units : static_cast<int>(bias.size()); }
  // The view's logits (C) of a sentence from the sum and the unit-wise
  // largest (a reader's; unread by the linear view) of its `count` known
  // words' values (width() floats each; `max` zeros when count is 0).
  void Logits(const float* sum, const float* max, std::size_t count, float* logits) const;
};

// Fits the view on the examples of `data` with categories_known (their
// TrainingExample::vector_words): inputs standardised, L2 1e-3, full-batch
// gradient descent with momentum. All zeros when there is no such example.
CategoryVectorView FitCategoryVectorView(const std::vector<const TrainingExample*>& data,
                                         const PretrainedVectors& vectors, int categories);

// The view as served: every word of `vectors` with its C floats, all
// times `weight`.
CategoryWordView FoldCategoryVectorView(const CategoryVectorView& view,
                                        const PretrainedVectors& vectors, float weight);

}  // namespace sobremesa::sentiment
