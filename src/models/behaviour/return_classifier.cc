#include "models/behaviour/return_classifier.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace sobremesa {

using nlohmann::json;

std::string_view ReturnClassifierName(ReturnClassifierKind kind) {
  switch (kind) {
    case ReturnClassifierKind::kLogistic:
      return "logistic";
    case ReturnClassifierKind::kMlp:
      return "mlp";
    case ReturnClassifierKind::kXgboost:
      return "xgboost";
  }
  return "unknown";
}

std::optional<ReturnClassifierKind> ParseReturnClassifierKind(std::string_view name) {
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    if (ReturnClassifierName(kind) == name) return kind;
  }
  return std::nullopt;
}

StatusOr<ReturnClassifier> ReturnClassifier::Fit(ReturnClassifierKind kind,
                                                 const std::vector<std::vector<double>>& x,
                                                 const std::vector<double>& y) {
  switch (kind) {
    case ReturnClassifierKind::kLogistic: {
      ASSIGN_OR_RETURN(LogisticRegression model, LogisticRegression::Fit(x, y));
      return ReturnClassifier(std::move(model));
    }
    case ReturnClassifierKind::kMlp: {
      ASSIGN_OR_RETURN(MlpClassifier model, MlpClassifier::Fit(x, y));
      return ReturnClassifier(std::move(model));
    }
    case ReturnClassifierKind::kXgboost: {
      ASSIGN_OR_RETURN(XgboostClassifier model, XgboostClassifier::Fit(x, y));
      return ReturnClassifier(std::move(model));
    }
  }
  return Status::InvalidArgument("unknown return classifier kind");
}

double ReturnClassifier::Predict(std::span<const double> features) const {
  return std::visit([&](const auto& m) { return m.Predict(features); }, model_);
}

std::vector<double> ReturnClassifier::PredictAll(
    const std::vector<std::vector<double>>& rows) const {
  return std::visit([&](const auto& m) { return m.PredictAll(rows); }, model_);
}

std::string ReturnClassifier::Describe() const {
  std::string out(ReturnClassifierName(kind()));
  if (const auto* trees = std::get_if<XgboostClassifier>(&model_); trees && trees->tuning()) {
    const XgboostTuning& t = *trees->tuning();
    char text[160];
    std::snprintf(text, sizeof text, ": depth %d, eta %.2f, %d rounds%s", t.depth, t.eta, t.rounds,
                  t.tuned ? "" : " (defaults: too few examples to tune)");
    out += text;
  }
  return out;
}

StatusOr<std::string> ReturnClassifier::Serialize() const {
  if (const auto* m = std::get_if<LogisticRegression>(&model_)) {
    return json{{"means", m->feature_means()},
                {"scales", m->feature_scales()},
                {"weights", m->standardized_weights()},
                {"bias", m->bias()}}
        .dump();
  }
  if (const auto* m = std::get_if<MlpClassifier>(&model_)) {
    const MlpClassifier::Parameters p = m->parameters();
    return json{{"means", p.means}, {"scales", p.scales}, {"w1", p.w1},
                {"b1", p.b1},       {"w2", p.w2},         {"b2", p.b2}}
        .dump();
  }
  return std::get<XgboostClassifier>(model_).Serialize();
}

StatusOr<ReturnClassifier> ReturnClassifier::Deserialize(ReturnClassifierKind kind,
                                                         const std::string& bytes) {
  if (kind == ReturnClassifierKind::kXgboost) {
    ASSIGN_OR_RETURN(XgboostClassifier model, XgboostClassifier::Deserialize(bytes));
    return ReturnClassifier(std::move(model));
  }
  try {
    const json j = json::parse(bytes);
    if (kind == ReturnClassifierKind::kLogistic) {
      ASSIGN_OR_RETURN(LogisticRegression model,
                       LogisticRegression::FromParameters(
                           j.at("means").get<std::vector<double>>(),
                           j.at("scales").get<std::vector<double>>(),
                           j.at("weights").get<std::vector<double>>(), j.at("bias").get<double>()));
      return ReturnClassifier(std::move(model));
    }
    ASSIGN_OR_RETURN(MlpClassifier model,
                     MlpClassifier::FromParameters({j.at("means").get<std::vector<double>>(),
                                                    j.at("scales").get<std::vector<double>>(),
                                                    j.at("w1").get<std::vector<double>>(),
                                                    j.at("b1").get<std::vector<double>>(),
                                                    j.at("w2").get<std::vector<double>>(),
                                                    j.at("b2").get<double>()}));
    return ReturnClassifier(std::move(model));
  } catch (const json::exception& e) {
    return Status::InvalidArgument(std::string(ReturnClassifierName(kind)) +
                                   " classifier: malformed saved parameters: " + e.what());
  }
}

}  // namespace sobremesa
