#pragma once
// The BG/NBD model of repeat purchasing (Fader, Hardie & Lee 2005, "Counting
// your customers the easy way"): while alive a customer buys as a Poisson
// process with rate lambda ~ Gamma(r, alpha); after each purchase they drop
// out with probability p ~ Beta(a, b). Fitted by maximum likelihood with
// LibTorch autograd; forecasts are plain double arithmetic, so a fitted model
// is a value that any number of threads may read.

#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct BgnbdParams {
  double r = 0;
  double alpha = 0;
  double a = 0;
  double b = 0;
};

class BgnbdModel {
 public:
  // A model with given parameters (all must be > 0; not checked here).
  explicit BgnbdModel(BgnbdParams params) : params_(params) {}

  // Maximum-likelihood fit. InvalidArgument for malformed summaries (see
  // ValidatePurchaseSummaries); FailedPrecondition when nobody made a repeat
  // purchase (the dropout process is then unidentified) or the optimiser
  // fails to converge; Internal when LibTorch throws.
  static StatusOr<BgnbdModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                  const FitOptions& options = {});

  const BgnbdParams& params() const { return params_; }

  // Log-likelihood of one customer's (x, t_x, T) (equation 6 of the paper).
  double LogLikelihood(const PurchaseSummary& customer) const;

  // E[X(t)]: expected purchases of a new customer in their first t time
  // units, not counting the first purchase at time 0. Internal if the
  // hypergeometric series fails.
  StatusOr<double> ExpectedPurchases(double t) const;

  // E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] for this customer.
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

  // P(alive | x, t_x, T) at the end of the calibration period, in (0, 1].
  double ProbabilityAlive(const PurchaseSummary& customer) const;

  // P(Y(t) > 0 | x, t_x, T): at least one purchase in (T, T + t], in [0, 1);
  // 0 for t <= 0. BG/NBD's own "will come back within t" probability.
  double ProbabilityOfPurchase(const PurchaseSummary& customer, double t) const;

 private:
  BgnbdParams params_;
};

}  // namespace sobremesa
