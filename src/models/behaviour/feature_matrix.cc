#include "models/behaviour/feature_matrix.h"

#include <cmath>

namespace sobremesa {

Status ValidateExamples(const std::string& model, const std::vector<std::vector<double>>& x,
                        const std::vector<double>& y) {
  if (x.empty()) return Status::InvalidArgument(model + ": no examples");
  if (x.size() != y.size()) {
    return Status::InvalidArgument(model + ": " + std::to_string(x.size()) + " rows but " +
                                   std::to_string(y.size()) + " labels");
  }
  const size_t width = x.front().size();
  if (width == 0) return Status::InvalidArgument(model + ": no features");
  double positives = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    if (x[i].size() != width) {
      return Status::InvalidArgument(model + ": row " + std::to_string(i) + " has " +
                                     std::to_string(x[i].size()) + " features, expected " +
                                     std::to_string(width));
    }
    for (double v : x[i]) {
      if (!std::isfinite(v)) {
        return Status::InvalidArgument(model + ": row " + std::to_string(i) +
                                       " has a non-finite feature");
      }
    }
    if (y[i] != 0 && y[i] != 1) {
      return Status::InvalidArgument(model + ": label " + std::to_string(i) + " is not 0 or 1");
    }
    positives += y[i];
  }
  if (positives == 0 || positives == y.size()) {
    return Status::FailedPrecondition(model + ": every label is " +
                                      std::to_string(static_cast<int>(y.front())) +
                                      ", so there is nothing to tell apart");
  }
  return Status::Ok();
}

void ColumnMoments(const std::vector<std::vector<double>>& x, std::vector<double>& mean,
                   std::vector<double>& scale) {
  const size_t width = x.front().size();
  mean.assign(width, 0);
  scale.assign(width, 0);
  for (const auto& row : x) {
    for (size_t j = 0; j < width; ++j) mean[j] += row[j] / x.size();
  }
  for (const auto& row : x) {
    for (size_t j = 0; j < width; ++j) scale[j] += std::pow(row[j] - mean[j], 2) / x.size();
  }
  for (double& s : scale) s = s > 1e-24 ? std::sqrt(s) : 1.0;
}

std::vector<double> StandardisedRows(const std::vector<std::vector<double>>& x,
                                     const std::vector<double>& mean,
                                     const std::vector<double>& scale) {
  const size_t width = mean.size();
  std::vector<double> out(x.size() * width);
  for (size_t i = 0; i < x.size(); ++i) {
    for (size_t j = 0; j < width; ++j) out[i * width + j] = (x[i][j] - mean[j]) / scale[j];
  }
  return out;
}

}  // namespace sobremesa
