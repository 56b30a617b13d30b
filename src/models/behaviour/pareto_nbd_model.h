#pragma once
// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): while alive a
// customer buys as a Poisson process with rate lambda ~ Gamma(r, alpha) and
// dies at an exponential time with rate mu ~ Gamma(s, beta), at any moment
// rather than only right after a purchase as in BG/NBD. Its likelihood holds
// an integral over the time of death, computed here by Gauss-Legendre
// quadrature so LibTorch's autograd can differentiate it; forecasts are
// plain double arithmetic.

#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct ParetoNbdParams {
  double r = 0;
  double alpha = 0;
  double s = 0;
  double beta = 0;
};

class ParetoNbdModel {
 public:
  // A model with given parameters (all must be > 0; not checked here).
  explicit ParetoNbdModel(ParetoNbdParams params) : params_(params) {}

  // Maximum-likelihood fit. InvalidArgument for malformed summaries;
  // FailedPrecondition when nobody made a repeat purchase or the optimiser
  // fails to converge; Internal when LibTorch throws.
  static StatusOr<ParetoNbdModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                      const FitOptions& options = {});

  const ParetoNbdParams& params() const { return params_; }

  // Log-likelihood of one customer's (x, t_x, T).
  double LogLikelihood(const PurchaseSummary& customer) const;

  // P(alive at T | x, t_x, T), in (0, 1].
  double ProbabilityAlive(const PurchaseSummary& customer) const;

  // E[Y(t) | x, t_x, T]: expected purchases in (T, T + t]. Always finite;
  // returns StatusOr only to match the other forecasting models.
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

 private:
  ParetoNbdParams params_;
};

}  // namespace sobremesa
