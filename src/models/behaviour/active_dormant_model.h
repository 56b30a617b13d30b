#pragma once
// A two-state hidden Markov model of repeat purchasing in which nobody dies
// for good (after Netzer, Lattin & Srinivasan 2008, kept small): tenure is
// cut into periods (weeks for CDNOW) from the first purchase; in each period
// a customer is active, buying as a Poisson process with their own rate
// lambda ~ Gamma(r, alpha), or dormant, not buying. Everyone is active in
// the period of their first purchase; between periods an active customer
// goes dormant with probability q and a dormant one comes back with
// probability rho, the same for everyone. BG/NBD's dropout is forever
// (rho = 0 and dropout only after purchases); here a quiet customer can
// return, which CDNOW's buyers are known to do.
//
// The likelihood sums over state paths by the forward algorithm, tracking
// with each state the number of active periods so far (the exposure that
// lambda's Gamma integral needs), vectorised over customers in LibTorch and
// differentiated by autograd. It is of the per-period purchase counts (up to
// factors that do not depend on the parameters), so it cannot be compared
// with the continuous-time likelihoods of BG/NBD or Pareto/NBD.

#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct ActiveDormantParams {
  double r = 0, alpha = 0;  // lambda ~ Gamma(r, alpha) while active (alpha in periods)
  double go_dormant = 0;    // q: P(active -> dormant) between periods
  double come_back = 0;     // rho: P(dormant -> active) between periods
};

class ActiveDormantModel {
 public:
  explicit ActiveDormantModel(ActiveDormantParams params) : params_(params) {}

  // Times in periods. `repeat_times[i]` as in ValidateRepeatTimes.
  // InvalidArgument (naming the customer) for malformed input;
  // FailedPrecondition without repeat purchases or when the optimiser fails
  // (a probability running off to 0 or 1 included); Internal when LibTorch
  // throws.
  static StatusOr<ActiveDormantModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                          const std::vector<std::vector<double>>& repeat_times,
                                          const FitOptions& options = {});

  const ActiveDormantParams& params() const { return params_; }

  // Log-likelihood of the cohort's per-period purchase counts.
  StatusOr<double> LogLikelihood(const std::vector<PurchaseSummary>& cohort,
                                 const std::vector<std::vector<double>>& repeat_times) const;

  // Expected repeat purchases of the whole cohort in each of the `periods`
  // periods after each customer's T, given their purchase history: the
  // posterior over (state, exposure) at T carried forward by the chain.
  StatusOr<std::vector<double>> CohortForecast(
      const std::vector<PurchaseSummary>& cohort,
      const std::vector<std::vector<double>>& repeat_times, int periods) const;

 private:
  ActiveDormantParams params_;
};

}  // namespace sobremesa
