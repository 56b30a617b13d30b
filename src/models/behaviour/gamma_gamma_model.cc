#include "models/behaviour/gamma_gamma_model.h"

#include <torch/torch.h>

#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

struct SpendTensors {
  torch::Tensor x, mean_spend;
};

// Mean negative log-likelihood of the observed average spends (equation 2 of
// "RFM and CLV", with the x-independent terms kept so values compare).
torch::Tensor CohortLoss(const torch::Tensor& log_params, const SpendTensors& s) {
  torch::Tensor params = log_params.exp();
  torch::Tensor p = params[0], q = params[1], v = params[2];
  torch::Tensor px = p * s.x;
  torch::Tensor ll = torch::lgamma(px + q) - torch::lgamma(px) - torch::lgamma(q) +
                     q * torch::log(v) + (px - 1) * torch::log(s.mean_spend) +
                     px * torch::log(s.x) - (px + q) * torch::log(v + s.mean_spend * s.x);
  return -ll.mean();
}

}  // namespace

StatusOr<GammaGammaModel> GammaGammaModel::Fit(const std::vector<PurchaseSummary>& cohort,
                                               const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  std::vector<double> x, mean_spend;
  for (const PurchaseSummary& s : cohort) {
    if (s.frequency == 0 || s.mean_repeat_spend <= 0) continue;
    x.push_back(s.frequency);
    mean_spend.push_back(s.mean_repeat_spend);
  }
  if (x.empty()) {
    return Status::FailedPrecondition(
        "Gamma-Gamma: no customer has a repeat purchase with positive spend");
  }
  SpendTensors tensors{ToTensor(x), ToTensor(mean_spend)};
  auto loss = [&tensors](const torch::Tensor& lp) { return CohortLoss(lp, tensors); };
  double average = tensors.mean_spend.mean().item<double>();
  // Start at a population mean p*v/(q-1) equal to the observed average.
  std::vector<double> start = {1.0, 2.0, average};
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, start, x.size(), "Gamma-Gamma", options));
  return GammaGammaModel(GammaGammaParams{fit.params[0], fit.params[1], fit.params[2]});
}

StatusOr<double> GammaGammaModel::ConditionalExpectedSpend(const PurchaseSummary& s) const {
  const auto& [p, q, v] = params_;
  if (q <= 1) return Status::FailedPrecondition("Gamma-Gamma: q <= 1, mean spend is infinite");
  double x = s.frequency;
  return p * (v + x * s.mean_repeat_spend) / (p * x + q - 1);
}

}  // namespace sobremesa
