#pragma once
// The 90-day return (churn) classifier: logistic regression, an MLP or
// gradient-boosted trees (XGBoost), the kind chosen on a validation window
// (selection/behaviour/return_evaluation.h), behind one interface. A fitted
// classifier is a value any thread may read.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"
#include "models/behaviour/logistic_regression.h"
#include "models/behaviour/mlp_classifier.h"
#include "models/behaviour/xgboost_classifier.h"

namespace sobremesa {

enum class ReturnClassifierKind { kLogistic, kMlp, kXgboost };
inline constexpr ReturnClassifierKind kReturnClassifierKinds[] = {
    ReturnClassifierKind::kLogistic, ReturnClassifierKind::kMlp, ReturnClassifierKind::kXgboost};

// "logistic", "mlp" or "xgboost", for reports and the model file.
std::string_view ReturnClassifierName(ReturnClassifierKind kind);
std::optional<ReturnClassifierKind> ParseReturnClassifierKind(std::string_view name);

class ReturnClassifier {
 public:
  // The fitting errors of LogisticRegression::Fit, MlpClassifier::Fit and
  // XgboostClassifier::Fit.
  static StatusOr<ReturnClassifier> Fit(ReturnClassifierKind kind,
                                        const std::vector<std::vector<double>>& features,
                                        const std::vector<double>& labels);

  ReturnClassifierKind kind() const { return static_cast<ReturnClassifierKind>(model_.index()); }
  double Predict(std::span<const double> features) const;
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;

  // The kind and what tuning chose, in words ("xgboost: depth 4, eta 0.05,
  // 120 rounds"), for notes and reports.
  std::string Describe() const;

  // The fitted model as bytes for the behaviour model file: the parameters
  // as JSON for logistic regression and the MLP, XGBoost's own UBJSON for
  // the trees. Deserialize: InvalidArgument when the bytes are not a model
  // of that kind.
  StatusOr<std::string> Serialize() const;
  static StatusOr<ReturnClassifier> Deserialize(ReturnClassifierKind kind, const std::string& bytes);

 private:
  using Model = std::variant<LogisticRegression, MlpClassifier, XgboostClassifier>;  // kind order
  explicit ReturnClassifier(Model model) : model_(std::move(model)) {}

  Model model_;  // fixed after Fit
};

}  // namespace sobremesa
