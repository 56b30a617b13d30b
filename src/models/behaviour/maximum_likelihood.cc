#include "models/behaviour/maximum_likelihood.h"

#include <cmath>
#include <memory>

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

// Steps LBFGS may take into overflow before giving up: each restarts from
// the last finite point with a ten times smaller initial step.
constexpr int kRestarts = 3;

StatusOr<MaximumLikelihoodFit> Optimise(const MeanNegLogLikelihood& loss,
                                        const std::vector<double>& start, size_t customers,
                                        const std::string& model, const FitOptions& options) {
  torch::Tensor log_params = ToTensor(start).log().requires_grad_(true);
  double step = 1.0;
  auto make_optimiser = [&] {
    return std::make_unique<torch::optim::LBFGS>(
        std::vector<torch::Tensor>{log_params}, torch::optim::LBFGSOptions(step)
                                                    .max_iter(options.max_iterations)
                                                    .history_size(20)
                                                    .tolerance_grad(options.gradient_tolerance / 10)
                                                    .tolerance_change(1e-15)
                                                    .line_search_fn("strong_wolfe"));
  };
  std::unique_ptr<torch::optim::LBFGS> optimiser = make_optimiser();
  auto closure = [&] {
    optimiser->zero_grad();
    torch::Tensor value = loss(log_params);
    value.backward();
    return value;
  };
  int restarts = 0;
  for (int round = 1; round <= options.max_rounds; ++round) {
    torch::Tensor last_finite = log_params.detach().clone();
    optimiser->step(closure);
    Evaluation e = Evaluate(loss, log_params);
    if (!e.finite && restarts < kRestarts) {
      // A line search overshot into overflow (seen with three-segment
      // mixtures on short CDNOW windows): back off and start a fresh history.
      ++restarts;
      torch::NoGradGuard no_grad;
      log_params.copy_(last_finite);
      step /= 10;
      optimiser = make_optimiser();
      continue;
    }
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
