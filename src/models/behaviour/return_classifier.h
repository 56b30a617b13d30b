#pragma once
// The 90-day return (churn) classifier: logistic regression or an MLP, the
// kind chosen on a validation window (evaluation/behaviour/return_evaluation.h),
// behind one interface. A fitted classifier is a value any thread may read.

#include <span>
#include <string_view>
#include <variant>
#include <vector>

#include "common/status.h"
#include "models/behaviour/logistic_regression.h"
#include "models/behaviour/mlp_classifier.h"

namespace sobremesa {

enum class ReturnClassifierKind { kLogistic, kMlp };
inline constexpr ReturnClassifierKind kReturnClassifierKinds[] = {ReturnClassifierKind::kLogistic,
                                                                  ReturnClassifierKind::kMlp};

// "logistic" or "mlp", for reports.
std::string_view ReturnClassifierName(ReturnClassifierKind kind);

class ReturnClassifier {
 public:
  // The fitting errors of LogisticRegression::Fit and MlpClassifier::Fit.
  static StatusOr<ReturnClassifier> Fit(ReturnClassifierKind kind,
                                        const std::vector<std::vector<double>>& features,
                                        const std::vector<double>& labels);

  ReturnClassifierKind kind() const {
    return std::holds_alternative<LogisticRegression>(model_) ? ReturnClassifierKind::kLogistic
                                                              : ReturnClassifierKind::kMlp;
  }
  double Predict(std::span<const double> features) const;
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;

 private:
  explicit ReturnClassifier(std::variant<LogisticRegression, MlpClassifier> model)
      : model_(std::move(model)) {}

  std::variant<LogisticRegression, MlpClassifier> model_;  // fixed after Fit
};

}  // namespace sobremesa
