#pragma once
// Error metrics for explicit rating prediction.

#include <span>

namespace sobremesa::recommendation {

// Root mean squared error and mean absolute error of `predicted` against
// `actual` (same length). Both are 0 for empty input.
double RootMeanSquaredError(std::span<const float> predicted, std::span<const float> actual);
double MeanAbsoluteError(std::span<const float> predicted, std::span<const float> actual);

}  // namespace sobremesa::recommendation
