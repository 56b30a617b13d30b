#pragma once
// The behaviour evaluation protocols (docs/evaluation/behaviour.md). CDNOW:
// fit on the 39 calibration weeks, forecast the 39 holdout weeks per customer,
// and compare with what happened, in total and week by week; the 90-day
// return classifier. Demo restaurant: no-show risk and 90-day return.

#include <string>
#include <vector>

#include "common/status.h"
#include "selection/behaviour/classification_metrics.h"
#include "selection/behaviour/metric_row.h"
#include "store/store.h"

namespace sobremesa {

// Repeat customer-days in one holdout week, actual and forecast.
struct WeeklyForecast {
  int week = 0;  // counted from the start of the logs: 40..78 for CDNOW
  double actual = 0;
  std::vector<double> predicted;  // one per BehaviourReport::forecast_models
};

struct BehaviourReport {
  std::vector<MetricRow> metrics;
  // CDNOW only: the forecasting models, the selected one last as "sobremesa",
  // and their holdout forecasts week by week.
  std::vector<std::string> forecast_models;
  std::vector<WeeklyForecast> holdout_weeks;
  std::string forecast_selection;                   // how "sobremesa" was chosen, in words
  std::vector<ReliabilityBin> return_reliability;   // the 90-day return classifier
  std::vector<ReliabilityBin> no_show_reliability;  // demo only
};

// Loads CDNOW from `path` (see LoadCdnow) and runs the protocol: BG/NBD and
// Gamma-Gamma parameters; the forecasting candidates (forecast_candidates.h)
// backtested inside the calibration period, the winner reported again as
// `sobremesa` (forecast_selection.h); for each, the calibration
// log-likelihood, the backtest errors and the holdout forecast in total and
// week by week beside the actual; then the 90-day return classifier against
// BG/NBD (return_evaluation.h, weeks 1-26 / 27-39 to fit, 1-39 / 40-52 to
// score). Fails with the loader's or a model's Status.
StatusOr<BehaviourReport> EvaluateCdnowBehaviour(const std::string& path);

// The demo restaurant's own data: no-show risk on its book
// (no_show_evaluation.h) and the 90-day return classifier on its visits, the
// last 91 days scored, the 91 before them the training label. Rows under
// dataset "demo". Fails with the store's or a model's Status.
StatusOr<BehaviourReport> EvaluateDemoBehaviour(Store& store, Id restaurant_id);

// Writes `rows` as CSV with header dataset,model,metric,value, creating the
// parent directory. Internal naming the file when it cannot be written.
Status WriteMetricsCsv(const std::vector<MetricRow>& rows, const std::string& file);

// Like WriteMetricsCsv, but keeps the rows already in `file` (if any) whose
// (dataset, model) pair `rows` does not mention, so the CDNOW and demo runs
// (and other modules' evaluations) add up in one file instead of replacing
// each other. Internal naming the file when it cannot be written.
Status MergeMetricsCsv(const std::vector<MetricRow>& rows, const std::string& file);

}  // namespace sobremesa
