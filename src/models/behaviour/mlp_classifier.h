#pragma once
// A one-hidden-layer perceptron for binary labels, the 90-day return
// classifier's alternative to logistic regression: it can build the
// interactions a linear model cannot (a foreign guest's single visit means
// something else than a regular's). Fitted with LibTorch (Adam on the mean
// log-loss, weight decay) on standardised features; prediction is plain
// double arithmetic, so a fitted model is a value any thread may read.

#include <cstdint>
#include <span>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct MlpOptions {
  int hidden = 16;
  int epochs = 400;  // full-batch Adam steps
  double learning_rate = 0.01;
  double weight_decay = 1e-4;
  std::uint64_t seed = 1;  // initial weights
};

class MlpClassifier {
 public:
  // As LogisticRegression::Fit: InvalidArgument for malformed examples,
  // FailedPrecondition for one class or a diverged fit, Internal when
  // LibTorch throws.
  static StatusOr<MlpClassifier> Fit(const std::vector<std::vector<double>>& features,
                                     const std::vector<double>& labels,
                                     const MlpOptions& options = {});

  // P(label = 1 | features), in [0, 1]; `features` as wide as in Fit.
  double Predict(std::span<const double> features) const;
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;

  // The fitted parameters, so that a model can be written to a file and
  // rebuilt by FromParameters without LibTorch.
  struct Parameters {
    std::vector<double> means, scales;  // the standardisation, per feature
    std::vector<double> w1;             // hidden x width, row-major
    std::vector<double> b1, w2;         // per hidden unit
    double b2 = 0;
  };
  Parameters parameters() const { return {mean_, scale_, w1_, b1_, w2_, b2_}; }
  // InvalidArgument when the sizes disagree, a value is not finite or a
  // scale is <= 0.
  static StatusOr<MlpClassifier> FromParameters(Parameters p);

 private:
  MlpClassifier() = default;

  // Fixed after Fit.
  std::vector<double> mean_, scale_;
  std::vector<double> w1_;  // hidden x width, row-major
  std::vector<double> b1_;  // hidden
  std::vector<double> w2_;  // hidden
  double b2_ = 0;
};

}  // namespace sobremesa
