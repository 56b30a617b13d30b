#pragma once
// The official SemEval-2016 Task 5 measures, and sentence-level polarity.

#include <string>
#include <vector>

#include "models/sentiment/polarity.h"

namespace sobremesa::evaluation {

// Slot 1: micro-averaged F1 over (sentence, category) pairs, categories
// counted once per sentence. Each argument holds one entry a sentence.
double AspectCategoryF1(const std::vector<std::vector<std::string>>& gold,
                        const std::vector<std::vector<std::string>>& predicted);

// Accuracy and macro-F1 (mean over the three classes of per-class F1;
// classes absent from both gold and predictions are skipped).
struct PolarityScores {
  double accuracy = 0.0;
  double macro_f1 = 0.0;
};
PolarityScores ScorePolarities(const std::vector<sentiment::Polarity>& gold,
                               const std::vector<sentiment::Polarity>& predicted);

}  // namespace sobremesa::evaluation
