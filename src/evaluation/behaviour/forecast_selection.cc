#include "evaluation/behaviour/forecast_selection.h"

#include <cmath>
#include <numeric>

namespace sobremesa {
namespace {

// Customers with every purchase on or after `days` removed.
std::vector<CdnowCustomer> TruncateTo(const std::vector<CdnowCustomer>& customers, int days) {
  std::vector<CdnowCustomer> out;
  for (const CdnowCustomer& c : customers) {
    CdnowCustomer kept{c.id, {}};
    for (const PurchaseDay& d : c.days) {
      if (d.day < days) kept.days.push_back(d);
    }
    if (!kept.days.empty()) out.push_back(std::move(kept));
  }
  return out;
}

double Sum(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0); }

}  // namespace

StatusOr<ForecastSelection> SelectForecastModel(const std::vector<CdnowCustomer>& customers,
                                                int calibration_weeks,
                                                const std::vector<ForecastCandidate>& candidates,
                                                const std::vector<int>& fit_weeks) {
  std::vector<CdnowCustomer> calibration = TruncateTo(customers, calibration_weeks * 7);
  std::vector<CalibrationHoldout> splits;
  for (int k : fit_weeks) {
    if (k < 1 || k >= calibration_weeks) {
      return Status::InvalidArgument("backtest window of " + std::to_string(k) +
                                     " weeks is not inside the " +
                                     std::to_string(calibration_weeks) + " calibration weeks");
    }
    ASSIGN_OR_RETURN(CalibrationHoldout split,
                     SplitCalibrationHoldout(calibration, {k, calibration_weeks - k}));
    if (Sum(split.holdout_weekly) == 0) {
      return Status::FailedPrecondition("backtest fitted on weeks 1-" + std::to_string(k) +
                                        " has no repeat purchase to forecast before week " +
                                        std::to_string(calibration_weeks + 1));
    }
    splits.push_back(std::move(split));
  }
  ForecastSelection out;
  bool any = false;
  double best = INFINITY;
  for (const ForecastCandidate& candidate : candidates) {
    CandidateBacktests result{candidate.name, Status::Ok(), {}, 0};
    for (size_t i = 0; i < splits.size() && result.status.ok(); ++i) {
      StatusOr<CohortForecast> forecast =
          candidate.run(splits[i], calibration_weeks - fit_weeks[i]);
      if (!forecast.ok()) {
        result.status =
            Status(forecast.status().code(), "fit on weeks 1-" + std::to_string(fit_weeks[i]) +
                                                 ": " + forecast.status().message());
        break;
      }
      Backtest b{fit_weeks[i], Sum(forecast->weekly), Sum(splits[i].holdout_weekly)};
      result.mean_abs_error_pct += std::abs(b.error_pct()) / splits.size();
      result.backtests.push_back(b);
    }
    if (result.status.ok() && result.mean_abs_error_pct < best) {
      best = result.mean_abs_error_pct;
      out.selected = out.candidates.size();
      any = true;
    }
    out.candidates.push_back(std::move(result));
  }
  if (!any) return Status::FailedPrecondition("every forecasting model failed its backtests");
  return out;
}

}  // namespace sobremesa
