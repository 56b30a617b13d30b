#pragma once
// The Gamma-Gamma model of spend per purchase (Fader, Hardie & Lee 2005, "RFM
// and CLV"): a customer's purchases are Gamma(p, nu) around their own mean,
// with nu ~ Gamma(q, v) across customers. Fitted by maximum likelihood with
// LibTorch autograd on repeat buyers' average repeat spend.

#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct GammaGammaParams {
  double p = 0;
  double q = 0;
  double v = 0;
};

class GammaGammaModel {
 public:
  // A model with given parameters (all must be > 0; not checked here).
  explicit GammaGammaModel(GammaGammaParams params) : params_(params) {}

  // Fits on the customers with x > 0 and positive mean repeat spend; others
  // carry no spend information and are skipped (a zero average is outside
  // the model's support). InvalidArgument for malformed summaries;
  // FailedPrecondition when no customer qualifies or the fit fails to
  // converge; Internal when LibTorch throws.
  static StatusOr<GammaGammaModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                       const FitOptions& options = {});

  const GammaGammaParams& params() const { return params_; }

  // E[Z | x, mean repeat spend]: the customer's expected spend per purchase,
  // a weighted average of the population mean p*v/(q-1) and their own mean;
  // the population mean alone for x = 0. FailedPrecondition when q <= 1
  // (the population mean is infinite).
  StatusOr<double> ConditionalExpectedSpend(const PurchaseSummary& customer) const;

 private:
  GammaGammaParams params_;
};

}  // namespace sobremesa
