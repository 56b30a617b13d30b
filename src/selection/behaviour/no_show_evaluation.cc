#include "selection/behaviour/no_show_evaluation.h"

#include <algorithm>

#include "models/behaviour/logistic_regression.h"
#include "models/behaviour/no_show_features.h"

namespace sobremesa {
namespace {

constexpr const char* kModel = "sobremesa_no_show";

struct Examples {
  std::vector<std::vector<double>> features;
  std::vector<double> labels;
};

// Walk-ins are seated on arrival, never on the book, so they cannot be
// no-shows; keeping them would reward the model for spotting the channel.
bool IsBookedAhead(const Reservation& r) { return IsNoShowCandidate(r) && r.channel != "walk_in"; }

UnixSeconds SplitTime(const std::vector<Reservation>& by_time, double train_fraction) {
  UnixSeconds first = 0, last = 0;
  bool any = false;
  for (const Reservation& r : by_time) {
    if (!IsBookedAhead(r)) continue;
    if (!any) first = r.reserved_for;
    last = r.reserved_for;
    any = true;
  }
  return first + static_cast<UnixSeconds>(train_fraction * (last - first));
}

double Mean(const std::vector<double>& v) {
  double sum = 0;
  for (double x : v) sum += x;
  return v.empty() ? 0 : sum / v.size();
}

Status CheckPeriod(const Examples& e, const char* period) {
  double rate = Mean(e.labels);
  if (e.labels.empty() || rate == 0 || rate == 1) {
    return Status::FailedPrecondition(std::string("no-show evaluation: the ") + period +
                                      " period needs both shows and no-shows");
  }
  return Status::Ok();
}

void AddSizes(const std::string& dataset, const Examples& train, const Examples& test,
              std::vector<MetricRow>& rows) {
  rows.push_back({dataset, kModel, "train_reservations", double(train.labels.size())});
  rows.push_back({dataset, kModel, "train_no_show_rate", Mean(train.labels)});
  rows.push_back({dataset, kModel, "test_reservations", double(test.labels.size())});
  rows.push_back({dataset, kModel, "test_no_show_rate", Mean(test.labels)});
}

}  // namespace

StatusOr<NoShowReport> EvaluateNoShow(std::vector<Reservation> reservations,
                                      const std::string& dataset, double train_fraction) {
  std::stable_sort(
      reservations.begin(), reservations.end(),
      [](const Reservation& a, const Reservation& b) { return a.reserved_for < b.reserved_for; });
  std::vector<std::vector<double>> rows = NoShowFeatureRows(reservations);
  const UnixSeconds split = SplitTime(reservations, train_fraction);
  Examples train, test;
  for (size_t i = 0; i < reservations.size(); ++i) {
    if (!IsBookedAhead(reservations[i])) continue;
    Examples& e = reservations[i].reserved_for < split ? train : test;
    e.features.push_back(std::move(rows[i]));
    e.labels.push_back(reservations[i].status == ReservationStatus::kNoShow ? 1 : 0);
  }
  RETURN_IF_ERROR(CheckPeriod(train, "training"));
  RETURN_IF_ERROR(CheckPeriod(test, "test"));
  ASSIGN_OR_RETURN(LogisticRegression model, LogisticRegression::Fit(train.features, train.labels));
  std::vector<double> p = model.PredictAll(test.features);
  NoShowReport report;
  ASSIGN_OR_RETURN(double auc, AreaUnderRoc(p, test.labels));
  ASSIGN_OR_RETURN(double brier, BrierScore(p, test.labels));
  std::vector<double> base(test.labels.size(), Mean(train.labels));
  ASSIGN_OR_RETURN(double base_brier, BrierScore(base, test.labels));
  report.metrics = {{dataset, kModel, "auc", auc},
                    {dataset, kModel, "brier", brier},
                    {dataset, "base_rate", "brier", base_brier}};
  AddSizes(dataset, train, test, report.metrics);
  ASSIGN_OR_RETURN(report.reliability, ReliabilityTable(p, test.labels));
  report.standardized_weights = model.standardized_weights();
  return report;
}

}  // namespace sobremesa
