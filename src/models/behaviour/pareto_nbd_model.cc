#include "models/behaviour/pareto_nbd_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/gauss_legendre.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// The death-time integral I = int_{t_x}^{T} (alpha+tau)^-(r+x) (beta+tau)^-(s+1)
// dtau is taken in u = log(alpha + tau): the integrand then decays like
// exp(-(r + x - 1) u), gently enough for a fixed 48-point rule even for
// frequent buyers, whose integrand is steep in tau.
constexpr int kQuadratureNodes = 48;

const QuadratureRule& Rule() {
  static const QuadratureRule rule = GaussLegendre(kQuadratureNodes);
  return rule;
}

// A zero-length interval (t_x = T) has I = 0; the floor keeps log I finite.
constexpr double kMinHalfWidth = 1e-300;

torch::Tensor LogLikelihoods(const torch::Tensor& p, const CohortTensors& c,
                             const torch::Tensor& nodes, const torch::Tensor& log_weights) {
  torch::Tensor r = p[0], alpha = p[1], s = p[2], beta = p[3];
  torch::Tensor common = torch::lgamma(r + c.x) - torch::lgamma(r) + r * torch::log(alpha);
  // beta^s / (beta + t)^s is written -s log1p(t / beta): fits on short
  // windows drive s and beta to ~1e7 together (a common death rate), where
  // the difference of logs loses every digit the gradient needs.
  torch::Tensor alive = -(r + c.x) * torch::log(alpha + c.age) - s * torch::log1p(c.age / beta);
  torch::Tensor u0 = torch::log(alpha + c.t_x), u1 = torch::log(alpha + c.age);
  torch::Tensor half = torch::clamp_min((u1 - u0) / 2, kMinHalfWidth);
  torch::Tensor u = u0.unsqueeze(1) + half.unsqueeze(1) * (1 + nodes).unsqueeze(0);
  torch::Tensor tau = torch::exp(u) - alpha;
  torch::Tensor terms = log_weights.unsqueeze(0) - (r + c.x - 1).unsqueeze(1) * u -
                        s * torch::log1p(tau / beta) - torch::log(beta + tau);
  torch::Tensor dead = torch::log(s) + torch::log(half) + torch::logsumexp(terms, 1);
  return common + torch::logaddexp(alive, dead);
}

// The two terms of the likelihood without their common factor
// Gamma(r + x) alpha^r / Gamma(r), in logs: alive at T, and dead somewhere
// in (t_x, T]; the same arithmetic as LogLikelihoods above.
struct LogTerms {
  double alive = 0;
  double dead = 0;
};

LogTerms Terms(const ParetoNbdParams& p, const PurchaseSummary& c) {
  const QuadratureRule& rule = Rule();
  double x = c.frequency;
  LogTerms terms;
  terms.alive = -(p.r + x) * std::log(p.alpha + c.age) - p.s * std::log1p(c.age / p.beta);
  double u0 = std::log(p.alpha + c.recency), u1 = std::log(p.alpha + c.age);
  double half = std::max((u1 - u0) / 2, kMinHalfWidth);
  std::vector<double> logs(rule.nodes.size());
  double hi = -INFINITY;
  for (size_t j = 0; j < logs.size(); ++j) {
    double u = u0 + half * (1 + rule.nodes[j]);
    double tau = std::exp(u) - p.alpha;
    logs[j] = std::log(rule.weights[j]) - (p.r + x - 1) * u - p.s * std::log1p(tau / p.beta) -
              std::log(p.beta + tau);
    hi = std::max(hi, logs[j]);
  }
  double sum = 0;
  for (double l : logs) sum += std::exp(l - hi);
  terms.dead = std::log(p.s) + std::log(half) + hi + std::log(sum);
  return terms;
}

double LogAddExp(double x, double y) {
  double hi = std::max(x, y);
  return hi + std::log(std::exp(x - hi) + std::exp(y - hi));
}

}  // namespace

StatusOr<ParetoNbdModel> ParetoNbdModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                             const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  RETURN_IF_ERROR(RequireRepeatPurchases(cohort, "Pareto/NBD", "death rates"));
  CohortTensors tensors = ToCohortTensors(cohort);
  torch::Tensor nodes = ToTensor(Rule().nodes);
  torch::Tensor log_weights = ToTensor(Rule().weights).log();
  auto loss = [&](const torch::Tensor& lp) {
    return -LogLikelihoods(lp.exp(), tensors, nodes, log_weights).mean();
  };
  // alpha and beta are time scales: start them at the typical customer age.
  double age = MeanAge(cohort);
  ASSIGN_OR_RETURN(
      MaximumLikelihoodFit fit,
      FitMaximumLikelihood(loss, {1.0, age, 1.0, age}, cohort.size(), "Pareto/NBD", options));
  return ParetoNbdModel({fit.params[0], fit.params[1], fit.params[2], fit.params[3]});
}

double ParetoNbdModel::LogLikelihood(const PurchaseSummary& c) const {
  const ParetoNbdParams& p = params_;
  double common = std::lgamma(p.r + c.frequency) - std::lgamma(p.r) + p.r * std::log(p.alpha);
  LogTerms terms = Terms(p, c);
  return common + LogAddExp(terms.alive, terms.dead);
}

double ParetoNbdModel::ProbabilityAlive(const PurchaseSummary& c) const {
  LogTerms terms = Terms(params_, c);
  return 1 / (1 + std::exp(terms.dead - terms.alive));
}

StatusOr<double> ParetoNbdModel::ConditionalExpectedPurchases(const PurchaseSummary& c,
                                                              double t) const {
  if (t <= 0) return 0.0;
  const ParetoNbdParams& p = params_;
  // Given alive at T: lambda ~ Gamma(r + x, alpha + T) and, independently,
  // mu ~ Gamma(s, beta + T); the expected time still alive within t is
  // int_0^t ((beta + T) / (beta + T + u))^s du.
  double scale = p.beta + c.age;
  double time_alive = std::abs(p.s - 1) < 1e-9
                          ? scale * std::log1p(t / scale)
                          : scale / (p.s - 1) * (1 - std::pow(scale / (scale + t), p.s - 1));
  double rate = (p.r + c.frequency) / (p.alpha + c.age);
  return ProbabilityAlive(c) * rate * time_alive;
}

}  // namespace sobremesa
