#include "models/behaviour/bgnbd_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/hypergeometric.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

torch::Tensor CohortLoss(const torch::Tensor& log_params, const CohortTensors& c) {
  torch::Tensor p = log_params.exp();
  return -BgnbdLogLikelihoods(p[0], p[1], p[2], p[3], c).mean();
}

}  // namespace

StatusOr<BgnbdModel> BgnbdModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                     const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  RETURN_IF_ERROR(RequireRepeatPurchases(cohort, "BG/NBD", "dropout rates"));
  CohortTensors tensors = ToCohortTensors(cohort);
  auto loss = [&tensors](const torch::Tensor& lp) { return CohortLoss(lp, tensors); };
  // alpha is a time scale: starting it at the typical customer age keeps the
  // first LBFGS steps in a sensible region whatever the time unit.
  std::vector<double> start = {1.0, MeanAge(cohort), 1.0, 1.0};
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, start, cohort.size(), "BG/NBD", options));
  return BgnbdModel(BgnbdParams{fit.params[0], fit.params[1], fit.params[2], fit.params[3]});
}

double BgnbdModel::LogLikelihood(const PurchaseSummary& s) const {
  const auto& [r, alpha, a, b] = params_;
  double x = s.frequency;
  double common = std::lgamma(r + x) - std::lgamma(r) + r * std::log(alpha) + std::lgamma(a + b) +
                  std::lgamma(b + x) - std::lgamma(b) - std::lgamma(a + b + x);
  double survived = -(r + x) * std::log(alpha + s.age);
  if (x == 0) return common + survived;
  double dropped = std::log(a) - std::log(b + x - 1) - (r + x) * std::log(alpha + s.recency);
  double hi = std::max(survived, dropped);
  return common + hi + std::log(std::exp(survived - hi) + std::exp(dropped - hi));
}

StatusOr<double> BgnbdModel::ExpectedPurchases(double t) const {
  const auto& [r, alpha, a, b] = params_;
  if (t <= 0) return 0.0;
  ASSIGN_OR_RETURN(double f, Hypergeometric2F1(r, b, a + b - 1, t / (alpha + t)));
  return (a + b - 1) / (a - 1) * (1 - std::pow(alpha / (alpha + t), r) * f);
}

StatusOr<double> BgnbdModel::ConditionalExpectedPurchases(const PurchaseSummary& s,
                                                          double t) const {
  const auto& [r, alpha, a, b] = params_;
  if (t <= 0) return 0.0;
  double x = s.frequency;
  double horizon = alpha + s.age + t;
  ASSIGN_OR_RETURN(double f, Hypergeometric2F1(r + x, b + x, a + b + x - 1, t / horizon));
  double alive_part =
      (a + b + x - 1) / (a - 1) * (1 - std::pow((alpha + s.age) / horizon, r + x) * f);
  return alive_part * ProbabilityAlive(s);
}

double BgnbdModel::ProbabilityAlive(const PurchaseSummary& s) const {
  const auto& [r, alpha, a, b] = params_;
  double x = s.frequency;
  if (x == 0) return 1.0;
  double log_odds_dead =
      std::log(a / (b + x - 1)) + (r + x) * std::log((alpha + s.age) / (alpha + s.recency));
  return 1.0 / (1.0 + std::exp(log_odds_dead));
}

double BgnbdModel::ProbabilityOfPurchase(const PurchaseSummary& s, double t) const {
  if (t <= 0) return 0.0;
  const auto& [r, alpha, a, b] = params_;
  // Dropout happens only right after a purchase, so a customer alive at T
  // stays alive until their next purchase: P(Y > 0) = P(alive) * P(a Poisson
  // arrival in t), with lambda | alive ~ Gamma(r + x, alpha + T).
  double none_if_alive = std::pow((alpha + s.age) / (alpha + s.age + t), r + s.frequency);
  return ProbabilityAlive(s) * (1 - none_if_alive);
}

}  // namespace sobremesa
