#pragma once
// Platt scaling: a classifier's probability p recalibrated as
// 1 / (1 + exp(-(slope * logit(p) + intercept))), the two numbers fitted by
// logistic regression of the outcomes on logit(p). Used on the 90-day return
// classifier when its probabilities, scored on a later window than the one it
// was fitted on, are off (return_evaluation.h decides whether to keep it).
// A monotone map with slope > 0, so it changes probabilities, not ranking.

#include <vector>

#include "common/status.h"

namespace sobremesa {

struct PlattScaling {
  double slope = 1;
  double intercept = 0;

  // Fitted on `probabilities` and their 0/1 `labels`. The errors of
  // LogisticRegression::Fit (one class, malformed input); FailedPrecondition
  // when the fitted slope is not positive (the scores rank backwards, and a
  // recalibration would reverse the ranking).
  static StatusOr<PlattScaling> Fit(const std::vector<double>& probabilities,
                                    const std::vector<double>& labels);

  double Apply(double probability) const;
  std::vector<double> ApplyAll(std::vector<double> probabilities) const;
};

}  // namespace sobremesa
