#include "models/behaviour/return_classifier.h"

namespace sobremesa {

std::string_view ReturnClassifierName(ReturnClassifierKind kind) {
  return kind == ReturnClassifierKind::kLogistic ? "logistic" : "mlp";
}

StatusOr<ReturnClassifier> ReturnClassifier::Fit(ReturnClassifierKind kind,
                                                 const std::vector<std::vector<double>>& x,
                                                 const std::vector<double>& y) {
  if (kind == ReturnClassifierKind::kLogistic) {
    ASSIGN_OR_RETURN(LogisticRegression model, LogisticRegression::Fit(x, y));
    return ReturnClassifier(std::move(model));
  }
  ASSIGN_OR_RETURN(MlpClassifier model, MlpClassifier::Fit(x, y));
  return ReturnClassifier(std::move(model));
}

double ReturnClassifier::Predict(std::span<const double> features) const {
  return std::visit([&](const auto& m) { return m.Predict(features); }, model_);
}

std::vector<double> ReturnClassifier::PredictAll(
    const std::vector<std::vector<double>>& rows) const {
  return std::visit([&](const auto& m) { return m.PredictAll(rows); }, model_);
}

}  // namespace sobremesa
