#pragma once
// Chooses the model that forecasts a cohort's repeat purchases using the
// calibration period alone (docs/evaluation/behaviour.md, "Choosing the
// forecast model"): every candidate is refitted on the first k calibration
// weeks and forecasts weeks k+1 .. end of calibration, for several k; the
// candidate with the smallest mean absolute error of those totals wins.
// The purchases after the calibration period are cut off before any
// backtest runs, so the holdout cannot influence the choice.

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/cdnow_loader.h"
#include "evaluation/behaviour/forecast_candidates.h"

namespace sobremesa {

// The fitting windows of the backtests, in weeks from the start of the
// logs. Fixed before any result was seen: every 5 weeks from week 15 (CDNOW's
// acquisition ends in week 12) to week 30 (a 9-week forecast).
inline const std::vector<int> kBacktestFitWeeks = {15, 20, 25, 30};

struct Backtest {
  int fit_weeks = 0;  // fitted on weeks 1..fit_weeks
  double predicted = 0;
  double actual = 0;  // repeat customer-days in weeks fit_weeks+1 .. calibration end
  double error_pct() const { return 100 * (predicted - actual) / actual; }
};

struct CandidateBacktests {
  std::string name;
  Status status;  // the first failure; such a candidate cannot be chosen
  std::vector<Backtest> backtests;
  double mean_abs_error_pct = 0;
};

struct ForecastSelection {
  std::vector<CandidateBacktests> candidates;  // in the order given
  size_t selected = 0;                         // index of the winner
};

// Runs the backtests of `candidates` on `customers` truncated to the first
// `calibration_weeks` weeks. InvalidArgument when a window is not inside the
// calibration period; FailedPrecondition when a backtest window has no
// customer or no repeat purchase to forecast, or every candidate failed.
StatusOr<ForecastSelection> SelectForecastModel(
    const std::vector<CdnowCustomer>& customers, int calibration_weeks,
    const std::vector<ForecastCandidate>& candidates,
    const std::vector<int>& fit_weeks = kBacktestFitWeeks);

}  // namespace sobremesa
