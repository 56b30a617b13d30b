#pragma once
// A linear blend of rating predictors: r = w0 + Σ_k w_k · prediction_k, with
// the weights fitted by least squares. Fit it on predictions for ratings the
// components were NOT trained on (a validation split); fitted on their own
// training ratings it would reward whichever component overfits most.

#include <span>
#include <utility>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

class LinearBlend {
 public:
  // `predictions[k][n]` is component k's prediction for rating n and
  // `targets[n]` the true rating. InvalidArgument if there are no components,
  // lengths disagree or there are fewer ratings than weights.
  static StatusOr<LinearBlend> Fit(const std::vector<std::vector<float>>& predictions,
                                   std::span<const float> targets);

  // `components[k]` is component k's prediction (same order as in Fit).
  float Predict(std::span<const float> components) const;

  // Intercept first, then one weight per component.
  const std::vector<double>& weights() const { return weights_; }

 private:
  explicit LinearBlend(std::vector<double> weights) : weights_(std::move(weights)) {}
  std::vector<double> weights_;
};

}  // namespace sobremesa::recommendation
