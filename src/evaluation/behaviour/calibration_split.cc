#include "evaluation/behaviour/calibration_split.h"

namespace sobremesa {
namespace {

constexpr double kDaysPerWeek = 7;

// Adds one customer's calibration summary and their repeat purchases to the
// weekly totals.
void AddCustomer(const CdnowCustomer& c, int calibration_days, int holdout_days,
                 CalibrationHoldout& out) {
  int first = c.days.front().day;
  PurchaseSummary s;
  s.age = (calibration_days - 1 - first) / kDaysPerWeek;
  double holdout = 0, repeat_spend = 0, repeat_items = 0, gap = -1;
  std::vector<double> repeat_weeks;
  for (size_t i = 1; i < c.days.size(); ++i) {
    const PurchaseDay& p = c.days[i];
    if (p.day < calibration_days) {
      s.frequency += 1;
      s.recency = (p.day - first) / kDaysPerWeek;
      repeat_weeks.push_back(s.recency);
      repeat_spend += p.dollars;
      repeat_items += p.items;
      out.calibration_weekly[p.day / 7] += 1;
    } else if (p.day < calibration_days + holdout_days) {
      if (gap < 0) gap = p.day - calibration_days;
      holdout += 1;
      out.holdout_weekly[(p.day - calibration_days) / 7] += 1;
    }
  }
  if (s.frequency > 0) s.mean_repeat_spend = repeat_spend / s.frequency;
  out.calibration.push_back(s);
  out.first_purchase_week.push_back(first / kDaysPerWeek);
  out.first_purchase_spend.push_back(c.days.front().dollars);
  out.first_purchase_items.push_back(c.days.front().items);
  out.calibration_mean_spend.push_back((c.days.front().dollars + repeat_spend) / (s.frequency + 1));
  out.calibration_mean_items.push_back((c.days.front().items + repeat_items) / (s.frequency + 1));
  out.calibration_repeat_weeks.push_back(std::move(repeat_weeks));
  out.holdout_purchases.push_back(holdout);
  out.first_holdout_gap_days.push_back(gap);
}

}  // namespace

StatusOr<CalibrationHoldout> SplitCalibrationHoldout(const std::vector<CdnowCustomer>& customers,
                                                     const SplitPeriods& periods) {
  int calibration_days = periods.calibration_weeks * 7;
  int holdout_days = periods.holdout_weeks * 7;
  CalibrationHoldout out;
  out.calibration_weekly.assign(periods.calibration_weeks, 0);
  out.holdout_weekly.assign(periods.holdout_weeks, 0);
  for (const CdnowCustomer& c : customers) {
    // The last calibration day itself cannot start a customer: T would be 0.
    if (c.days.empty() || c.days.front().day >= calibration_days - 1) continue;
    AddCustomer(c, calibration_days, holdout_days, out);
  }
  if (out.calibration.empty()) {
    return Status::FailedPrecondition(
        "no customer made a first purchase in the calibration period");
  }
  return out;
}

}  // namespace sobremesa
