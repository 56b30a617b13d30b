#include "models/behaviour/mbgnbd_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/hypergeometric.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// Integrating lambda^x [ (1-p)^(x+1) e^(-lambda T) + p (1-p)^x e^(-lambda t_x) ]
// (alive at T after surviving x + 1 purchases, or gone right after the last
// one, the first purchase at t_x = 0 included) over Gamma(r, alpha) and
// Beta(a, b):
//   Gamma(r+x) alpha^r / Gamma(r) * B(a, b+x+1) / B(a, b)
//     * [ (alpha+T)^-(r+x) + a/(b+x) (alpha+t_x)^-(r+x) ].
// Unlike BG/NBD the second branch exists for x = 0 too (t_x = 0 then).
torch::Tensor MbgnbdLogLikelihoods(const torch::Tensor& log_params, const CohortTensors& c) {
  torch::Tensor p = log_params.exp();
  torch::Tensor r = p[0], alpha = p[1], a = p[2], b = p[3];
  torch::Tensor common = torch::lgamma(r + c.x) - torch::lgamma(r) + r * torch::log(alpha) +
                         torch::lgamma(a + b) + torch::lgamma(b + c.x + 1) - torch::lgamma(b) -
                         torch::lgamma(a + b + c.x + 1);
  torch::Tensor survived = -(r + c.x) * torch::log(alpha + c.age);
  torch::Tensor dropped =
      torch::log(a) - torch::log(b + c.x) - (r + c.x) * torch::log(alpha + c.t_x);
  return common + torch::logaddexp(survived, dropped);
}

}  // namespace

StatusOr<MbgnbdModel> MbgnbdModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                       const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  RETURN_IF_ERROR(RequireRepeatPurchases(cohort, "MBG/NBD", "dropout rates"));
  CohortTensors tensors = ToCohortTensors(cohort);
  auto loss = [&tensors](const torch::Tensor& lp) {
    return -MbgnbdLogLikelihoods(lp, tensors).mean();
  };
  // As for BG/NBD: alpha starts at the typical age, whatever the time unit.
  std::vector<double> start = {1.0, MeanAge(cohort), 1.0, 1.0};
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, start, cohort.size(), "MBG/NBD", options));
  return MbgnbdModel(BgnbdParams{fit.params[0], fit.params[1], fit.params[2], fit.params[3]});
}

double MbgnbdModel::LogLikelihood(const PurchaseSummary& s) const {
  const auto& [r, alpha, a, b] = params_;
  double x = s.frequency;
  double common = std::lgamma(r + x) - std::lgamma(r) + r * std::log(alpha) + std::lgamma(a + b) +
                  std::lgamma(b + x + 1) - std::lgamma(b) - std::lgamma(a + b + x + 1);
  double survived = -(r + x) * std::log(alpha + s.age);
  double dropped = std::log(a) - std::log(b + x) - (r + x) * std::log(alpha + s.recency);
  double hi = std::max(survived, dropped);
  return common + hi + std::log(std::exp(survived - hi) + std::exp(dropped - hi));
}

StatusOr<double> MbgnbdModel::ConditionalExpectedPurchases(const PurchaseSummary& s,
                                                           double t) const {
  const auto& [r, alpha, a, b] = params_;
  if (t <= 0) return 0.0;
  double x = s.frequency;
  double horizon = alpha + s.age + t;
  // Alive at T: lambda ~ Gamma(r + x, alpha + T) and p ~ Beta(a, b + x + 1)
  // (x + 1 purchases survived), dropping out after each future purchase:
  // BG/NBD's E[X(t)] with those posteriors.
  ASSIGN_OR_RETURN(double f, Hypergeometric2F1(r + x, b + x + 1, a + b + x, t / horizon));
  double alive_part = (a + b + x) / (a - 1) * (1 - std::pow((alpha + s.age) / horizon, r + x) * f);
  return alive_part * ProbabilityAlive(s);
}

double MbgnbdModel::ProbabilityAlive(const PurchaseSummary& s) const {
  const auto& [r, alpha, a, b] = params_;
  double x = s.frequency;
  double log_odds_dead =
      std::log(a / (b + x)) + (r + x) * std::log((alpha + s.age) / (alpha + s.recency));
  return 1.0 / (1.0 + std::exp(log_odds_dead));
}

}  // namespace sobremesa
