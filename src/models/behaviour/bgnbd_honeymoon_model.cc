#include "models/behaviour/bgnbd_honeymoon_model.h"

#include <torch/torch.h>

#include <cmath>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// G(t) = t + k * theta * (1 - exp(-t / theta)), elementwise.
torch::Tensor OperationalTimes(const torch::Tensor& t, const torch::Tensor& excess,
                               const torch::Tensor& fade) {
  return t - excess * fade * torch::expm1(-t / fade);
}

}  // namespace

StatusOr<BgnbdHoneymoonModel> BgnbdHoneymoonModel::Fit(
    const std::vector<PurchaseSummary>& cohort,
    const std::vector<std::vector<double>>& repeat_times, const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  if (Status valid = ValidateRepeatTimes(cohort, repeat_times); !valid.ok()) {
    return Status::InvalidArgument("BG/NBD with a honeymoon: " + valid.message());
  }
  // The plain fit checks for repeaters and starts (r, alpha, a, b) near the optimum.
  ASSIGN_OR_RETURN(BgnbdModel plain, BgnbdModel::Fit(cohort, options));
  CohortTensors real = ToCohortTensors(cohort);
  std::vector<double> flat;
  for (const std::vector<double>& times : repeat_times) flat.insert(flat.end(), times.begin(), times.end());
  torch::Tensor purchase_times = ToTensor(flat);
  auto loss = [&](const torch::Tensor& lp) {
    torch::Tensor p = lp.exp();
    torch::Tensor excess = p[4], fade = p[5];
    CohortTensors operational{real.x, OperationalTimes(real.t_x, excess, fade),
                              OperationalTimes(real.age, excess, fade)};
    torch::Tensor jacobian = torch::log1p(excess * torch::exp(-purchase_times / fade)).sum();
    return -(BgnbdLogLikelihoods(p[0], p[1], p[2], p[3], operational).sum() + jacobian) /
           static_cast<double>(cohort.size());
  };
  const BgnbdParams& s = plain.params();
  // A honeymoon as long as an eighth of the typical age and doubling the
  // rate: inside the region the data can pull either way.
  std::vector<double> start = {s.r, s.alpha, s.a, s.b, 1.0, MeanAge(cohort) / 8};
  ASSIGN_OR_RETURN(
      MaximumLikelihoodFit fit,
      FitMaximumLikelihood(loss, start, cohort.size(), "BG/NBD with a honeymoon", options));
  return BgnbdHoneymoonModel(
      {{fit.params[0], fit.params[1], fit.params[2], fit.params[3]}, fit.params[4], fit.params[5]});
}

double BgnbdHoneymoonModel::OperationalTime(double tenure) const {
  return tenure - params_.excess * params_.fade * std::expm1(-tenure / params_.fade);
}

PurchaseSummary BgnbdHoneymoonModel::Operational(const PurchaseSummary& s) const {
  return {s.frequency, OperationalTime(s.recency), OperationalTime(s.age), s.mean_repeat_spend};
}

double BgnbdHoneymoonModel::LogLikelihood(const PurchaseSummary& s,
                                          const std::vector<double>& repeat_times) const {
  double jacobian = 0;
  for (double t : repeat_times) jacobian += std::log1p(params_.excess * std::exp(-t / params_.fade));
  return BgnbdModel(params_.base).LogLikelihood(Operational(s)) + jacobian;
}

StatusOr<double> BgnbdHoneymoonModel::ConditionalExpectedPurchases(const PurchaseSummary& s,
                                                                   double t) const {
  if (t <= 0) return 0.0;
  return BgnbdModel(params_.base)
      .ConditionalExpectedPurchases(Operational(s),
                                    OperationalTime(s.age + t) - OperationalTime(s.age));
}

}  // namespace sobremesa
