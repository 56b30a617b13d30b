#pragma once
// Checks and standardisation shared by the behaviour classifiers
// (logistic regression, MLP): one example a row, labels 0 or 1.

#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa {

// InvalidArgument, prefixed with `model`, for an empty or ragged matrix, a
// non-finite value, a label other than 0/1 or mismatched sizes;
// FailedPrecondition when only one class is present.
Status ValidateExamples(const std::string& model, const std::vector<std::vector<double>>& x,
                        const std::vector<double>& y);

// Mean and standard deviation per column; a constant column gets scale 1 so
// it standardises to 0 instead of dividing by zero.
void ColumnMoments(const std::vector<std::vector<double>>& x, std::vector<double>& mean,
                   std::vector<double>& scale);

// The rows of `x` standardised with `mean` and `scale`, row after row
// (row-major), ready to copy into a tensor.
std::vector<double> StandardisedRows(const std::vector<std::vector<double>>& x,
                                     const std::vector<double>& mean,
                                     const std::vector<double>& scale);

}  // namespace sobremesa
