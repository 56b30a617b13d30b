#include "models/behaviour/maximum_likelihood.h"

#include <cmath>

namespace sobremesa {
namespace {

struct Evaluation {
  double loss = 0;
  double max_abs_gradient = 0;
  bool finite = false;
};

Evaluation Evaluate(const MeanNegLogLikelihood& loss, const torch::Tensor& log_params) {
  torch::Tensor probe = log_params.detach().clone().requires_grad_(true);
  torch::Tensor value = loss(probe);
  value.backward();
  Evaluation e;
  e.loss = value.item<double>();
  e.max_abs_gradient = probe.grad().abs().max().item<double>();
  e.finite = std::isfinite(e.loss) && std::isfinite(e.max_abs_gradient);
  return e;
}

std::vector<double> ExpOf(const torch::Tensor& log_params) {
  torch::Tensor p = log_params.detach().exp().contiguous();
  return std::vector<double>(p.data_ptr<double>(), p.data_ptr<double>() + p.numel());
}

StatusOr<MaximumLikelihoodFit> Optimise(const MeanNegLogLikelihood& loss,
                                        const std::vector<double>& start, size_t customers,
                                        const std::string& model, const FitOptions& options) {
  torch::Tensor log_params = ToTensor(start).log().requires_grad_(true);
  torch::optim::LBFGS optimiser({log_params}, torch::optim::LBFGSOptions(1.0)
                                                  .max_iter(options.max_iterations)
                                                  .history_size(20)
                                                  .tolerance_grad(options.gradient_tolerance / 10)
                                                  .tolerance_change(1e-15)
                                                  .line_search_fn("strong_wolfe"));
  auto closure = [&] {
    optimiser.zero_grad();
    torch::Tensor value = loss(log_params);
    value.backward();
    return value;
  };
  for (int round = 1; round <= options.max_rounds; ++round) {
    optimiser.step(closure);
    Evaluation e = Evaluate(loss, log_params);
    if (!e.finite) {
      return Status::FailedPrecondition(model + ": log-likelihood or gradient is not finite");
    }
    if (log_params.detach().abs().max().item<double>() > options.log_param_bound) {
      return Status::FailedPrecondition(
          model + ": a parameter ran off to 0 or infinity; the data cannot identify the model");
    }
    if (e.max_abs_gradient < options.gradient_tolerance) {
      return MaximumLikelihoodFit{ExpOf(log_params), -e.loss * customers, round};
    }
  }
  return Status::FailedPrecondition(model + ": optimisation did not converge in " +
                                    std::to_string(options.max_rounds) + " rounds");
}

}  // namespace

torch::Tensor ToTensor(const std::vector<double>& values) {
  return torch::tensor(values, torch::TensorOptions().dtype(torch::kFloat64));
}

StatusOr<MaximumLikelihoodFit> FitMaximumLikelihood(const MeanNegLogLikelihood& loss,
                                                    const std::vector<double>& start,
                                                    size_t customers, const std::string& model,
                                                    const FitOptions& options) {
  // LibTorch reports misuse by throwing; callers of this module get a Status.
  try {
    return Optimise(loss, start, customers, model, options);
  } catch (const std::exception& e) {
    return Status::Internal(model + ": LibTorch failed: " + e.what());
  }
}

}  // namespace sobremesa
