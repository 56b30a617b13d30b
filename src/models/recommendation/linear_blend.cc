#include "models/recommendation/linear_blend.h"

#include <cmath>
#include <string>
#include <utility>

namespace sobremesa::recommendation {

StatusOr<LinearBlend> LinearBlend::Fit(const std::vector<std::vector<float>>& predictions,
                                       std::span<const float> targets) {
  if (predictions.empty()) return Status::InvalidArgument("a blend needs at least one component");
  const size_t dim = predictions.size() + 1;
  if (targets.size() < dim) {
    return Status::InvalidArgument("a blend of " + std::to_string(predictions.size()) +
                                   " components needs at least " + std::to_string(dim) +
                                   " ratings, got " + std::to_string(targets.size()));
  }
  for (const std::vector<float>& p : predictions) {
    if (p.size() != targets.size()) {
      return Status::InvalidArgument("component predictions and targets differ in length");
    }
  }
  // Normal equations [XᵀX | Xᵀy] with X = [1, predictions...], in double.
  // A tiny ridge keeps them solvable when two components agree exactly.
  std::vector<std::vector<double>> a(dim, std::vector<double>(dim + 1, 0));
  std::vector<double> x(dim);
  for (size_t n = 0; n < targets.size(); ++n) {
    x[0] = 1;
    for (size_t k = 1; k < dim; ++k) x[k] = predictions[k - 1][n];
    for (size_t r = 0; r < dim; ++r) {
      for (size_t c = 0; c < dim; ++c) a[r][c] += x[r] * x[c];
      a[r][dim] += x[r] * targets[n];
    }
  }
  for (size_t r = 1; r < dim; ++r) a[r][r] += 1e-9 * targets.size();
  // Gaussian elimination with partial pivoting; XᵀX is positive definite.
  for (size_t col = 0; col < dim; ++col) {
    size_t pivot = col;
    for (size_t r = col + 1; r < dim; ++r) {
      if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
    }
    std::swap(a[col], a[pivot]);
    if (a[col][col] == 0) return Status::InvalidArgument("blend components are degenerate");
    for (size_t r = 0; r < dim; ++r) {
      if (r == col) continue;
      const double f = a[r][col] / a[col][col];
      for (size_t c = col; c <= dim; ++c) a[r][c] -= f * a[col][c];
    }
  }
  std::vector<double> weights(dim);
  for (size_t r = 0; r < dim; ++r) weights[r] = a[r][dim] / a[r][r];
  return LinearBlend(std::move(weights));
}

float LinearBlend::Predict(std::span<const float> components) const {
  double r = weights_[0];
  for (size_t k = 0; k < components.size() && k + 1 < weights_.size(); ++k) {
    r += weights_[k + 1] * components[k];
  }
  return static_cast<float>(r);
}

}  // namespace sobremesa::recommendation
