#include "models/behaviour/return_cut.h"

#include <algorithm>

#include "models/behaviour/guest_context_features.h"
#include "models/behaviour/return_features.h"

namespace sobremesa {
namespace {

constexpr double kDaysPerWeek = 7;

// The visit days before `cut_day` as purchases in weeks, one per day.
std::vector<TimedPurchase> PurchasesBefore(const GuestTimeline& g, int cut_day) {
  std::vector<TimedPurchase> h;
  int last_day = -1;
  for (const TimelineVisit& v : g.visits) {
    if (v.day >= cut_day) break;
    if (h.empty() || v.day != last_day) h.push_back({v.day / kDaysPerWeek, 0});
    h.back().spend += std::max(0.0, v.spend);  // a refund can leave a visit below zero
    last_day = v.day;
  }
  return h;
}

bool ReturnedWithin(const GuestTimeline& g, int cut_day, int horizon_days) {
  return std::any_of(g.visits.begin(), g.visits.end(), [&](const TimelineVisit& v) {
    return v.day >= cut_day && v.day < cut_day + horizon_days;
  });
}

// T runs to the last day before the cut, as in the calibration split.
double EndWeek(int cut_day) { return (cut_day - 1) / kDaysPerWeek; }

}  // namespace

std::vector<std::string> ReturnCutFeatureNames(unsigned context_groups) {
  std::vector<std::string> names = ReturnFeatureNames();
  for (std::string& n : ContextFeatureNames(context_groups)) names.push_back(std::move(n));
  return names;
}

ReturnCut GuestsAtCut(const std::vector<GuestTimeline>& timelines, int cut_day,
                      const ReturnCutOptions& options) {
  const double end_week = EndWeek(cut_day);
  ReturnCut cut;
  cut.cut_day = cut_day;
  for (size_t i = 0; i < timelines.size(); ++i) {
    const std::vector<TimedPurchase> h = PurchasesBefore(timelines[i], cut_day);
    if (h.empty()) continue;
    if (h.front().week >= end_week && !options.include_newcomers) continue;
    PurchaseSummary s = SummarizePurchases(h, end_week);
    s.age = std::max(s.age, 1 / kDaysPerWeek);
    cut.guests.push_back(i);
    cut.summaries.push_back(s);
    cut.labels.push_back(ReturnedWithin(timelines[i], cut_day, options.horizon_days) ? 1 : 0);
  }
  return cut;
}

Status AddReturnFeatures(const std::vector<GuestTimeline>& timelines, const BgnbdModel& bgnbd,
                         const ReturnCutOptions& options, ReturnCut& cut) {
  const double horizon_weeks = options.horizon_days / kDaysPerWeek;
  const double end_week = EndWeek(cut.cut_day);
  cut.features.clear();
  cut.bgnbd_p_return.clear();
  cut.bgnbd_p_alive.clear();
  for (size_t row = 0; row < cut.guests.size(); ++row) {
    const GuestTimeline& g = timelines[cut.guests[row]];
    ASSIGN_OR_RETURN(std::vector<double> features,
                     ReturnFeatures(PurchasesBefore(g, cut.cut_day), end_week, horizon_weeks, bgnbd));
    AppendContextFeatures(g, cut.cut_day, options.context_groups, features);
    cut.features.push_back(std::move(features));
    cut.bgnbd_p_return.push_back(bgnbd.ProbabilityOfPurchase(cut.summaries[row], horizon_weeks));
    cut.bgnbd_p_alive.push_back(bgnbd.ProbabilityAlive(cut.summaries[row]));
  }
  return Status::Ok();
}

StatusOr<ReturnCut> BuildReturnCut(const std::vector<GuestTimeline>& timelines, int cut_day,
                                   const ReturnCutOptions& options, const FitOptions& fit) {
  ReturnCut cut = GuestsAtCut(timelines, cut_day, options);
  if (cut.guests.empty()) {
    return Status::FailedPrecondition("no guest visited before day " + std::to_string(cut_day));
  }
  ASSIGN_OR_RETURN(BgnbdModel bgnbd, BgnbdModel::Fit(cut.summaries, fit));
  RETURN_IF_ERROR(AddReturnFeatures(timelines, bgnbd, options, cut));
  return cut;
}

}  // namespace sobremesa
