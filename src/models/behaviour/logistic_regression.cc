#include "models/behaviour/logistic_regression.h"

#include <torch/torch.h>

#include <cassert>
#include <cmath>
#include <string>

#include "models/behaviour/feature_matrix.h"

namespace sobremesa {
namespace {

torch::Tensor StandardisedTensor(const std::vector<std::vector<double>>& x,
                                 const std::vector<double>& mean,
                                 const std::vector<double>& scale) {
  std::vector<double> rows = StandardisedRows(x, mean, scale);
  return torch::tensor(rows, torch::kFloat64).reshape({int64_t(x.size()), int64_t(mean.size())});
}

struct FittedWeights {
  std::vector<double> weights;
  double bias = 0;
};

StatusOr<FittedWeights> Minimise(const torch::Tensor& x, const torch::Tensor& y,
                                 const LogisticRegressionOptions& options) {
  torch::Tensor w = torch::zeros({x.size(1)}, torch::kFloat64).requires_grad_(true);
  // Starting the bias at the log-odds of the base rate saves LBFGS the
  // first steps on imbalanced labels (no-shows are ~10 %).
  double rate = y.mean().item<double>();
  torch::Tensor b =
      torch::full({1}, std::log(rate / (1 - rate)), torch::kFloat64).requires_grad_(true);
  torch::optim::LBFGS optimiser({w, b}, torch::optim::LBFGSOptions(1.0)
                                            .max_iter(options.max_iterations)
                                            .history_size(20)
                                            .tolerance_grad(1e-9)
                                            .tolerance_change(1e-14)
                                            .line_search_fn("strong_wolfe"));
  auto closure = [&] {
    optimiser.zero_grad();
    torch::Tensor logits = torch::matmul(x, w) + b;
    torch::Tensor loss =
        torch::binary_cross_entropy_with_logits(logits, y) + 0.5 * options.l2 * (w * w).sum();
    loss.backward();
    return loss;
  };
  torch::Tensor loss = optimiser.step(closure);
  if (!std::isfinite(loss.item<double>()) || !torch::isfinite(w).all().item<bool>()) {
    return Status::FailedPrecondition("logistic regression: the fit diverged");
  }
  torch::Tensor wc = w.detach().contiguous();
  return FittedWeights{
      std::vector<double>(wc.data_ptr<double>(), wc.data_ptr<double>() + wc.numel()),
      b.item<double>()};
}

}  // namespace

StatusOr<LogisticRegression> LogisticRegression::Fit(const std::vector<std::vector<double>>& x,
                                                     const std::vector<double>& y,
                                                     const LogisticRegressionOptions& options) {
  RETURN_IF_ERROR(ValidateExamples("logistic regression", x, y));
  LogisticRegression model;
  ColumnMoments(x, model.mean_, model.scale_);
  try {
    torch::Tensor features = StandardisedTensor(x, model.mean_, model.scale_);
    torch::Tensor labels = torch::tensor(y, torch::kFloat64);
    ASSIGN_OR_RETURN(FittedWeights fit, Minimise(features, labels, options));
    model.weights_ = std::move(fit.weights);
    model.bias_ = fit.bias;
  } catch (const std::exception& e) {
    return Status::Internal(std::string("logistic regression: LibTorch: ") + e.what());
  }
  return model;
}

StatusOr<LogisticRegression> LogisticRegression::FromParameters(std::vector<double> means,
                                                                std::vector<double> scales,
                                                                std::vector<double> weights,
                                                                double bias) {
  bool ok = !means.empty() && means.size() == scales.size() && means.size() == weights.size() &&
            std::isfinite(bias);
  for (size_t j = 0; ok && j < means.size(); ++j) {
    ok = std::isfinite(means[j]) && std::isfinite(weights[j]) && std::isfinite(scales[j]) &&
         scales[j] > 0;
  }
  if (!ok) return Status::InvalidArgument("logistic regression: malformed saved parameters");
  LogisticRegression model;
  model.mean_ = std::move(means);
  model.scale_ = std::move(scales);
  model.weights_ = std::move(weights);
  model.bias_ = bias;
  return model;
}

double LogisticRegression::Predict(std::span<const double> features) const {
  assert(features.size() == weights_.size());
  double logit = bias_;
  for (size_t j = 0; j < weights_.size(); ++j) {
    logit += weights_[j] * (features[j] - mean_[j]) / scale_[j];
  }
  return 1.0 / (1.0 + std::exp(-logit));
}

std::vector<double> LogisticRegression::PredictAll(
    const std::vector<std::vector<double>>& rows) const {
  std::vector<double> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(Predict(row));
  return out;
}

}  // namespace sobremesa
