#include "models/behaviour/bgnbd_mixture_model.h"

#include <torch/torch.h>

#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// Parameters: segment one's (r, alpha, a, b), segment two's, then the odds
// of segment one (positive like the rest, so the loop can work in logs).
torch::Tensor MixtureLoss(const torch::Tensor& log_params, const CohortTensors& c) {
  torch::Tensor p = log_params.exp();
  torch::Tensor first = BgnbdLogLikelihoods(p[0], p[1], p[2], p[3], c);
  torch::Tensor second = BgnbdLogLikelihoods(p[4], p[5], p[6], p[7], c);
  torch::Tensor log_weight = -torch::log1p(1 / p[8]);
  torch::Tensor log_other = -torch::log1p(p[8]);
  return -torch::logaddexp(log_weight + first, log_other + second).mean();
}

// Two segments pulled apart from the single fit: one slower to drop out and
// one faster, with an even split, so LBFGS starts off the symmetric saddle.
std::vector<double> StartFrom(const BgnbdParams& p) {
  return {p.r, p.alpha / 2, p.a, p.b * 3, p.r, p.alpha * 2, p.a, p.b / 2, 1.0};
}

double LogSumExp(double x, double y) {
  double hi = std::max(x, y);
  return hi + std::log(std::exp(x - hi) + std::exp(y - hi));
}

}  // namespace

StatusOr<BgnbdMixtureModel> BgnbdMixtureModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                                   const FitOptions& options) {
  ASSIGN_OR_RETURN(BgnbdModel single, BgnbdModel::Fit(cohort, options));
  CohortTensors tensors = ToCohortTensors(cohort);
  auto loss = [&tensors](const torch::Tensor& lp) { return MixtureLoss(lp, tensors); };
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, StartFrom(single.params()), cohort.size(),
                                        "BG/NBD mixture", options));
  const std::vector<double>& p = fit.params;
  return BgnbdMixtureModel(BgnbdModel({p[0], p[1], p[2], p[3]}),
                           BgnbdModel({p[4], p[5], p[6], p[7]}), p[8] / (1 + p[8]));
}

double BgnbdMixtureModel::LogLikelihood(const PurchaseSummary& s) const {
  return LogSumExp(std::log(weight_) + segments_[0].LogLikelihood(s),
                   std::log1p(-weight_) + segments_[1].LogLikelihood(s));
}

double BgnbdMixtureModel::FirstSegmentPosterior(const PurchaseSummary& s) const {
  return std::exp(std::log(weight_) + segments_[0].LogLikelihood(s) - LogLikelihood(s));
}

StatusOr<double> BgnbdMixtureModel::ConditionalExpectedPurchases(const PurchaseSummary& s,
                                                                 double t) const {
  ASSIGN_OR_RETURN(double first, segments_[0].ConditionalExpectedPurchases(s, t));
  ASSIGN_OR_RETURN(double second, segments_[1].ConditionalExpectedPurchases(s, t));
  double w = FirstSegmentPosterior(s);
  return w * first + (1 - w) * second;
}

double BgnbdMixtureModel::ProbabilityAlive(const PurchaseSummary& s) const {
  double w = FirstSegmentPosterior(s);
  return w * segments_[0].ProbabilityAlive(s) + (1 - w) * segments_[1].ProbabilityAlive(s);
}

}  // namespace sobremesa
