#include "models/behaviour/hypergeometric.h"

#include <cmath>

namespace sobremesa {

StatusOr<double> Hypergeometric2F1(double a, double b, double c, double z) {
  // The series exists for any c that is not 0, -1, -2, ...; BG/NBD needs
  // c = a + b + x - 1, which is negative for x = 0 when a + b < 1.
  bool c_pole = c <= 0 && std::abs(c - std::round(c)) < 1e-12;
  if (!(z >= 0 && z < 1) || !std::isfinite(c) || c_pole || !std::isfinite(a) || !std::isfinite(b)) {
    return Status::InvalidArgument("2F1 needs 0 <= z < 1 and c not 0, -1, -2, ...");
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
