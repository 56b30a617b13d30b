#pragma once
// BG/NBD with a honeymoon after the first purchase. CDNOW's calibration weeks
// show it (docs/evaluation/behaviour.md, "A honeymoon after the first
// purchase"): repeat buying runs at ~0.06 a customer-week in the first three
// weeks after the first purchase, falls to ~0.025 by week 10 and then stays
// flat, for customers acquired in January as for those acquired in March.
// Plain BG/NBD can only explain that fall by dropout, and so keeps its
// forecast falling long after the data stopped falling.
//
// Here a customer alive at tenure t buys at rate lambda * (1 + k * exp(-t/theta)):
// an excess of k times their long-run rate that fades with tenure on the time
// scale theta. In the operational time G(t) = t + k * theta * (1 - exp(-t/theta))
// the customer is an ordinary BG/NBD customer (lambda ~ Gamma(r, alpha),
// dropout p ~ Beta(a, b) after each purchase), so the likelihood is BG/NBD's
// on (x, G(t_x), G(T)) times the Jacobian prod_j (1 + k * exp(-t_j/theta))
// over the repeat purchase times, and the forecast of (T, T + t] is BG/NBD's
// over (G(T), G(T + t)]. k = 0 is BG/NBD.

#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct BgnbdHoneymoonParams {
  BgnbdParams base;    // the BG/NBD in operational time
  double excess = 0;   // k: the purchase rate at tenure 0 is (1 + k) times the long-run rate
  double fade = 1;     // theta: time scale of the excess's exponential fade (same unit as T)
};

class BgnbdHoneymoonModel {
 public:
  explicit BgnbdHoneymoonModel(BgnbdHoneymoonParams params) : params_(params) {}

  // `repeat_times[i]` are the times of cohort[i]'s repeat purchases since
  // their first purchase (see ValidateRepeatTimes). InvalidArgument (naming
  // the customer) when they disagree with the summaries, and for malformed
  // summaries;
  // otherwise fails as BgnbdModel::Fit does (FailedPrecondition also when
  // the excess runs off to 0: the data then show no honeymoon to fit).
  static StatusOr<BgnbdHoneymoonModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                           const std::vector<std::vector<double>>& repeat_times,
                                           const FitOptions& options = {});

  const BgnbdHoneymoonParams& params() const { return params_; }

  // G(t): the operational time at tenure t.
  double OperationalTime(double tenure) const;

  // Log-likelihood of one customer's summary and repeat purchase times.
  double LogLikelihood(const PurchaseSummary& customer,
                       const std::vector<double>& repeat_times) const;

  // E[Y(t) | x, t_x, T]: expected purchases in (T, T + t].
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

 private:
  // The summary in operational time.
  PurchaseSummary Operational(const PurchaseSummary& customer) const;

  BgnbdHoneymoonParams params_;
};

}  // namespace sobremesa
