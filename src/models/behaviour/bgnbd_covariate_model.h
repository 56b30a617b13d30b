#pragma once
// BG/NBD with time-invariant customer covariates (Fader & Hardie's note
// "Incorporating time-invariant covariates into the Pareto/NBD and BG/NBD
// models"): customer i has alpha_i = alpha * exp(-gamma . z_i), so a unit of
// z multiplies the expected purchase rate by exp(gamma), and
// a_i = a * exp(delta . z_i), so exp(delta) raises the odds-like ratio a/b of
// dropping out after a purchase. z is standardised on the fitting cohort.
// With gamma = delta = 0 it is BG/NBD.

#include <utility>
#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct BgnbdCovariateParams {
  BgnbdParams base;                    // at z = the fitting cohort's mean
  std::vector<double> rate_effect;     // gamma, per standard deviation of each covariate
  std::vector<double> dropout_effect;  // delta, likewise
  std::vector<double> mean, sd;        // the standardisation of the raw covariates
};

class BgnbdCovariateModel {
 public:
  explicit BgnbdCovariateModel(BgnbdCovariateParams params) : params_(std::move(params)) {}

  // `covariates[i]` belongs to `cohort[i]`; every row has the same length
  // k >= 1. InvalidArgument when the shapes disagree or a covariate is not
  // finite (naming the customer) and for malformed summaries; a covariate
  // that is constant over the cohort cannot be standardised and is
  // InvalidArgument too. Otherwise fails as BgnbdModel::Fit does.
  static StatusOr<BgnbdCovariateModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                           const std::vector<std::vector<double>>& covariates,
                                           const FitOptions& options = {});

  const BgnbdCovariateParams& params() const { return params_; }

  // The BG/NBD that governs a customer with these raw covariates (k values).
  BgnbdModel ForCustomer(const std::vector<double>& covariates) const;

 private:
  BgnbdCovariateParams params_;
};

}  // namespace sobremesa
