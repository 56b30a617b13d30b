#pragma once
// The repeat-purchase models that compete to forecast a cohort after its
// calibration period (docs/evaluation/behaviour.md, "Choosing the forecast
// model"). Each candidate fits on a split's calibration summaries and
// returns the cohort's expected repeat purchases week by week after it.

#include <functional>
#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/calibration_split.h"
#include "selection/behaviour/metric_row.h"

namespace sobremesa {

struct CohortForecast {
  std::vector<double> weekly;  // expected repeat purchases in each week after calibration
  double log_likelihood = 0;   // of the calibration summaries under the fitted model
  int parameters = 0;          // free parameters fitted
  // The fitted parameters, as (metric, value) for the CSV.
  std::vector<std::pair<std::string, double>> fitted;
};

struct ForecastCandidate {
  std::string name;  // the `model` column of the CSV
  // Fits on split.calibration (and the first-purchase covariates) only and
  // forecasts `weeks` weeks; never reads split's holdout fields.
  std::function<StatusOr<CohortForecast>(const CalibrationHoldout& split, int weeks)> run;
};

// bgnbd, bgnbd_mixture and bgnbd_mixture3 (two and three latent classes),
// pareto_nbd,
// bgnbd_covariates (BG/NBD whose purchase rate and dropout depend on
// log(1 + first-purchase dollars), the week of the first purchase and
// log(1 + CDs of the first purchase)),
// bgnbd_honeymoon (BG/NBD whose purchase rate starts higher after the first
// purchase and fades to the long-run rate with tenure), and
// active_dormant (a two-state hidden Markov model: quiet customers may come back),
// mbgnbd (MBG/NBD: a customer may also leave right after the first purchase), and
// bgnbd_spend (BG/NBD whose purchase rate and dropout depend on the customer's
// average dollars and CDs per purchase in the fitting window).
std::vector<ForecastCandidate> ForecastCandidates();

}  // namespace sobremesa
