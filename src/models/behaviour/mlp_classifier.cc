#include "models/behaviour/mlp_classifier.h"

#include <torch/torch.h>

#include <cassert>
#include <algorithm>
#include <cmath>

#include "models/behaviour/feature_matrix.h"

namespace sobremesa {
namespace {

std::vector<double> ToVector(const torch::Tensor& t) {
  torch::Tensor c = t.detach().to(torch::kFloat64).contiguous();
  return std::vector<double>(c.data_ptr<double>(), c.data_ptr<double>() + c.numel());
}

}  // namespace

StatusOr<MlpClassifier> MlpClassifier::Fit(const std::vector<std::vector<double>>& x,
                                           const std::vector<double>& y,
                                           const MlpOptions& options) {
  RETURN_IF_ERROR(ValidateExamples("MLP", x, y));
  MlpClassifier model;
  ColumnMoments(x, model.mean_, model.scale_);
  try {
    const int64_t n = x.size(), width = model.mean_.size();
    torch::Tensor features = torch::tensor(StandardisedRows(x, model.mean_, model.scale_),
                                           torch::kFloat64)
                                 .reshape({n, width});
    torch::Tensor labels = torch::tensor(y, torch::kFloat64);
    torch::manual_seed(options.seed);
    torch::nn::Linear hidden(width, options.hidden), output(options.hidden, 1);
    hidden->to(torch::kFloat64);
    output->to(torch::kFloat64);
    // Start the output at the base rate's log-odds, as the logistic fit does.
    const double rate = labels.mean().item<double>();
    {
      torch::NoGradGuard no_grad;
      output->bias.fill_(std::log(rate / (1 - rate)));
    }
    std::vector<torch::Tensor> parameters = hidden->parameters();
    for (const torch::Tensor& p : output->parameters()) parameters.push_back(p);
    torch::optim::Adam adam(parameters, torch::optim::AdamOptions(options.learning_rate)
                                            .weight_decay(options.weight_decay));
    double loss_value = 0;
    for (int epoch = 0; epoch < options.epochs; ++epoch) {
      adam.zero_grad();
      torch::Tensor logits = output(torch::relu(hidden(features))).squeeze(1);
      torch::Tensor loss = torch::binary_cross_entropy_with_logits(logits, labels);
      loss.backward();
      adam.step();
      loss_value = loss.item<double>();
    }
    if (!std::isfinite(loss_value)) return Status::FailedPrecondition("MLP: the fit diverged");
    model.w1_ = ToVector(hidden->weight);
    model.b1_ = ToVector(hidden->bias);
    model.w2_ = ToVector(output->weight);
    model.b2_ = output->bias.item<double>();
  } catch (const std::exception& e) {
    return Status::Internal(std::string("MLP: LibTorch: ") + e.what());
  }
  for (double w : model.w1_) {
    if (!std::isfinite(w)) return Status::FailedPrecondition("MLP: the fit diverged");
  }
  return model;
}

StatusOr<MlpClassifier> MlpClassifier::FromParameters(Parameters p) {
  const size_t width = p.means.size(), hidden = p.b1.size();
  bool ok = width > 0 && hidden > 0 && p.scales.size() == width &&
            p.w1.size() == hidden * width && p.w2.size() == hidden && std::isfinite(p.b2);
  for (const auto* v : {&p.means, &p.w1, &p.b1, &p.w2}) {
    for (size_t i = 0; ok && i < v->size(); ++i) ok = std::isfinite((*v)[i]);
  }
  for (size_t j = 0; ok && j < width; ++j) ok = std::isfinite(p.scales[j]) && p.scales[j] > 0;
  if (!ok) return Status::InvalidArgument("MLP: malformed saved parameters");
  MlpClassifier model;
  model.mean_ = std::move(p.means);
  model.scale_ = std::move(p.scales);
  model.w1_ = std::move(p.w1);
  model.b1_ = std::move(p.b1);
  model.w2_ = std::move(p.w2);
  model.b2_ = p.b2;
  return model;
}

double MlpClassifier::Predict(std::span<const double> features) const {
  const size_t width = mean_.size();
  assert(features.size() == width);
  std::vector<double> z(width);
  for (size_t j = 0; j < width; ++j) z[j] = (features[j] - mean_[j]) / scale_[j];
  double logit = b2_;
  for (size_t h = 0; h < b1_.size(); ++h) {
    double a = b1_[h];
    for (size_t j = 0; j < width; ++j) a += w1_[h * width + j] * z[j];
    logit += w2_[h] * std::max(0.0, a);
  }
  return 1.0 / (1.0 + std::exp(-logit));
}

std::vector<double> MlpClassifier::PredictAll(const std::vector<std::vector<double>>& rows) const {
  std::vector<double> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(Predict(row));
  return out;
}

}  // namespace sobremesa
