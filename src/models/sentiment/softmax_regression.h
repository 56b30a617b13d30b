#pragma once

#include <vector>

namespace sobremesa::sentiment {

// A small multinomial logistic regression fitted in full batches: the
// fitting code of the out-of-fold stackers (sentence_stacker.h,
// category_stacker.h), which read a few dozen inputs on a few thousand
// rows, so plain gradient descent on standardised inputs suffices and
// stays deterministic.
//
// `inputs` holds the rows one after another, `width` floats each; `gold`
// one class in [0, classes) a row. Inputs standardised, L2 1e-3 on the
// weights (not the biases), 300 full-batch gradient steps of 0.5 (the
// settings of the sentence stacker's measurement in
// docs/evaluation/sentiment.md). Returns classes rows of width weights and
// a bias, the standardisation folded in, so a class's score is
// weights . x + bias on raw inputs. No rows: all zero.
std::vector<float> FitSoftmaxRegression(const std::vector<float>& inputs, int width,
                                        const std::vector<int>& gold, int classes);

}  // namespace sobremesa::sentiment
