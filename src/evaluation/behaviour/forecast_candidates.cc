#include "evaluation/behaviour/forecast_candidates.h"

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "models/behaviour/active_dormant_model.h"
#include "models/behaviour/bgnbd_covariate_model.h"
#include "models/behaviour/bgnbd_honeymoon_model.h"
#include "models/behaviour/bgnbd_mixture_model.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/mbgnbd_model.h"
#include "models/behaviour/pareto_nbd_model.h"

namespace sobremesa {
namespace {

// Cohort forecast per week: differences of each customer's cumulative
// conditional expectation E[Y(w) | x, t_x, T], w = 1..weeks. `model_of(i)`
// is the model that governs customer i.
template <typename ModelOf>
StatusOr<std::vector<double>> WeeklyForecast(const std::vector<PurchaseSummary>& cohort, int weeks,
                                             const ModelOf& model_of) {
  std::vector<double> weekly(weeks, 0);
  for (size_t i = 0; i < cohort.size(); ++i) {
    const auto& model = model_of(i);
    double before = 0;
    for (int w = 1; w <= weeks; ++w) {
      ASSIGN_OR_RETURN(double cumulative, model.ConditionalExpectedPurchases(cohort[i], w));
      weekly[w - 1] += cumulative - before;
      before = cumulative;
    }
  }
  return weekly;
}

template <typename Model>
StatusOr<CohortForecast> ForecastWith(const Model& model,
                                      const std::vector<PurchaseSummary>& cohort, int weeks,
                                      int parameters) {
  CohortForecast out;
  ASSIGN_OR_RETURN(out.weekly, WeeklyForecast(cohort, weeks,
                                              [&model](size_t) -> const Model& { return model; }));
  for (const PurchaseSummary& s : cohort) out.log_likelihood += model.LogLikelihood(s);
  out.parameters = parameters;
  return out;
}

// BG/NBD and MBG/NBD: the same four parameters (r, alpha, a, b), reported
// under the same names.
template <typename Model>
StatusOr<CohortForecast> FourParameterForecast(const CalibrationHoldout& split, int weeks) {
  ASSIGN_OR_RETURN(Model model, Model::Fit(split.calibration));
  ASSIGN_OR_RETURN(CohortForecast out, ForecastWith(model, split.calibration, weeks, 4));
  const BgnbdParams& p = model.params();
  out.fitted = {{"r", p.r}, {"alpha", p.alpha}, {"a", p.a}, {"b", p.b}};
  return out;
}

StatusOr<CohortForecast> Bgnbd(const CalibrationHoldout& split, int weeks) {
  return FourParameterForecast<BgnbdModel>(split, weeks);
}

StatusOr<CohortForecast> BgnbdMixture(const CalibrationHoldout& split, int weeks, int segments) {
  // One segment tends to collapse onto a fixed dropout probability (a, b
  // large), a flat ridge on which LBFGS needs more rounds to meet tolerance.
  FitOptions options{.max_rounds = 200, .gradient_tolerance = 1e-5};
  ASSIGN_OR_RETURN(BgnbdMixtureModel model,
                   BgnbdMixtureModel::Fit(split.calibration, options, segments));
  ASSIGN_OR_RETURN(CohortForecast out,
                   ForecastWith(model, split.calibration, weeks, 5 * segments - 1));
  for (int k = 0; k < segments; ++k) {
    const BgnbdParams& p = model.segment(k).params();
    std::string s = "segment" + std::to_string(k + 1) + "_";
    out.fitted.insert(out.fitted.end(), {{s + "weight", model.weight(k)},
                                         {s + "r", p.r},
                                         {s + "alpha", p.alpha},
                                         {s + "a", p.a},
                                         {s + "b", p.b}});
  }
  return out;
}

StatusOr<CohortForecast> ParetoNbd(const CalibrationHoldout& split, int weeks) {
  // Short backtest windows leave the death rate weakly identified: a long,
  // flat valley that needs more LBFGS rounds than the default.
  ASSIGN_OR_RETURN(
      ParetoNbdModel model,
      ParetoNbdModel::Fit(split.calibration, {.max_rounds = 200, .gradient_tolerance = 1e-5}));
  ASSIGN_OR_RETURN(CohortForecast out, ForecastWith(model, split.calibration, weeks, 4));
  const ParetoNbdParams& p = model.params();
  out.fitted = {{"r", p.r}, {"alpha", p.alpha}, {"s", p.s}, {"beta", p.beta}};
  return out;
}

// BG/NBD with the time-invariant covariates `row(split, i)` of customer i,
// named `names` in the CSV (rate_effect_<name>, dropout_effect_<name>).
using CovariateRow = std::function<std::vector<double>(const CalibrationHoldout&, size_t)>;

StatusOr<CohortForecast> BgnbdWithCovariates(const CalibrationHoldout& split, int weeks,
                                             const std::vector<std::string>& names,
                                             const CovariateRow& row) {
  std::vector<std::vector<double>> covariates;
  for (size_t i = 0; i < split.calibration.size(); ++i) covariates.push_back(row(split, i));
  ASSIGN_OR_RETURN(BgnbdCovariateModel model,
                   BgnbdCovariateModel::Fit(split.calibration, covariates));
  std::vector<BgnbdModel> per_customer;
  for (const std::vector<double>& z : covariates) per_customer.push_back(model.ForCustomer(z));
  CohortForecast out;
  ASSIGN_OR_RETURN(out.weekly,
                   WeeklyForecast(split.calibration, weeks,
                                  [&](size_t i) -> const BgnbdModel& { return per_customer[i]; }));
  for (size_t i = 0; i < per_customer.size(); ++i) {
    out.log_likelihood += per_customer[i].LogLikelihood(split.calibration[i]);
  }
  out.parameters = 4 + 2 * static_cast<int>(names.size());
  const BgnbdCovariateParams& p = model.params();
  out.fitted = {{"r", p.base.r}, {"alpha", p.base.alpha}, {"a", p.base.a}, {"b", p.base.b}};
  for (size_t j = 0; j < names.size(); ++j) {
    out.fitted.push_back({"rate_effect_" + names[j], p.rate_effect[j]});
    out.fitted.push_back({"dropout_effect_" + names[j], p.dropout_effect[j]});
  }
  return out;
}

StatusOr<CohortForecast> BgnbdCovariates(const CalibrationHoldout& split, int weeks) {
  return BgnbdWithCovariates(split, weeks, {"log_first_spend", "first_week", "log_first_cds"},
                             [](const CalibrationHoldout& s, size_t i) -> std::vector<double> {
                               return {std::log1p(s.first_purchase_spend[i]),
                                       s.first_purchase_week[i],
                                       std::log1p(s.first_purchase_items[i])};
                             });
}

// Fader & Hardie's own suggestion of a covariate: the customer's average
// spend (and CDs) per purchase over the fitting window, first purchase
// included, so one-time buyers have one too. Spend per purchase says what
// kind of buyer someone is without counting their purchases, which x
// already does.
StatusOr<CohortForecast> BgnbdSpend(const CalibrationHoldout& split, int weeks) {
  return BgnbdWithCovariates(
      split, weeks, {"log_mean_spend", "log_mean_cds"},
      [](const CalibrationHoldout& s, size_t i) -> std::vector<double> {
        return {std::log1p(s.calibration_mean_spend[i]), std::log1p(s.calibration_mean_items[i])};
      });
}

StatusOr<CohortForecast> Mbgnbd(const CalibrationHoldout& split, int weeks) {
  return FourParameterForecast<MbgnbdModel>(split, weeks);
}

StatusOr<CohortForecast> BgnbdHoneymoon(const CalibrationHoldout& split, int weeks) {
  ASSIGN_OR_RETURN(BgnbdHoneymoonModel model,
                   BgnbdHoneymoonModel::Fit(split.calibration, split.calibration_repeat_weeks));
  CohortForecast out;
  ASSIGN_OR_RETURN(
      out.weekly, WeeklyForecast(split.calibration, weeks,
                                 [&model](size_t) -> const BgnbdHoneymoonModel& { return model; }));
  for (size_t i = 0; i < split.calibration.size(); ++i) {
    out.log_likelihood +=
        model.LogLikelihood(split.calibration[i], split.calibration_repeat_weeks[i]);
  }
  out.parameters = 6;
  const BgnbdHoneymoonParams& p = model.params();
  out.fitted = {{"r", p.base.r}, {"alpha", p.base.alpha},        {"a", p.base.a},
                {"b", p.base.b}, {"honeymoon_excess", p.excess}, {"honeymoon_fade_weeks", p.fade}};
  return out;
}

StatusOr<CohortForecast> ActiveDormant(const CalibrationHoldout& split, int weeks) {
  const std::vector<std::vector<double>>& times = split.calibration_repeat_weeks;
  ASSIGN_OR_RETURN(ActiveDormantModel model, ActiveDormantModel::Fit(split.calibration, times));
  CohortForecast out;
  ASSIGN_OR_RETURN(out.weekly, model.CohortForecast(split.calibration, times, weeks));
  ASSIGN_OR_RETURN(out.log_likelihood, model.LogLikelihood(split.calibration, times));
  out.parameters = 4;
  const ActiveDormantParams& p = model.params();
  out.fitted = {{"r", p.r},
                {"alpha", p.alpha},
                {"weekly_p_go_dormant", p.go_dormant},
                {"weekly_p_come_back", p.come_back}};
  return out;
}

}  // namespace

std::vector<ForecastCandidate> ForecastCandidates() {
  auto mixture = [](int segments) {
    return [segments](const CalibrationHoldout& split, int weeks) {
      return BgnbdMixture(split, weeks, segments);
    };
  };
  return {{"bgnbd", Bgnbd},
          {"bgnbd_mixture", mixture(2)},
          {"bgnbd_mixture3", mixture(3)},
          {"pareto_nbd", ParetoNbd},
          {"bgnbd_covariates", BgnbdCovariates},
          {"bgnbd_honeymoon", BgnbdHoneymoon},
          {"active_dormant", ActiveDormant},
          {"mbgnbd", Mbgnbd},
          {"bgnbd_spend", BgnbdSpend}};
}

}  // namespace sobremesa
