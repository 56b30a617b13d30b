#pragma once
// Binary logistic regression, the classifier behind the 90-day return (churn)
// and no-show risk models. Fitted with LibTorch (LBFGS on the mean log-loss
// plus an L2 penalty) on standardised features; prediction is plain double
// arithmetic, so a fitted model is a value that any number of threads may read.
//
// Logistic regression rather than a deeper model: a few thousand examples and
// about a dozen features, where its log-loss fit is close to calibrated by
// construction (the manager reads the probabilities, not only the ranking).

#include <span>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct LogisticRegressionOptions {
  double l2 = 1e-3;          // penalty on the standardised weights (not the bias)
  int max_iterations = 500;  // LBFGS iterations
};

class LogisticRegression {
 public:
  // `features` holds one row per example, all of the same width; `labels`
  // one 0 or 1 per row. InvalidArgument for an empty or ragged matrix, a
  // non-finite value, a label other than 0/1 or mismatched sizes;
  // FailedPrecondition when only one class is present or the fit diverges;
  // Internal when LibTorch throws.
  static StatusOr<LogisticRegression> Fit(const std::vector<std::vector<double>>& features,
                                          const std::vector<double>& labels,
                                          const LogisticRegressionOptions& options = {});

  // P(label = 1 | features), in [0, 1]. `features` must have the width the
  // model was fitted on (not checked in release builds).
  double Predict(std::span<const double> features) const;
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;

  // Weights on the standardised features (comparable across features), and
  // the bias; for reports.
  const std::vector<double>& standardized_weights() const { return weights_; }
  double bias() const { return bias_; }

  // The standardisation, so that a fitted model can be written to a file
  // and rebuilt by FromParameters without LibTorch.
  const std::vector<double>& feature_means() const { return mean_; }
  const std::vector<double>& feature_scales() const { return scale_; }

  // A fitted model from saved parameters. InvalidArgument when the vectors
  // differ in width, are empty, or hold a non-finite value or a scale <= 0.
  static StatusOr<LogisticRegression> FromParameters(std::vector<double> means,
                                                     std::vector<double> scales,
                                                     std::vector<double> weights, double bias);

 private:
  LogisticRegression() = default;

  // Fixed after Fit.
  std::vector<double> mean_;
  std::vector<double> scale_;  // standard deviation; 1 for a constant feature
  std::vector<double> weights_;
  double bias_ = 0;
};

}  // namespace sobremesa
