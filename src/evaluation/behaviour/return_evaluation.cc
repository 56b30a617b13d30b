#include "evaluation/behaviour/return_evaluation.h"

#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/logistic_regression.h"
#include "models/behaviour/return_features.h"

namespace sobremesa {
namespace {

constexpr double kDaysPerWeek = 7;

// Every customer already known at one cutoff, scored for the next horizon.
struct ReturnCut {
  std::vector<std::vector<double>> features;
  std::vector<double> labels;
  std::vector<double> bgnbd_p_return;
  std::vector<double> bgnbd_p_alive;
};

// The purchases before `cutoff_day` in weeks, and whether one follows in
// [cutoff, cutoff + horizon).
struct CustomerAtCut {
  std::vector<TimedPurchase> history;
  bool returned = false;
};

CustomerAtCut SliceAt(const std::vector<PurchaseDay>& days, int cutoff_day, int horizon_days) {
  CustomerAtCut c;
  for (const PurchaseDay& d : days) {
    if (d.day < cutoff_day) {
      c.history.push_back({d.day / kDaysPerWeek, d.dollars});
    } else if (d.day < cutoff_day + horizon_days) {
      c.returned = true;
    }
  }
  return c;
}

StatusOr<ReturnCut> CutAt(const std::vector<std::vector<PurchaseDay>>& customers, int cutoff_day,
                          int horizon_days) {
  // T runs to the last day before the cutoff, as in the calibration split,
  // and a customer first seen that day (T = 0) is not yet a customer to score.
  const double end_week = (cutoff_day - 1) / kDaysPerWeek;
  std::vector<CustomerAtCut> known;
  std::vector<PurchaseSummary> summaries;
  for (const auto& days : customers) {
    CustomerAtCut c = SliceAt(days, cutoff_day, horizon_days);
    if (c.history.empty() || c.history.front().week >= end_week) continue;
    summaries.push_back(SummarizePurchases(c.history, end_week));
    known.push_back(std::move(c));
  }
  if (known.empty()) {
    return Status::FailedPrecondition("no customer purchased before day " +
                                      std::to_string(cutoff_day));
  }
  // A restaurant's regulars are far more clockwork than BG/NBD's Poisson
  // buyers, which leaves a flat likelihood ridge (a, b large); LBFGS then
  // needs more rounds to meet tolerance, as for the mixture.
  FitOptions options{.max_rounds = 200, .gradient_tolerance = 1e-5};
  ASSIGN_OR_RETURN(BgnbdModel bgnbd, BgnbdModel::Fit(summaries, options));
  const double horizon_weeks = horizon_days / kDaysPerWeek;
  ReturnCut cut;
  for (size_t i = 0; i < known.size(); ++i) {
    ASSIGN_OR_RETURN(std::vector<double> row,
                     ReturnFeatures(known[i].history, end_week, horizon_weeks, bgnbd));
    cut.features.push_back(std::move(row));
    cut.labels.push_back(known[i].returned ? 1 : 0);
    cut.bgnbd_p_return.push_back(bgnbd.ProbabilityOfPurchase(summaries[i], horizon_weeks));
    cut.bgnbd_p_alive.push_back(bgnbd.ProbabilityAlive(summaries[i]));
  }
  return cut;
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / v.size();
}

Status AddScores(const std::string& dataset, const std::string& model, const std::vector<double>& p,
                 const std::vector<double>& labels, std::vector<MetricRow>& rows) {
  ASSIGN_OR_RETURN(double auc, AreaUnderRoc(p, labels));
  ASSIGN_OR_RETURN(double brier, BrierScore(p, labels));
  rows.push_back({dataset, model, "auc", auc});
  rows.push_back({dataset, model, "brier", brier});
  return Status::Ok();
}

void AddCutSizes(const std::string& dataset, const ReturnCut& train, const ReturnCut& test,
                 std::vector<MetricRow>& rows) {
  rows.push_back({dataset, "sobremesa_churn", "train_customers", double(train.labels.size())});
  rows.push_back({dataset, "sobremesa_churn", "train_return_rate", Mean(train.labels)});
  rows.push_back({dataset, "sobremesa_churn", "test_customers", double(test.labels.size())});
  rows.push_back({dataset, "sobremesa_churn", "test_return_rate", Mean(test.labels)});
}

}  // namespace

StatusOr<ReturnReport> EvaluateReturnClassifier(
    const std::vector<std::vector<PurchaseDay>>& customers, const ReturnProtocol& protocol,
    const std::string& dataset) {
  if (protocol.train_cutoff_day + protocol.horizon_days > protocol.test_cutoff_day) {
    return Status::InvalidArgument(
        "return protocol: the training label window ends after the test cutoff, so the "
        "classifier would be fitted on the evaluation window");
  }
  ASSIGN_OR_RETURN(ReturnCut train,
                   CutAt(customers, protocol.train_cutoff_day, protocol.horizon_days));
  ASSIGN_OR_RETURN(ReturnCut test,
                   CutAt(customers, protocol.test_cutoff_day, protocol.horizon_days));
  ASSIGN_OR_RETURN(LogisticRegression classifier,
                   LogisticRegression::Fit(train.features, train.labels));
  std::vector<double> p = classifier.PredictAll(test.features);
  ReturnReport report;
  RETURN_IF_ERROR(AddScores(dataset, "sobremesa_churn", p, test.labels, report.metrics));
  RETURN_IF_ERROR(AddScores(dataset, "bgnbd", test.bgnbd_p_return, test.labels, report.metrics));
  RETURN_IF_ERROR(
      AddScores(dataset, "bgnbd_p_alive", test.bgnbd_p_alive, test.labels, report.metrics));
  // Is the gain over BG/NBD more than the luck of which customers were drawn?
  ASSIGN_OR_RETURN(AucDifference gain, BootstrapAucDifference(p, test.bgnbd_p_return, test.labels));
  report.metrics.push_back({dataset, "sobremesa_churn", "auc_gain_over_bgnbd", gain.difference});
  report.metrics.push_back({dataset, "sobremesa_churn", "auc_gain_ci95_low", gain.low});
  report.metrics.push_back({dataset, "sobremesa_churn", "auc_gain_ci95_high", gain.high});
  AddCutSizes(dataset, train, test, report.metrics);
  ASSIGN_OR_RETURN(report.reliability, ReliabilityTable(p, test.labels));
  report.standardized_weights = classifier.standardized_weights();
  return report;
}

}  // namespace sobremesa
