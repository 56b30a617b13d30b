#pragma once
// The behaviour evaluation protocols (docs/evaluation/behaviour.md). CDNOW:
// fit on the 39 calibration weeks, forecast the 39 holdout weeks per customer,
// and compare with what happened, in total and week by week; the 90-day
// return classifier. Demo restaurant: no-show risk and 90-day return.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/classification_metrics.h"
#include "evaluation/behaviour/metric_row.h"
#include "store/store.h"

namespace sobremesa {

// Repeat customer-days in one holdout week, actual and forecast.
struct WeeklyForecast {
  int week = 0;  // counted from the start of the logs: 40..78 for CDNOW
  double actual = 0;
  double bgnbd = 0;
  double sobremesa = 0;
};

struct BehaviourReport {
  std::vector<MetricRow> metrics;
  std::vector<WeeklyForecast> holdout_weeks;        // CDNOW only
  std::vector<ReliabilityBin> return_reliability;   // the 90-day return classifier
  std::vector<ReliabilityBin> no_show_reliability;  // demo only
};

// Loads CDNOW from `path` (see LoadCdnow) and runs the protocol: BG/NBD and
// Gamma-Gamma parameters, and for `bgnbd` and `sobremesa` (the two-segment
// BG/NBD mixture) the calibration log-likelihood and the holdout total
// predicted beside the actual; then the 90-day return classifier against
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
