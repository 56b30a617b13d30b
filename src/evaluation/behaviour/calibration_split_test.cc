#include "evaluation/behaviour/calibration_split.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace sobremesa {
namespace {

TEST(SplitCalibrationHoldout, SummarisesCalibrationAndCountsHoldoutWeeks) {
  std::vector<CdnowCustomer> customers = {
      {"a", {{0, 10}, {14, 20}, {28, 40}, {273, 5}, {280, 5}, {600, 5}}},
      {"b", {{7, 30}}},
      {"c", {{300, 8}}},  // born in the holdout: not part of the cohort
  };
  StatusOr<CalibrationHoldout> split = SplitCalibrationHoldout(customers);
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  ASSERT_EQ(split->calibration.size(), 2u);
  const PurchaseSummary& a = split->calibration[0];
  EXPECT_EQ(a.frequency, 2);
  EXPECT_DOUBLE_EQ(a.recency, 4);
  EXPECT_DOUBLE_EQ(a.age, 272.0 / 7);
  EXPECT_DOUBLE_EQ(a.mean_repeat_spend, 30);
  EXPECT_EQ(split->holdout_purchases[0], 2);  // day 600 is past the holdout
  EXPECT_EQ(split->holdout_weekly[0], 1);
  EXPECT_EQ(split->holdout_weekly[1], 1);
  EXPECT_EQ(split->calibration_weekly[2], 1);
  EXPECT_EQ(split->calibration[1].frequency, 0);
  EXPECT_DOUBLE_EQ(split->first_purchase_week[1], 1);
  EXPECT_EQ(split->first_purchase_spend[0], 10);
  EXPECT_EQ(split->first_purchase_spend[1], 30);
  // Per calibration customer-day, the first included and the holdout not.
  EXPECT_DOUBLE_EQ(split->calibration_mean_spend[0], (10 + 20 + 40) / 3.0);
  EXPECT_DOUBLE_EQ(split->calibration_mean_spend[1], 30);
  EXPECT_EQ(split->calibration_repeat_weeks[0], (std::vector<double>{2, 4}));  // days 14, 28
  EXPECT_TRUE(split->calibration_repeat_weeks[1].empty());
}

TEST(SplitCalibrationHoldout, NoCustomerBornInCalibrationIsAnError) {
  StatusOr<CalibrationHoldout> split = SplitCalibrationHoldout({{"c", {{300, 8}}}});
  EXPECT_EQ(split.status().code(), StatusCode::kFailedPrecondition);
}

TEST(SplitCalibrationHoldout, ReproducesFaderAndHardiesCdnowSummary) {
  std::string dir = SOBREMESA_CDNOW_DIR;
  std::ifstream summary(dir + "/cdnow_customers_summary_with_transactions.csv");
  if (!summary) GTEST_SKIP() << "CDNOW data set not found at " << dir;
  StatusOr<std::vector<CdnowCustomer>> customers = LoadCdnow(dir);
  ASSERT_TRUE(customers.ok()) << customers.status().ToString();
  StatusOr<CalibrationHoldout> split = SplitCalibrationHoldout(*customers);
  ASSERT_TRUE(split.ok()) << split.status().ToString();
  ASSERT_EQ(split->calibration.size(), 2357u);
  std::string line;
  std::getline(summary, line);
  double holdout = 0;
  for (size_t i = 0; std::getline(summary, line); ++i) {
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream fields(line);
    double id, x, t_x, age, zbar;
    fields >> id >> x >> t_x >> age >> zbar;
    const PurchaseSummary& s = split->calibration[i];
    EXPECT_EQ(s.frequency, x) << "customer " << id;
    EXPECT_NEAR(s.recency, t_x, 0.006) << "customer " << id;
    EXPECT_NEAR(s.age, age, 0.006) << "customer " << id;
    EXPECT_NEAR(s.mean_repeat_spend, zbar, 0.006) << "customer " << id;
    holdout += split->holdout_purchases[i];
  }
  EXPECT_EQ(holdout, 1882);
}

}  // namespace
}  // namespace sobremesa
