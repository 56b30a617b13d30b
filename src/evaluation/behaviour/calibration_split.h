#pragma once
// Splits purchase logs into a calibration period, summarised per customer for
// the models, and a holdout period, counted week by week to score forecasts.
// Time is in weeks from day 0 of the logs (1997-01-01 for CDNOW).

#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/cdnow_loader.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct SplitPeriods {
  int calibration_weeks = 39;  // CDNOW: 1997-01-01 .. 1997-09-30
  int holdout_weeks = 39;      // CDNOW: 1997-10-01 .. 1998-06-30
};

struct CalibrationHoldout {
  // Per customer born in the calibration period, in the same order:
  std::vector<PurchaseSummary> calibration;  // x, t_x, T in weeks; mean repeat spend
  std::vector<double> first_purchase_week;   // time of the first purchase
  std::vector<double> first_purchase_spend;  // dollars of the first customer-day
  std::vector<double> first_purchase_items;  // CDs of the first customer-day
  // Per calibration customer-day, the first one included:
  std::vector<double> calibration_mean_spend;                 // dollars
  std::vector<double> calibration_mean_items;                 // CDs
  std::vector<std::vector<double>> calibration_repeat_weeks;  // repeat times since the first
  std::vector<double> holdout_purchases;                      // repeat customer-days in the holdout
  std::vector<double> first_holdout_gap_days;  // days from holdout start to next purchase; -1: none
  // Cohort totals of repeat customer-days:
  std::vector<double> calibration_weekly;  // per calibration week
  std::vector<double> holdout_weekly;      // per holdout week
};

// Customers whose first purchase falls after the calibration period are left
// out (they are not in the cohort being forecast). T is measured to the last
// calibration day, so a first purchase on day 0 has T = 38.86 weeks, as in
// Fader & Hardie's summary files. Purchases after the holdout are ignored.
// FailedPrecondition when no customer was born in the calibration period.
StatusOr<CalibrationHoldout> SplitCalibrationHoldout(const std::vector<CdnowCustomer>& customers,
                                                     const SplitPeriods& periods = {});

}  // namespace sobremesa
