#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "models/sentiment/polarity.h"

namespace sobremesa::sentiment {

struct TrainingExample;  // sentiment_trainer.h

// A second, full-rank view of sentence polarity: a linear softmax model
// over the same hashed features as the embedding, the mean of the
// sentence's features (as the embedding's) times one weight a feature and
// a class. Trained on its own, optionally with L2 and Naive-Bayes scaling
// (NBSVM, Wang & Manning 2012): class c's weight of feature f is
// r[c][f] * theta[c][f], r the log-count ratio of f in sentences of c
// against the others, so features that counting finds telling move
// further a step.
// Known to do well on small sentiment sets; its logits are added to the
// sentence head's (SentimentModelConfig::sentence_wide), weighted out of
// fold (TrainingOptions::sentence_views).
// Defaults: Adagrad at 1 for 40 epochs without L2, which fitted best out
// of fold on the first Spanish split (docs/evaluation/sentiment.md; at 0.2
// for 20 epochs the view underfitted and hardly ever said neutral).
struct SentenceViewOptions {
  bool naive_bayes = true;
  float l2 = 0.0f;  // per-update L2 on the weights of the features seen
  int epochs = 40;
  float learning_rate = 1.0f;  // Adagrad
  std::uint64_t seed = 20160101;
};

// The view's weights: buckets x 3 (a row a feature, one weight a class,
// already NB-scaled), then 3 biases.
struct SentenceView {
  std::vector<float> weights;
  std::array<float, kPolarities> bias{};
  // Logits of a sentence with features `ids` (bias + mean weight row).
  std::array<float, kPolarities> Logits(const std::vector<std::uint32_t>& ids) const;
};

// Fits the view on the examples of `data` that have a sentence polarity;
// feature ids must be below `buckets`. An empty view (all zeros) when none
// has one.
SentenceView FitSentenceView(const std::vector<const TrainingExample*>& data,
                             std::uint32_t buckets, const SentenceViewOptions& options);

}  // namespace sobremesa::sentiment
