#pragma once
// Scores of probabilistic binary classifiers: ranking (AUC), accuracy of the
// probabilities (Brier score) and calibration (reliability table).

#include <vector>

#include "common/status.h"

namespace sobremesa {

// Area under the ROC curve: the probability that a random positive scores
// above a random negative, ties counting one half. InvalidArgument when the
// sizes differ; FailedPrecondition when one class is absent (AUC undefined).
StatusOr<double> AreaUnderRoc(const std::vector<double>& scores, const std::vector<double>& labels);

// Mean squared difference between probability and 0/1 outcome.
// InvalidArgument when the sizes differ or there are no examples.
StatusOr<double> BrierScore(const std::vector<double>& probabilities,
                            const std::vector<double>& labels);

// One bin of a reliability table: the examples with predicted probability
// in [lower, upper) (the last bin includes 1).
struct ReliabilityBin {
  double lower = 0;
  double upper = 0;
  int count = 0;
  double mean_predicted = 0;  // 0 when the bin is empty
  double observed_rate = 0;   // fraction of positives; 0 when empty
};

// `bins` equal-width bins over [0, 1]. InvalidArgument when the sizes differ
// or bins < 1.
StatusOr<std::vector<ReliabilityBin>> ReliabilityTable(const std::vector<double>& probabilities,
                                                       const std::vector<double>& labels,
                                                       int bins = 10);

// A percentile interval of AUC(a) - AUC(b) over `resamples` bootstrap
// resamples of the examples (the same resample for both scorers, so the
// interval is of the paired difference). Deterministic for a given `seed`.
struct AucDifference {
  double difference = 0;  // on the examples themselves
  double low = 0;         // 2.5th percentile
  double high = 0;        // 97.5th percentile
};

// InvalidArgument when the sizes differ or resamples < 10; FailedPrecondition
// when one class is absent. Resamples that draw a single class are redrawn.
StatusOr<AucDifference> BootstrapAucDifference(const std::vector<double>& a,
                                               const std::vector<double>& b,
                                               const std::vector<double>& labels,
                                               int resamples = 1000, unsigned seed = 1);

}  // namespace sobremesa
