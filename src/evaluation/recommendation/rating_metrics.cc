#include "evaluation/recommendation/rating_metrics.h"

#include <cmath>

namespace sobremesa::recommendation {

double RootMeanSquaredError(std::span<const float> predicted, std::span<const float> actual) {
  if (predicted.empty()) return 0;
  double sum = 0;
  for (size_t k = 0; k < predicted.size(); ++k) {
    const double e = predicted[k] - actual[k];
    sum += e * e;
  }
  return std::sqrt(sum / static_cast<double>(predicted.size()));
}

double MeanAbsoluteError(std::span<const float> predicted, std::span<const float> actual) {
  if (predicted.empty()) return 0;
  double sum = 0;
  for (size_t k = 0; k < predicted.size(); ++k) sum += std::abs(predicted[k] - actual[k]);
  return sum / static_cast<double>(predicted.size());
}

}  // namespace sobremesa::recommendation
