#include "models/behaviour/gauss_legendre.h"

#include <cmath>
#include <numbers>

namespace sobremesa {

QuadratureRule GaussLegendre(int n) {
  QuadratureRule rule{std::vector<double>(n), std::vector<double>(n)};
  for (int i = 0; i < n; ++i) {
    // Chebyshev-like first guess for the i-th largest root, then Newton.
    double x = std::cos(std::numbers::pi * (i + 0.75) / (n + 0.5));
    double derivative = 1;
    for (int iteration = 0; iteration < 100; ++iteration) {
      double p0 = 1, p1 = x;  // P_0, P_1; the recurrence climbs to P_n
      for (int k = 2; k <= n; ++k) {
        double pk = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = pk;
      }
      derivative = n * (x * p1 - p0) / (x * x - 1);
      double step = p1 / derivative;
      x -= step;
      if (std::abs(step) < 1e-15) break;
    }
    rule.nodes[n - 1 - i] = x;
    rule.weights[n - 1 - i] = 2 / ((1 - x * x) * derivative * derivative);
  }
  return rule;
}

}  // namespace sobremesa
