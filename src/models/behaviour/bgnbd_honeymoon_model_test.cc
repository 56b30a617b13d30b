#include "models/behaviour/bgnbd_honeymoon_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/behaviour/simulated_cohort.h"

namespace sobremesa {
namespace {

TEST(BgnbdHoneymoonModel, RecoversTheHoneymoonAndTheLongRunModel) {
  BgnbdHoneymoonParams truth{.base = {.r = 0.3, .alpha = 6, .a = 0.6, .b = 2.5},
                             .excess = 1.5,
                             .fade = 4};
  testing::SimulatedHistories cohort = testing::SimulateHoneymoonCohort(truth, 20000, 39, 5);
  StatusOr<BgnbdHoneymoonModel> fit = BgnbdHoneymoonModel::Fit(cohort.summaries,
                                                               cohort.repeat_times);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const BgnbdHoneymoonParams& p = fit->params();
  EXPECT_NEAR(p.excess, truth.excess, 0.35 * truth.excess);
  EXPECT_NEAR(p.fade, truth.fade, 0.35 * truth.fade);
  EXPECT_NEAR(p.base.r / p.base.alpha, truth.base.r / truth.base.alpha,
              0.15 * truth.base.r / truth.base.alpha);
  // Plain BG/NBD must blame the early fall on dropout and forecast less for
  // the customers still around long after their honeymoon.
  StatusOr<BgnbdModel> plain = BgnbdModel::Fit(cohort.summaries);
  ASSERT_TRUE(plain.ok());
  double with = 0, without = 0;
  for (size_t i = 0; i < cohort.summaries.size(); ++i) {
    with += fit->LogLikelihood(cohort.summaries[i], cohort.repeat_times[i]);
    without += plain->LogLikelihood(cohort.summaries[i]);
  }
  EXPECT_GT(with, without + 10);
}

TEST(BgnbdHoneymoonModel, WithoutExcessItIsBgnbd) {
  BgnbdParams base{.r = 0.243, .alpha = 4.414, .a = 0.793, .b = 2.426};
  BgnbdHoneymoonModel model({.base = base, .excess = 0, .fade = 3});
  PurchaseSummary s{.frequency = 2, .recency = 30.43, .age = 38.86};
  EXPECT_DOUBLE_EQ(model.OperationalTime(17.5), 17.5);
  EXPECT_DOUBLE_EQ(model.LogLikelihood(s, {10, 30.43}), BgnbdModel(base).LogLikelihood(s));
  StatusOr<double> ours = model.ConditionalExpectedPurchases(s, 39);
  StatusOr<double> paper = BgnbdModel(base).ConditionalExpectedPurchases(s, 39);
  ASSERT_TRUE(ours.ok() && paper.ok());
  EXPECT_NEAR(*ours, *paper, 1e-12);
}

TEST(BgnbdHoneymoonModel, TheExcessFadesWithTenure) {
  BgnbdParams base{.r = 0.243, .alpha = 4.414, .a = 0.793, .b = 2.426};
  BgnbdHoneymoonModel model({.base = base, .excess = 1, .fade = 5});
  // At tenure 0 operational time runs twice as fast; long after, at the
  // long-run pace, shifted by the honeymoon's k * theta.
  EXPECT_NEAR(model.OperationalTime(1e-6) / 1e-6, 2, 1e-5);
  EXPECT_NEAR(model.OperationalTime(200) - 200, 5, 1e-9);
  // A customer just acquired (no repeats, one week old) is expected to buy
  // more in the next week than the BG/NBD in operational time at its pace now.
  PurchaseSummary fresh{.frequency = 0, .recency = 0, .age = 1};
  PurchaseSummary old{.frequency = 0, .recency = 0, .age = 100};
  StatusOr<double> soon = model.ConditionalExpectedPurchases(fresh, 1);
  StatusOr<double> late = model.ConditionalExpectedPurchases(old, 1);
  ASSERT_TRUE(soon.ok() && late.ok());
  EXPECT_GT(*soon, 2 * *late);
}

TEST(BgnbdHoneymoonModel, RepeatTimesThatDisagreeWithTheSummariesAreClearErrors) {
  std::vector<PurchaseSummary> cohort = {{.frequency = 2, .recency = 5, .age = 9},
                                         {.frequency = 0, .recency = 0, .age = 9}};
  auto status = [&](const std::vector<std::vector<double>>& times) {
    return BgnbdHoneymoonModel::Fit(cohort, times).status();
  };
  EXPECT_EQ(status({{1, 5}}).code(), StatusCode::kInvalidArgument);  // one list short
  Status count = status({{5}, {}});
  EXPECT_EQ(count.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(count.message().find("customer 0"), std::string::npos);
  EXPECT_EQ(status({{5, 1}, {}}).code(), StatusCode::kInvalidArgument);    // not ascending
  EXPECT_EQ(status({{1, 4}, {}}).code(), StatusCode::kInvalidArgument);    // last != recency
  EXPECT_EQ(status({{NAN, 5}, {}}).code(), StatusCode::kInvalidArgument);  // not finite
  Status nobody = BgnbdHoneymoonModel::Fit({{.age = 4}, {.age = 6}}, {{}, {}}).status();
  EXPECT_EQ(nobody.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(nobody.message().find("repeat"), std::string::npos);
}

}  // namespace
}  // namespace sobremesa
