#pragma once
// The temporal protocol of the 90-day return (churn) classifier
// (docs/evaluation/behaviour.md): fit at one cut of time on a label that
// ends before the evaluation cut, then score every customer at the
// evaluation cut and compare with who came back in the next horizon. BG/NBD
// (refitted at each cut) is the baseline.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/cdnow_loader.h"
#include "evaluation/behaviour/classification_metrics.h"
#include "evaluation/behaviour/metric_row.h"

namespace sobremesa {

// Days on the logs' origin (day 0 = 1997-01-01 for CDNOW). Features use the
// days before a cutoff; the label is a purchase in [cutoff, cutoff + horizon).
struct ReturnProtocol {
  int train_cutoff_day = 182;  // CDNOW: features weeks 1-26, label weeks 27-39
  int test_cutoff_day = 273;   // CDNOW: features weeks 1-39, label weeks 40-52
  int horizon_days = 91;       // 13 weeks
};

struct ReturnReport {
  // Models `sobremesa_churn` (the classifier), `bgnbd` (P(return within the
  // horizon)) and `bgnbd_p_alive`: metrics auc, brier; plus the sizes and
  // base rates of both cuts, and the AUC gain over `bgnbd` with its paired
  // bootstrap 95 % interval (auc_gain_over_bgnbd, auc_gain_ci95_low/high),
  // under model `sobremesa_churn`.
  std::vector<MetricRow> metrics;
  std::vector<ReliabilityBin> reliability;   // the classifier on the test cut
  std::vector<double> standardized_weights;  // per ReturnFeatureNames()
};

// `customers` holds each customer's purchase days, ascending. InvalidArgument
// when the training label window reaches the test cutoff (that would fit on
// the evaluation window); FailedPrecondition when a cut has no customer, no
// repeat buyer or a single class; otherwise the models' errors.
StatusOr<ReturnReport> EvaluateReturnClassifier(
    const std::vector<std::vector<PurchaseDay>>& customers, const ReturnProtocol& protocol,
    const std::string& dataset);

}  // namespace sobremesa
