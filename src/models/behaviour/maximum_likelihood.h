#pragma once
// Internal to models/behaviour, included only by its .cc files that already
// use LibTorch: the shared maximum-likelihood loop. Public headers of this
// folder stay free of <torch/...>.

#include <torch/torch.h>

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"

namespace sobremesa {

struct MaximumLikelihoodFit {
  std::vector<double> params;  // exp of the fitted log-parameters
  double log_likelihood = 0;   // summed over customers
  int rounds = 0;
};

// Maps log-parameters (float64, shape {k}) to the mean negative
// log-likelihood per customer (scalar). Working on log-parameters keeps every
// parameter positive without constraints.
using MeanNegLogLikelihood = std::function<torch::Tensor(const torch::Tensor&)>;

// Minimises `loss` with LBFGS (strong Wolfe line search) from `start` (the
// parameters themselves, all > 0). `customers` scales the mean back to a sum.
// Fails with FailedPrecondition naming `model` when the loss or gradient is
// not finite, when a parameter runs off to 0 or infinity, or when the
// gradient is still above tolerance after max_rounds; Internal when LibTorch
// throws. Never returns NaN parameters.
StatusOr<MaximumLikelihoodFit> FitMaximumLikelihood(const MeanNegLogLikelihood& loss,
                                                    const std::vector<double>& start,
                                                    size_t customers, const std::string& model,
                                                    const FitOptions& options);

// A float64 tensor holding `values`.
torch::Tensor ToTensor(const std::vector<double>& values);

}  // namespace sobremesa
