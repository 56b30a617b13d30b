#include "evaluation/behaviour/forecast_selection.h"

#include <gtest/gtest.h>

#include <random>

namespace sobremesa {
namespace {

// 300 customers born over the first 10 weeks, buying every ~3 weeks until
// day 545 (week 78).
std::vector<CdnowCustomer> Customers(unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> birth(0, 69), gap(7, 35);
  std::vector<CdnowCustomer> out;
  for (int i = 0; i < 300; ++i) {
    CdnowCustomer c{"c" + std::to_string(i), {}};
    for (int day = birth(rng); day < 546; day += gap(rng)) c.days.push_back({day, 10});
    out.push_back(std::move(c));
  }
  return out;
}

// Forecasts `factor` times the calibration repeat rate per customer-week.
ForecastCandidate Scaled(std::string name, double factor) {
  return {std::move(name), [factor](const CalibrationHoldout& split, int weeks) {
            double purchases = 0, exposure = 0;
            for (const PurchaseSummary& s : split.calibration) {
              purchases += s.frequency;
              exposure += s.age;
            }
            CohortForecast out;
            out.weekly.assign(weeks, factor * purchases / exposure * split.calibration.size());
            return StatusOr<CohortForecast>(out);
          }};
}

ForecastCandidate Failing() {
  return {"failing", [](const CalibrationHoldout&, int) -> StatusOr<CohortForecast> {
            return Status::FailedPrecondition("did not converge");
          }};
}

TEST(SelectForecastModel, ChoosesTheSmallestBacktestErrorAndSkipsFailures) {
  std::vector<ForecastCandidate> candidates = {Scaled("high", 3), Failing(), Scaled("rate", 1),
                                               Scaled("low", 0.2)};
  StatusOr<ForecastSelection> s = SelectForecastModel(Customers(1), 39, candidates);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->candidates.size(), 4u);
  EXPECT_EQ(s->candidates[s->selected].name, "rate");
  EXPECT_FALSE(s->candidates[1].status.ok());
  const CandidateBacktests& rate = s->candidates[2];
  ASSERT_EQ(rate.backtests.size(), kBacktestFitWeeks.size());
  double mean = 0;
  for (const Backtest& b : rate.backtests) {
    EXPECT_GT(b.actual, 0);
    mean += std::abs(b.error_pct()) / rate.backtests.size();
  }
  EXPECT_DOUBLE_EQ(rate.mean_abs_error_pct, mean);
}

TEST(SelectForecastModel, PurchasesAfterCalibrationCannotChangeTheChoice) {
  std::vector<CdnowCustomer> customers = Customers(2), doubled = customers;
  for (CdnowCustomer& c : doubled) {
    // Add a purchase on every other day of the holdout.
    for (int day = 274; day < 546; day += 2) c.days.push_back({day, 99});
  }
  std::vector<ForecastCandidate> candidates = {Scaled("rate", 1), Scaled("low", 0.5)};
  StatusOr<ForecastSelection> a = SelectForecastModel(customers, 39, candidates);
  StatusOr<ForecastSelection> b = SelectForecastModel(doubled, 39, candidates);
  ASSERT_TRUE(a.ok() && b.ok());
  for (size_t i = 0; i < candidates.size(); ++i) {
    for (size_t k = 0; k < kBacktestFitWeeks.size(); ++k) {
      EXPECT_EQ(a->candidates[i].backtests[k].actual, b->candidates[i].backtests[k].actual);
      EXPECT_EQ(a->candidates[i].backtests[k].predicted, b->candidates[i].backtests[k].predicted);
    }
  }
}

TEST(SelectForecastModel, BadWindowsAndAllFailuresAreErrors) {
  std::vector<CdnowCustomer> customers = Customers(3);
  EXPECT_EQ(SelectForecastModel(customers, 39, {Scaled("rate", 1)}, {39}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(SelectForecastModel(customers, 39, {Failing()}).status().code(),
            StatusCode::kFailedPrecondition);
  // Nobody buys again after their first purchase: nothing to forecast.
  std::vector<CdnowCustomer> once = {{"a", {{0, 5}}}, {"b", {{3, 5}}}};
  EXPECT_EQ(SelectForecastModel(once, 39, {Scaled("rate", 1)}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
