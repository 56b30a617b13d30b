#pragma once
// Gauss-Legendre quadrature: n nodes and weights on [-1, 1] that integrate
// polynomials of degree 2n - 1 exactly. The Pareto/NBD likelihood and its
// forecasts need one smooth integral per customer with no closed form that
// autograd can follow.

#include <vector>

namespace sobremesa {

struct QuadratureRule {
  std::vector<double> nodes;    // ascending, in (-1, 1)
  std::vector<double> weights;  // positive, summing to 2
};

// The n-point rule (n >= 1), nodes found by Newton's method on P_n.
QuadratureRule GaussLegendre(int n);

}  // namespace sobremesa
