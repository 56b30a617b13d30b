#include "evaluation/behaviour/behaviour_evaluation.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

#include "evaluation/behaviour/calibration_split.h"
#include "evaluation/behaviour/demo_visit_loader.h"
#include "evaluation/behaviour/no_show_evaluation.h"
#include "evaluation/behaviour/return_evaluation.h"
#include "models/behaviour/bgnbd_mixture_model.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"

namespace sobremesa {
namespace {

constexpr const char* kDataset = "cdnow";

// Cohort forecast of repeat purchases in each holdout week: differences of
// the customers' cumulative conditional expectations E[Y(w) | x, t_x, T].
template <typename Model>
StatusOr<std::vector<double>> WeeklyHoldoutForecast(const Model& model,
                                                    const std::vector<PurchaseSummary>& cohort,
                                                    int weeks) {
  std::vector<double> weekly(weeks, 0);
  for (const PurchaseSummary& s : cohort) {
    double before = 0;
    for (int w = 1; w <= weeks; ++w) {
      ASSIGN_OR_RETURN(double cumulative, model.ConditionalExpectedPurchases(s, w));
      weekly[w - 1] += cumulative - before;
      before = cumulative;
    }
  }
  return weekly;
}

template <typename Model>
double CohortLogLikelihood(const Model& model, const std::vector<PurchaseSummary>& cohort) {
  double sum = 0;
  for (const PurchaseSummary& s : cohort) sum += model.LogLikelihood(s);
  return sum;
}

double Sum(const std::vector<double>& values) {
  double sum = 0;
  for (double v : values) sum += v;
  return sum;
}

void AddForecastMetrics(const std::string& model, double log_likelihood, double predicted,
                        double actual, std::vector<MetricRow>& rows) {
  rows.push_back({kDataset, model, "calibration_log_likelihood", log_likelihood});
  rows.push_back({kDataset, model, "holdout_predicted", predicted});
  rows.push_back({kDataset, model, "holdout_actual", actual});
  rows.push_back({kDataset, model, "holdout_error_pct", 100 * (predicted - actual) / actual});
}

void AddParameterMetrics(const BgnbdParams& b, const GammaGammaParams& g,
                         std::vector<MetricRow>& rows) {
  for (auto [name, value] : {std::pair{"r", b.r}, {"alpha", b.alpha}, {"a", b.a}, {"b", b.b}}) {
    rows.push_back({kDataset, "bgnbd", name, value});
  }
  for (auto [name, value] : {std::pair{"p", g.p}, {"q", g.q}, {"v", g.v}}) {
    rows.push_back({kDataset, "gamma_gamma", name, value});
  }
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
  ASSIGN_OR_RETURN(CalibrationHoldout split, SplitCalibrationHoldout(customers, periods));
  const std::vector<PurchaseSummary>& cohort = split.calibration;
  ASSIGN_OR_RETURN(BgnbdModel bgnbd, BgnbdModel::Fit(cohort));
  ASSIGN_OR_RETURN(GammaGammaModel spend, GammaGammaModel::Fit(cohort));
  // One mixture segment collapses onto a fixed dropout probability (a, b
  // large), a flat ridge on which LBFGS needs more rounds to meet tolerance.
  FitOptions mixture_options{.max_rounds = 200, .gradient_tolerance = 1e-5};
  ASSIGN_OR_RETURN(BgnbdMixtureModel mixture, BgnbdMixtureModel::Fit(cohort, mixture_options));
  ASSIGN_OR_RETURN(std::vector<double> bgnbd_weekly,
                   WeeklyHoldoutForecast(bgnbd, cohort, periods.holdout_weeks));
  ASSIGN_OR_RETURN(std::vector<double> mixture_weekly,
                   WeeklyHoldoutForecast(mixture, cohort, periods.holdout_weeks));
  BehaviourReport report;
  AddParameterMetrics(bgnbd.params(), spend.params(), report.metrics);
  double actual = Sum(split.holdout_weekly);
  AddForecastMetrics("bgnbd", CohortLogLikelihood(bgnbd, cohort), Sum(bgnbd_weekly), actual,
                     report.metrics);
  AddForecastMetrics("sobremesa", CohortLogLikelihood(mixture, cohort), Sum(mixture_weekly), actual,
                     report.metrics);
  for (int w = 0; w < periods.holdout_weeks; ++w) {
    report.holdout_weeks.push_back({periods.calibration_weeks + w + 1, split.holdout_weekly[w],
                                    bgnbd_weekly[w], mixture_weekly[w]});
  }
  ASSIGN_OR_RETURN(ReturnReport churn,
                   EvaluateReturnClassifier(PurchaseDays(customers), ReturnProtocol{}, kDataset));
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
  ASSIGN_OR_RETURN(GuestVisitDays visits, LoadGuestVisitDays(store, restaurant_id));
  // Score the last full 91 days; train on the label window just before, so
  // no label day of the fit reaches the scored window.
  ReturnProtocol protocol;
  protocol.test_cutoff_day = visits.last_day + 1 - protocol.horizon_days;
  protocol.train_cutoff_day = protocol.test_cutoff_day - protocol.horizon_days;
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
