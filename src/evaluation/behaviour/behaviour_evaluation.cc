#include "evaluation/behaviour/behaviour_evaluation.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <numeric>
#include <set>

#include "evaluation/behaviour/calibration_split.h"
#include "evaluation/behaviour/forecast_candidates.h"
#include "evaluation/behaviour/forecast_selection.h"
#include "evaluation/behaviour/purchase_regularity.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"
#include "models/behaviour/guest_context_features.h"
#include "selection/behaviour/guest_timeline_loader.h"
#include "selection/behaviour/no_show_evaluation.h"
#include "selection/behaviour/return_evaluation.h"

namespace sobremesa {
namespace {

constexpr const char* kDataset = "cdnow";

std::string WeekMetric(int week, const char* what) {
  return "week_" + std::to_string(week) + "_" + what;
}

// Every row of one forecasting model: fitted parameters, fit, backtests,
// holdout total and week by week.
void AddForecastMetrics(const std::string& model, const CandidateBacktests& backtests,
                        const CohortForecast& holdout, const CalibrationHoldout& split,
                        int first_holdout_week, std::vector<MetricRow>& rows) {
  for (const auto& [name, value] : holdout.fitted) rows.push_back({kDataset, model, name, value});
  rows.push_back({kDataset, model, "parameters", static_cast<double>(holdout.parameters)});
  rows.push_back({kDataset, model, "calibration_log_likelihood", holdout.log_likelihood});
  for (const Backtest& b : backtests.backtests) {
    std::string name = "backtest_fit" + std::to_string(b.fit_weeks);
    rows.push_back({kDataset, model, name + "_predicted", b.predicted});
    rows.push_back({kDataset, model, name + "_actual", b.actual});
    rows.push_back({kDataset, model, name + "_error_pct", b.error_pct()});
  }
  if (backtests.status.ok()) {
    rows.push_back({kDataset, model, "backtest_mean_abs_error_pct", backtests.mean_abs_error_pct});
  }
  double predicted = std::accumulate(holdout.weekly.begin(), holdout.weekly.end(), 0.0);
  double actual = std::accumulate(split.holdout_weekly.begin(), split.holdout_weekly.end(), 0.0);
  rows.push_back({kDataset, model, "holdout_predicted", predicted});
  rows.push_back({kDataset, model, "holdout_actual", actual});
  rows.push_back({kDataset, model, "holdout_error_pct", 100 * (predicted - actual) / actual});
  for (size_t w = 0; w < holdout.weekly.size(); ++w) {
    int week = first_holdout_week + static_cast<int>(w);
    rows.push_back({kDataset, model, WeekMetric(week, "predicted"), holdout.weekly[w]});
    rows.push_back({kDataset, model, WeekMetric(week, "actual"), split.holdout_weekly[w]});
  }
}

std::string DescribeSelection(const ForecastSelection& selection) {
  std::string text = "sobremesa = " + selection.candidates[selection.selected].name +
                     ": smallest mean |error| of the calibration backtests (fit on weeks 1-k, "
                     "forecast k+1-39; k =";
  for (int k : kBacktestFitWeeks) text += " " + std::to_string(k);
  text += ")";
  for (const CandidateBacktests& c : selection.candidates) {
    char line[160];
    if (c.status.ok()) {
      std::snprintf(line, sizeof line, "\n  %-18s %6.2f %%", c.name.c_str(), c.mean_abs_error_pct);
    } else {
      std::snprintf(line, sizeof line, "\n  %-18s failed: ", c.name.c_str());
    }
    text += line;
    if (!c.status.ok()) text += c.status.ToString();
  }
  return text;
}

// BG/NBD's unconditional tracking of the cohort, in 13-week blocks over
// calibration and holdout: sum over customers of E[X(t - birth)] increments
// beside the actual repeat customer-days. Shows where in time the model and
// the data part ways without conditioning on anyone's history.
Status AddTracking(const std::vector<PurchaseSummary>& cohort, const CalibrationHoldout& split,
                   std::vector<MetricRow>& rows) {
  ASSIGN_OR_RETURN(BgnbdModel model, BgnbdModel::Fit(cohort));
  std::vector<double> actual = split.calibration_weekly;
  actual.insert(actual.end(), split.holdout_weekly.begin(), split.holdout_weekly.end());
  int weeks = static_cast<int>(actual.size());
  std::vector<double> expected(weeks, 0);
  for (double born : split.first_purchase_week) {
    double before = 0;
    for (int w = 1; w <= weeks; ++w) {
      double cumulative = 0;
      if (w > born) {
        ASSIGN_OR_RETURN(cumulative, model.ExpectedPurchases(w - born));
      }
      expected[w - 1] += cumulative - before;
      before = cumulative;
    }
  }
  constexpr int kBlock = 13;
  for (int start = 0; start < weeks; start += kBlock) {
    int end = std::min(weeks, start + kBlock);
    double a = 0, e = 0;
    for (int w = start; w < end; ++w) {
      a += actual[w];
      e += expected[w];
    }
    std::string block = "tracking_weeks_" + std::to_string(start + 1) + "_" + std::to_string(end);
    rows.push_back({kDataset, "bgnbd", block + "_actual", a});
    rows.push_back({kDataset, "bgnbd", block + "_expected", e});
  }
  return Status::Ok();
}

void AddParameterMetrics(const GammaGammaParams& g, std::vector<MetricRow>& rows) {
  for (auto [name, value] : {std::pair{"p", g.p}, {"q", g.q}, {"v", g.v}}) {
    rows.push_back({kDataset, "gamma_gamma", name, value});
  }
}

// The holdout forecasts of every candidate that fitted, then the selected
// one again as "sobremesa".
Status AddForecasts(const ForecastSelection& selection,
                    const std::vector<ForecastCandidate>& candidates,
                    const CalibrationHoldout& split, const SplitPeriods& periods,
                    BehaviourReport& report) {
  int first_week = periods.calibration_weeks + 1;
  std::vector<std::vector<double>> weekly;
  for (size_t i = 0; i < candidates.size(); ++i) {
    // A candidate that failed a backtest cannot be chosen, but its holdout
    // forecast is still reported when the full calibration period fits.
    const CandidateBacktests& backtests = selection.candidates[i];
    StatusOr<CohortForecast> fitted = candidates[i].run(split, periods.holdout_weeks);
    if (!fitted.ok()) {
      if (i == selection.selected) return fitted.status();
      report.forecast_selection +=
          "\n  " + candidates[i].name + " on weeks 1-39: " + fitted.status().ToString();
      continue;
    }
    const CohortForecast& holdout = *fitted;
    AddForecastMetrics(candidates[i].name, backtests, holdout, split, first_week, report.metrics);
    if (i == selection.selected) {
      AddForecastMetrics("sobremesa", backtests, holdout, split, first_week, report.metrics);
    }
    report.forecast_models.push_back(candidates[i].name);
    weekly.push_back(holdout.weekly);
  }
  size_t selected = 0;
  while (report.forecast_models[selected] != candidates[selection.selected].name) ++selected;
  report.forecast_models.push_back("sobremesa");
  weekly.push_back(weekly[selected]);
  for (int w = 0; w < periods.holdout_weeks; ++w) {
    WeeklyForecast row{first_week + w, split.holdout_weekly[w], {}};
    for (const std::vector<double>& model : weekly) row.predicted.push_back(model[w]);
    report.holdout_weeks.push_back(std::move(row));
  }
  report.forecast_selection = DescribeSelection(selection) + report.forecast_selection;
  return Status::Ok();
}

std::vector<std::vector<PurchaseDay>> PurchaseDays(const std::vector<CdnowCustomer>& customers) {
  std::vector<std::vector<PurchaseDay>> days;
  days.reserve(customers.size());
  for (const CdnowCustomer& c : customers) days.push_back(c.days);
  return days;
}

void Append(std::vector<MetricRow>& to, const std::vector<MetricRow>& rows) {
  to.insert(to.end(), rows.begin(), rows.end());
}

}  // namespace

StatusOr<BehaviourReport> EvaluateCdnowBehaviour(const std::string& path) {
  ASSIGN_OR_RETURN(std::vector<CdnowCustomer> customers, LoadCdnow(path));
  SplitPeriods periods;
  std::vector<ForecastCandidate> candidates = ForecastCandidates();
  // The choice is made first, on purchases before the holdout only.
  ASSIGN_OR_RETURN(ForecastSelection selection,
                   SelectForecastModel(customers, periods.calibration_weeks, candidates));
  ASSIGN_OR_RETURN(CalibrationHoldout split, SplitCalibrationHoldout(customers, periods));
  ASSIGN_OR_RETURN(GammaGammaModel spend, GammaGammaModel::Fit(split.calibration));
  BehaviourReport report;
  AddParameterMetrics(spend.params(), report.metrics);
  RETURN_IF_ERROR(AddForecasts(selection, candidates, split, periods, report));
  RETURN_IF_ERROR(AddTracking(split.calibration, split, report.metrics));
  // Regularity of the gaps between calibration purchases: is Pareto/GGG
  // worth fitting? (purchase_regularity.h)
  ASSIGN_OR_RETURN(
      RegularityEstimate regularity,
      EstimatePurchaseRegularity(PurchaseDays(customers), periods.calibration_weeks * 7));
  report.metrics.push_back({kDataset, "purchase_regularity", "gamma_shape_k", regularity.shape});
  report.metrics.push_back(
      {kDataset, "purchase_regularity", "customers", static_cast<double>(regularity.customers)});
  report.metrics.push_back(
      {kDataset, "purchase_regularity", "gaps", static_cast<double>(regularity.gaps)});
  ASSIGN_OR_RETURN(ReturnReport churn,
                   EvaluateReturnClassifier(TimelinesOfPurchases(PurchaseDays(customers)),
                                            ReturnProtocol{}, kDataset));
  Append(report.metrics, churn.metrics);
  report.return_reliability = std::move(churn.reliability);
  return report;
}

StatusOr<BehaviourReport> EvaluateDemoBehaviour(Store& store, Id restaurant_id) {
  constexpr const char* kDemo = "demo";
  constexpr UnixSeconds kEver = std::numeric_limits<UnixSeconds>::max();
  ASSIGN_OR_RETURN(
      std::vector<Reservation> book,
      store.ListReservations(restaurant_id, std::numeric_limits<UnixSeconds>::min(), kEver));
  ASSIGN_OR_RETURN(NoShowReport no_show, EvaluateNoShow(std::move(book), kDemo));
  BehaviourReport report;
  report.metrics = std::move(no_show.metrics);
  report.no_show_reliability = std::move(no_show.reliability);
  // Every visit and feedback the store holds (2100-01-01 is later than any).
  constexpr UnixSeconds kEveryRecord = 4102444800;
  ASSIGN_OR_RETURN(RestaurantTimelines visits,
                   LoadGuestTimelines(store, restaurant_id, kEveryRecord));
  // Score the last full 91 days; train on the label window just before, so
  // no label day of the fit reaches the scored window. Every feature group.
  ReturnProtocol protocol;
  protocol.test_cutoff_day = visits.last_day + 1 - protocol.horizon_days;
  protocol.train_cutoff_day = protocol.test_cutoff_day - protocol.horizon_days;
  protocol.context_groups = kAllContextFeatures;
  ASSIGN_OR_RETURN(ReturnReport churn, EvaluateReturnClassifier(visits.guests, protocol, kDemo));
  Append(report.metrics, churn.metrics);
  report.return_reliability = std::move(churn.reliability);
  return report;
}

Status WriteMetricsCsv(const std::vector<MetricRow>& rows, const std::string& file) {
  std::filesystem::path parent = std::filesystem::path(file).parent_path();
  std::error_code ignored;
  if (!parent.empty()) std::filesystem::create_directories(parent, ignored);
  std::ofstream out(file);
  if (!out) return Status::Internal("cannot write " + file);
  out << "dataset,model,metric,value\n";
  char value[64];
  for (const MetricRow& row : rows) {
    std::snprintf(value, sizeof value, "%.6g", row.value);
    out << row.dataset << ',' << row.model << ',' << row.metric << ',' << value << '\n';
  }
  out.close();
  if (!out) return Status::Internal("cannot write " + file);
  return Status::Ok();
}

namespace {

// Lines of an existing long-form file (header dropped) whose dataset,model
// prefix is not replaced by `rows`; none when the file does not exist.
std::vector<std::string> KeptLines(const std::vector<MetricRow>& rows, const std::string& file) {
  std::set<std::string> replaced;
  for (const MetricRow& row : rows) replaced.insert(row.dataset + ',' + row.model + ',');
  std::vector<std::string> kept;
  std::ifstream in(file);
  std::string line;
  for (bool header = true; std::getline(in, line); header = false) {
    if (header || line.empty()) continue;
    size_t second_comma = line.find(',', line.find(',') + 1);
    if (second_comma == std::string::npos) continue;
    if (!replaced.count(line.substr(0, second_comma + 1))) kept.push_back(line);
  }
  return kept;
}

}  // namespace

Status MergeMetricsCsv(const std::vector<MetricRow>& rows, const std::string& file) {
  std::vector<std::string> kept = KeptLines(rows, file);
  RETURN_IF_ERROR(WriteMetricsCsv(rows, file));
  std::ofstream out(file, std::ios::app);
  for (const std::string& line : kept) out << line << '\n';
  out.close();
  if (!out) return Status::Internal("cannot write " + file);
  return Status::Ok();
}

}  // namespace sobremesa
