#include "models/behaviour/return_features.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa {
namespace {

constexpr BgnbdParams kParams{.r = 0.24, .alpha = 4.4, .a = 0.79, .b = 2.4};

double Feature(const std::vector<double>& row, const std::string& name) {
  const auto& names = ReturnFeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return row[i];
  }
  ADD_FAILURE() << "no feature " << name;
  return std::nan("");
}

TEST(SummarizePurchases, MatchesTheCalibrationConvention) {
  PurchaseSummary s = SummarizePurchases({{1, 10}, {3, 20}, {8, 40}}, 10);
  EXPECT_EQ(s.frequency, 2);
  EXPECT_EQ(s.recency, 7);
  EXPECT_EQ(s.age, 9);
  EXPECT_EQ(s.mean_repeat_spend, 30);
}

TEST(ReturnFeatures, OneRowPerNameWithTheBgnbdView) {
  BgnbdModel bgnbd(kParams);
  std::vector<TimedPurchase> h = {{1, 10}, {3, 20}, {8, 40}};
  StatusOr<std::vector<double>> row = ReturnFeatures(h, 10, 13, bgnbd);
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  ASSERT_EQ(row->size(), ReturnFeatureNames().size());
  PurchaseSummary s = SummarizePurchases(h, 10);
  EXPECT_EQ(Feature(*row, "weeks_since_last"), 2);
  EXPECT_EQ(Feature(*row, "recent_purchases"), 3);
  EXPECT_NEAR(Feature(*row, "log1p_mean_spend"), std::log1p(70.0 / 3), 1e-12);
  double p_return = bgnbd.ProbabilityOfPurchase(s, 13);
  EXPECT_NEAR(Feature(*row, "logit_bgnbd_p_return"), std::log(p_return / (1 - p_return)), 1e-9);
  EXPECT_LT(Feature(*row, "logit_bgnbd_p_alive"), 20);
  for (double v : *row) EXPECT_TRUE(std::isfinite(v));
}

TEST(ReturnFeatures, RegularitySeparatesClockworkFromBursts) {
  BgnbdModel bgnbd(kParams);
  StatusOr<std::vector<double>> regular =
      ReturnFeatures({{0, 1}, {4, 1}, {8, 1}, {12, 1}}, 13, 13, bgnbd);
  StatusOr<std::vector<double>> bursty =
      ReturnFeatures({{0, 1}, {0.5, 1}, {1, 1}, {12, 1}}, 13, 13, bgnbd);
  ASSERT_TRUE(regular.ok() && bursty.ok());
  EXPECT_EQ(Feature(*regular, "gap_variation"), 0);
  EXPECT_GT(Feature(*bursty, "gap_variation"), 1);
}

TEST(ReturnFeatures, OverdueIsSilenceInTheGuestsOwnRhythm) {
  BgnbdModel bgnbd(kParams);
  // Six weeks of silence: a weekly guest is far overdue, a 12-weekly one is early.
  StatusOr<std::vector<double>> weekly =
      ReturnFeatures({{0, 1}, {1, 1}, {2, 1}, {3, 1}}, 9, 13, bgnbd);
  StatusOr<std::vector<double>> quarterly =
      ReturnFeatures({{0, 1}, {12, 1}, {24, 1}}, 30, 13, bgnbd);
  ASSERT_TRUE(weekly.ok() && quarterly.ok());
  EXPECT_NEAR(Feature(*weekly, "log_overdue"), std::log((6 + 1.0 / 7) / (1 + 1.0 / 7)), 1e-12);
  EXPECT_LT(Feature(*quarterly, "log_overdue"), 0);
  StatusOr<std::vector<double>> once = ReturnFeatures({{0, 1}}, 9, 13, bgnbd);
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(Feature(*once, "log_overdue"), 0);
}

TEST(ReturnFeatures, OneVisitGuestScoredOnTheDayOfTheVisitIsFinite) {
  BgnbdModel bgnbd(kParams);
  StatusOr<std::vector<double>> row = ReturnFeatures({{5, 0}}, 5, 13, bgnbd);
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  for (double v : *row) EXPECT_TRUE(std::isfinite(v));
}

TEST(ReturnFeatures, BadHistoriesAreRejected) {
  BgnbdModel bgnbd(kParams);
  EXPECT_FALSE(ReturnFeatures({}, 10, 13, bgnbd).ok());
  EXPECT_FALSE(ReturnFeatures({{5, 1}, {2, 1}}, 10, 13, bgnbd).ok());   // unsorted
  EXPECT_FALSE(ReturnFeatures({{5, 1}, {12, 1}}, 10, 13, bgnbd).ok());  // after scoring
  EXPECT_FALSE(ReturnFeatures({{5, -1}}, 10, 13, bgnbd).ok());          // negative spend
}

}  // namespace
}  // namespace sobremesa
