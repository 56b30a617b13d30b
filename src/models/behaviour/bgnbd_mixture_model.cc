#include "models/behaviour/bgnbd_mixture_model.h"

#include <torch/torch.h>

#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// Parameters: each segment's (r, alpha, a, b), then the weights of all but
// the last segment relative to the last (positive like the rest, so the
// loop can work in logs).
torch::Tensor MixtureLoss(const torch::Tensor& log_params, const CohortTensors& c, int k) {
  torch::Tensor p = log_params.exp();
  std::vector<torch::Tensor> weighted;
  torch::Tensor log_odds =
      torch::cat({log_params.slice(0, 4 * k, 5 * k - 1), torch::zeros({1}, log_params.options())});
  torch::Tensor log_weights = torch::log_softmax(log_odds, 0);
  for (int s = 0; s < k; ++s) {
    weighted.push_back(log_weights[s] +
                       BgnbdLogLikelihoods(p[4 * s], p[4 * s + 1], p[4 * s + 2], p[4 * s + 3], c));
  }
  return -torch::logsumexp(torch::stack(weighted, 1), 1).mean();
}

// Segments pulled apart from the single fit, from slow to drop out (alpha/2,
// 3b) to fast (2 alpha, b/2), with even shares, so LBFGS starts off the
// symmetric saddle.
std::vector<double> StartFrom(const BgnbdParams& p, int k) {
  std::vector<double> start;
  for (int s = 0; s < k; ++s) {
    double t = static_cast<double>(s) / (k - 1);
    start.insert(start.end(), {p.r, p.alpha * std::pow(2.0, 2 * t - 1), p.a,
                               p.b * std::pow(3.0, 1 - t) * std::pow(0.5, t)});
  }
  start.resize(5 * k - 1, 1.0);
  return start;
}

}  // namespace

StatusOr<BgnbdMixtureModel> BgnbdMixtureModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                                   const FitOptions& options, int segments) {
  if (segments < 2) {
    return Status::InvalidArgument("BG/NBD mixture needs at least 2 segments, got " +
                                   std::to_string(segments));
  }
  ASSIGN_OR_RETURN(BgnbdModel single, BgnbdModel::Fit(cohort, options));
  CohortTensors tensors = ToCohortTensors(cohort);
  auto loss = [&](const torch::Tensor& lp) { return MixtureLoss(lp, tensors, segments); };
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, StartFrom(single.params(), segments), cohort.size(),
                                        "BG/NBD mixture", options));
  const std::vector<double>& p = fit.params;
  std::vector<BgnbdModel> models;
  std::vector<double> weights(segments, 1.0);
  double total = 0;
  for (int s = 0; s < segments; ++s) {
    models.push_back(BgnbdModel({p[4 * s], p[4 * s + 1], p[4 * s + 2], p[4 * s + 3]}));
    if (s + 1 < segments) weights[s] = p[4 * segments + s];
    total += weights[s];
  }
  for (double& w : weights) w /= total;
  return BgnbdMixtureModel(std::move(models), std::move(weights));
}

double BgnbdMixtureModel::LogLikelihood(const PurchaseSummary& s) const {
  std::vector<double> logs;
  double hi = -INFINITY;
  for (size_t k = 0; k < segments_.size(); ++k) {
    logs.push_back(std::log(weights_[k]) + segments_[k].LogLikelihood(s));
    hi = std::max(hi, logs.back());
  }
  double sum = 0;
  for (double l : logs) sum += std::exp(l - hi);
  return hi + std::log(sum);
}

std::vector<double> BgnbdMixtureModel::Posterior(const PurchaseSummary& s) const {
  double total = LogLikelihood(s);
  std::vector<double> posterior;
  for (size_t k = 0; k < segments_.size(); ++k) {
    posterior.push_back(std::exp(std::log(weights_[k]) + segments_[k].LogLikelihood(s) - total));
  }
  return posterior;
}

StatusOr<double> BgnbdMixtureModel::ConditionalExpectedPurchases(const PurchaseSummary& s,
                                                                 double t) const {
  std::vector<double> posterior = Posterior(s);
  double sum = 0;
  for (size_t k = 0; k < segments_.size(); ++k) {
    ASSIGN_OR_RETURN(double e, segments_[k].ConditionalExpectedPurchases(s, t));
    sum += posterior[k] * e;
  }
  return sum;
}

double BgnbdMixtureModel::ProbabilityAlive(const PurchaseSummary& s) const {
  std::vector<double> posterior = Posterior(s);
  double sum = 0;
  for (size_t k = 0; k < segments_.size(); ++k) {
    sum += posterior[k] * segments_[k].ProbabilityAlive(s);
  }
  return sum;
}

}  // namespace sobremesa
