#include "models/behaviour/hypergeometric.h"

#include <cmath>

namespace sobremesa {

StatusOr<double> Hypergeometric2F1(double a, double b, double c, double z) {
  if (!(z >= 0 && z < 1) || !(c > 0) || !std::isfinite(a) || !std::isfinite(b)) {
    return Status::InvalidArgument("2F1 needs 0 <= z < 1 and c > 0");
  }
  constexpr int kMaxTerms = 1'000'000;
  double term = 1;
  double sum = 1;
  for (int k = 0; k < kMaxTerms; ++k) {
    term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
    sum += term;
    // Terms may grow before they shrink (large a, b); stop only once the
    // ratio has fallen below one, so the remaining tail is geometric.
    bool shrinking = std::abs((a + k + 1) * (b + k + 1) / ((c + k + 1) * (k + 2)) * z) < 1;
    if (shrinking && std::abs(term) <= 1e-15 * std::abs(sum)) return sum;
  }
  return Status::Internal("2F1 series did not converge");
}

}  // namespace sobremesa
