#include "models/behaviour/bgnbd_covariate_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "models/behaviour/bgnbd_likelihood.h"
#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

Status ValidateCovariates(const std::vector<PurchaseSummary>& cohort,
                          const std::vector<std::vector<double>>& covariates) {
  if (covariates.size() != cohort.size()) {
    return Status::InvalidArgument("BG/NBD with covariates: " + std::to_string(cohort.size()) +
                                   " customers but " + std::to_string(covariates.size()) +
                                   " covariate rows");
  }
  if (covariates.empty() || covariates[0].empty()) {
    return Status::InvalidArgument("BG/NBD with covariates: no covariates given");
  }
  for (size_t i = 0; i < covariates.size(); ++i) {
    if (covariates[i].size() != covariates[0].size()) {
      return Status::InvalidArgument("BG/NBD with covariates: customer " + std::to_string(i) +
                                     " has " + std::to_string(covariates[i].size()) +
                                     " covariates, customer 0 has " +
                                     std::to_string(covariates[0].size()));
    }
    for (double z : covariates[i]) {
      if (!std::isfinite(z)) {
        return Status::InvalidArgument("BG/NBD with covariates: customer " + std::to_string(i) +
                                       " has a covariate that is not finite");
      }
    }
  }
  return Status::Ok();
}

// Standardised covariates as a float64 {n, k} tensor, and the mean and
// standard deviation used.
StatusOr<torch::Tensor> Standardise(const std::vector<std::vector<double>>& covariates,
                                    std::vector<double>& mean, std::vector<double>& sd) {
  size_t n = covariates.size(), k = covariates[0].size();
  mean.assign(k, 0);
  sd.assign(k, 0);
  for (const auto& row : covariates) {
    for (size_t j = 0; j < k; ++j) mean[j] += row[j] / n;
  }
  for (const auto& row : covariates) {
    for (size_t j = 0; j < k; ++j) sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
  }
  std::vector<double> flat;
  flat.reserve(n * k);
  for (size_t j = 0; j < k; ++j) {
    sd[j] = std::sqrt(sd[j]);
    if (!(sd[j] > 1e-12 * std::max(1.0, std::abs(mean[j])))) {
      return Status::InvalidArgument("BG/NBD with covariates: covariate " + std::to_string(j) +
                                     " is the same for every customer");
    }
  }
  for (const auto& row : covariates) {
    for (size_t j = 0; j < k; ++j) flat.push_back((row[j] - mean[j]) / sd[j]);
  }
  return ToTensor(flat).reshape({static_cast<int64_t>(n), static_cast<int64_t>(k)});
}

}  // namespace

StatusOr<BgnbdCovariateModel> BgnbdCovariateModel::Fit(
    const std::vector<PurchaseSummary>& cohort, const std::vector<std::vector<double>>& covariates,
    const FitOptions& options) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  RETURN_IF_ERROR(ValidateCovariates(cohort, covariates));
  BgnbdCovariateParams out;
  ASSIGN_OR_RETURN(torch::Tensor z, Standardise(covariates, out.mean, out.sd));
  // The plain fit checks for repeaters and gives a start near the optimum.
  ASSIGN_OR_RETURN(BgnbdModel plain, BgnbdModel::Fit(cohort, options));
  int64_t k = z.size(1);
  CohortTensors tensors = ToCohortTensors(cohort);
  // The loop works on log-parameters; for the effects that log is the
  // coefficient itself, so a start of exp(0) = 1 is "no effect".
  auto loss = [&](const torch::Tensor& lp) {
    torch::Tensor p = lp.slice(0, 0, 4).exp();
    torch::Tensor gamma = lp.slice(0, 4, 4 + k), delta = lp.slice(0, 4 + k, 4 + 2 * k);
    torch::Tensor alpha = p[1] * torch::exp(-torch::mv(z, gamma));
    torch::Tensor a = p[2] * torch::exp(torch::mv(z, delta));
    return -BgnbdLogLikelihoods(p[0], alpha, a, p[3], tensors).mean();
  };
  const BgnbdParams& s = plain.params();
  std::vector<double> start = {s.r, s.alpha, s.a, s.b};
  start.resize(4 + 2 * k, 1.0);
  ASSIGN_OR_RETURN(
      MaximumLikelihoodFit fit,
      FitMaximumLikelihood(loss, start, cohort.size(), "BG/NBD with covariates", options));
  out.base = {fit.params[0], fit.params[1], fit.params[2], fit.params[3]};
  for (int64_t j = 0; j < k; ++j) {
    out.rate_effect.push_back(std::log(fit.params[4 + j]));
    out.dropout_effect.push_back(std::log(fit.params[4 + k + j]));
  }
  return BgnbdCovariateModel(std::move(out));
}

BgnbdModel BgnbdCovariateModel::ForCustomer(const std::vector<double>& covariates) const {
  const BgnbdCovariateParams& p = params_;
  double rate = 0, dropout = 0;
  for (size_t j = 0; j < p.mean.size() && j < covariates.size(); ++j) {
    double z = (covariates[j] - p.mean[j]) / p.sd[j];
    rate += p.rate_effect[j] * z;
    dropout += p.dropout_effect[j] * z;
  }
  return BgnbdModel(
      {p.base.r, p.base.alpha * std::exp(-rate), p.base.a * std::exp(dropout), p.base.b});
}

}  // namespace sobremesa
