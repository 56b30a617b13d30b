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

// Sentence and opinion polarity: accuracy and macro-F1 (polarity.h).
using sentiment::PolarityScores;
using sentiment::ScorePolarities;

}  // namespace sobremesa::evaluation
