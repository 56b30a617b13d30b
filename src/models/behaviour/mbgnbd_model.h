#pragma once
// The MBG/NBD model (Batislam, Denizel & Filiztekin 2007; the k = 1 case of
// MBG/CNBD-k in Reutterer, Platzer & Schröder 2021): BG/NBD, except that a
// customer may also drop out right after the *first* purchase, with the same
// probability p ~ Beta(a, b) as after every repeat purchase. BG/NBD treats
// every customer without a repeat purchase as certainly alive; here a
// one-time buyer may have left at once, which frees the dropout estimate from
// having to explain the many one-time buyers and the fall of repeat buying
// with tenure alone. Erlang-k purchase gaps (k > 1) are not modelled: the
// calibration gaps of CDNOW have a Gamma shape of 1.04, i.e. Poisson-like
// (purchase_regularity.h). Fitted by maximum likelihood with LibTorch
// autograd; forecasts are plain double arithmetic.

#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

class MbgnbdModel {
 public:
  // A model with given parameters (r, alpha, a, b all > 0; not checked here).
  explicit MbgnbdModel(BgnbdParams params) : params_(params) {}

  // Maximum-likelihood fit. Fails as BgnbdModel::Fit does: InvalidArgument for
  // malformed summaries, FailedPrecondition without repeaters or when the
  // optimiser fails to converge, Internal when LibTorch throws.
  static StatusOr<MbgnbdModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                   const FitOptions& options = {});

  const BgnbdParams& params() const { return params_; }

  // Log-likelihood of one customer's (x, t_x, T).
  double LogLikelihood(const PurchaseSummary& customer) const;

  // E[Y(t) | x, t_x, T]: expected purchases in (T, T + t]. Internal if the
  // hypergeometric series fails.
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

  // P(alive | x, t_x, T) at T, in (0, 1); below 1 also for x = 0.
  double ProbabilityAlive(const PurchaseSummary& customer) const;

 private:
  BgnbdParams params_;
};

}  // namespace sobremesa
