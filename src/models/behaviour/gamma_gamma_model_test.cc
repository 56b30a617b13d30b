#include "models/behaviour/gamma_gamma_model.h"

#include <gtest/gtest.h>

#include "models/behaviour/test_cohorts.h"

namespace sobremesa {
namespace {

constexpr GammaGammaParams kTruth{.p = 6, .q = 4, .v = 15};

TEST(GammaGammaModel, RecoversParametersOfASimulatedCohort) {
  std::vector<PurchaseSummary> cohort =
      testing::SimulateCohort({.r = 1, .alpha = 4, .a = 0.5, .b = 3}, kTruth, 40000, 39, 17);
  StatusOr<GammaGammaModel> fit = GammaGammaModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const GammaGammaParams& p = fit->params();
  EXPECT_NEAR(p.p, kTruth.p, 0.1 * kTruth.p);
  EXPECT_NEAR(p.q, kTruth.q, 0.15 * kTruth.q);
  EXPECT_NEAR(p.v, kTruth.v, 0.2 * kTruth.v);
}

TEST(GammaGammaModel, AgreesWithThePaperOnCdnow) {
  std::vector<PurchaseSummary> cohort = testing::ReadCdnowSummary();
  if (cohort.empty()) GTEST_SKIP() << "CDNOW data set not found at " << SOBREMESA_CDNOW_DIR;
  StatusOr<GammaGammaModel> fit = GammaGammaModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  // Fader, Hardie & Lee (2005), "RFM and CLV": p = 6.25, q = 3.74, v = 15.44.
  EXPECT_NEAR(fit->params().p, 6.25, 0.005);
  EXPECT_NEAR(fit->params().q, 3.74, 0.005);
  EXPECT_NEAR(fit->params().v, 15.44, 0.05);
}

TEST(GammaGammaModel, ZeroSpendRepeatersAreSkipped) {
  std::vector<PurchaseSummary> cohort =
      testing::SimulateCohort({.r = 1, .alpha = 4, .a = 0.5, .b = 3}, kTruth, 5000, 39, 19);
  StatusOr<GammaGammaModel> clean = GammaGammaModel::Fit(cohort);
  cohort.push_back({.frequency = 3, .recency = 10, .age = 20, .mean_repeat_spend = 0});
  StatusOr<GammaGammaModel> with_zero = GammaGammaModel::Fit(cohort);
  ASSERT_TRUE(clean.ok()) << clean.status().ToString();
  ASSERT_TRUE(with_zero.ok()) << with_zero.status().ToString();
  EXPECT_NEAR(with_zero->params().p, clean->params().p, 1e-6);
}

TEST(GammaGammaModel, NoRepeatSpendIsAClearError) {
  std::vector<PurchaseSummary> cohort = {{.frequency = 0, .age = 10},
                                         {.frequency = 2, .recency = 4, .age = 10}};
  StatusOr<GammaGammaModel> fit = GammaGammaModel::Fit(cohort);
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("positive spend"), std::string::npos);
}

TEST(GammaGammaModel, ConditionalSpendShrinksTowardThePopulationMean) {
  GammaGammaModel model(kTruth);
  double population = kTruth.p * kTruth.v / (kTruth.q - 1);
  EXPECT_NEAR(*model.ConditionalExpectedSpend({.frequency = 0, .age = 10}), population, 1e-12);
  double few = *model.ConditionalExpectedSpend(
      {.frequency = 1, .recency = 2, .age = 10, .mean_repeat_spend = 100});
  double many = *model.ConditionalExpectedSpend(
      {.frequency = 20, .recency = 9, .age = 10, .mean_repeat_spend = 100});
  EXPECT_GT(few, population);
  EXPECT_LT(few, many);
  EXPECT_LT(many, 100);
}

TEST(GammaGammaModel, InfiniteMeanIsAnErrorNotANumber) {
  GammaGammaModel model({.p = 2, .q = 0.5, .v = 10});
  EXPECT_EQ(model.ConditionalExpectedSpend({.frequency = 0, .age = 10}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
