#include "models/behaviour/platt_scaling.h"

#include <algorithm>
#include <cmath>

#include "models/behaviour/logistic_regression.h"

namespace sobremesa {
namespace {

// Probabilities of exactly 0 or 1 (a saturated tree or net) have infinite
// log-odds; clamped so that they stay ordered and finite.
double Logit(double p) {
  p = std::clamp(p, 1e-6, 1 - 1e-6);
  return std::log(p / (1 - p));
}

}  // namespace

StatusOr<PlattScaling> PlattScaling::Fit(const std::vector<double>& probabilities,
                                         const std::vector<double>& labels) {
  std::vector<std::vector<double>> x;
  x.reserve(probabilities.size());
  for (double p : probabilities) x.push_back({Logit(p)});
  ASSIGN_OR_RETURN(LogisticRegression fit, LogisticRegression::Fit(x, labels));
  // Back from the standardised feature to logit(p) itself.
  const double w = fit.standardized_weights()[0], scale = fit.feature_scales()[0];
  PlattScaling s{.slope = w / scale, .intercept = fit.bias() - w * fit.feature_means()[0] / scale};
  if (!(s.slope > 0) || !std::isfinite(s.intercept)) {
    return Status::FailedPrecondition("Platt scaling: the scores do not rank the outcomes");
  }
  return s;
}

double PlattScaling::Apply(double p) const {
  return 1 / (1 + std::exp(-(slope * Logit(p) + intercept)));
}

std::vector<double> PlattScaling::ApplyAll(std::vector<double> probabilities) const {
  for (double& p : probabilities) p = Apply(p);
  return probabilities;
}

}  // namespace sobremesa
