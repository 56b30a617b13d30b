#pragma once
// Gauss's hypergeometric function 2F1, which the BG/NBD forecasts need.

#include "common/status.h"

namespace sobremesa {

// 2F1(a, b; c; z) for 0 <= z < 1 and c not a non-positive integer, by its
// power series. Fails with
// InvalidArgument outside that domain and Internal when the series has not
// converged (relative term below 1e-15) after a million terms.
StatusOr<double> Hypergeometric2F1(double a, double b, double c, double z);

}  // namespace sobremesa
