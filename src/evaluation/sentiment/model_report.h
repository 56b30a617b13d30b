#pragma once

#include <string>
#include <vector>

#include "selection/sentiment/semeval_dataset.h"

namespace sobremesa::evaluation {

// One model's results on one test set (docs/evaluation/sentiment.md).
struct ModelReport {
  std::string model;  // "sobremesa" or "fasttext"
  double slot1_f1 = 0.0;
  double slot3_accuracy = 0.0;
  double sentence_accuracy = 0.0;
  double sentence_macro_f1 = 0.0;
  double train_seconds = 0.0;
  // Sentence polarity + categories on one core, raw text in for us,
  // pre-tokenised text in for fastText.
  double sentences_per_second = 0.0;
};

// The sentences a timing pass reads: the test texts repeated to `count`.
std::vector<std::string> TimingTexts(const std::vector<sentiment::SemEvalSentence>& test, std::size_t count);

}  // namespace sobremesa::evaluation
