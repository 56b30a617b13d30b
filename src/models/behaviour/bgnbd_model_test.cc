#include "models/behaviour/bgnbd_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/behaviour/bgnbd_mixture_model.h"
#include "models/behaviour/test_cohorts.h"

namespace sobremesa {
namespace {

constexpr BgnbdParams kTruth{.r = 0.5, .alpha = 4.0, .a = 0.8, .b = 2.5};
constexpr GammaGammaParams kSpend{.p = 6, .q = 4, .v = 15};

double CohortLogLikelihood(const BgnbdModel& m, const std::vector<PurchaseSummary>& cohort) {
  double sum = 0;
  for (const PurchaseSummary& s : cohort) sum += m.LogLikelihood(s);
  return sum;
}

TEST(BgnbdModel, RecoversParametersOfASimulatedCohort) {
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 40000, 39, 7);
  StatusOr<BgnbdModel> fit = BgnbdModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const BgnbdParams& p = fit->params();
  EXPECT_NEAR(p.r, kTruth.r, 0.1 * kTruth.r);
  EXPECT_NEAR(p.alpha, kTruth.alpha, 0.1 * kTruth.alpha);
  EXPECT_NEAR(p.a, kTruth.a, 0.25 * kTruth.a);
  EXPECT_NEAR(p.b, kTruth.b, 0.25 * kTruth.b);
  // A maximum-likelihood fit is at least as likely as the truth.
  EXPECT_GE(CohortLogLikelihood(*fit, cohort), CohortLogLikelihood(BgnbdModel(kTruth), cohort));
}

TEST(BgnbdModel, ExpectedPurchasesMatchTheSimulatedMean) {
  // With a common age T, E[X(T)] is the cohort's mean repeat count.
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 200000, 20, 11);
  double mean = 0, mean_age = 0;
  for (const PurchaseSummary& s : cohort) {
    mean += s.frequency / cohort.size();
    mean_age += s.age / cohort.size();
  }
  // Ages are uniform on [T/3, T]; integrate E[X(t)] over them numerically.
  BgnbdModel model(kTruth);
  double expected = 0;
  constexpr int kSteps = 200;
  for (int i = 0; i < kSteps; ++i) {
    double t = 20.0 / 3 + (20.0 - 20.0 / 3) * (i + 0.5) / kSteps;
    StatusOr<double> e = model.ExpectedPurchases(t);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    expected += *e / kSteps;
  }
  EXPECT_NEAR(mean, expected, 0.02 * expected) << "mean age " << mean_age;
}

TEST(BgnbdModel, ForecastsWhenAPlusBIsBelowOne) {
  // 2F1(.; a + b - 1; .) then has c < 0 (the demo restaurant's fit does
  // this); the forecast must still match the simulated mean.
  constexpr BgnbdParams kLowAB{.r = 0.5, .alpha = 4.0, .a = 0.3, .b = 0.5};
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kLowAB, kSpend, 200000, 20, 13);
  BgnbdModel model(kLowAB);
  double mean = 0, expected = 0;
  for (const PurchaseSummary& s : cohort) mean += s.frequency / cohort.size();
  constexpr int kSteps = 200;
  for (int i = 0; i < kSteps; ++i) {
    StatusOr<double> e = model.ExpectedPurchases(20.0 / 3 + (20.0 - 20.0 / 3) * (i + 0.5) / kSteps);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    expected += *e / kSteps;
  }
  EXPECT_NEAR(mean, expected, 0.02 * expected);
  StatusOr<double> one_visit = model.ConditionalExpectedPurchases({.age = 20}, 10);
  ASSERT_TRUE(one_visit.ok()) << one_visit.status().ToString();
  EXPECT_GT(*one_visit, 0);
  EXPECT_LT(*one_visit, 10 * kLowAB.r / kLowAB.alpha);
}

TEST(BgnbdModel, AgreesWithThePaperOnCdnow) {
  std::vector<PurchaseSummary> cohort = testing::ReadCdnowSummary();
  if (cohort.empty()) GTEST_SKIP() << "CDNOW data set not found at " << SOBREMESA_CDNOW_DIR;
  ASSERT_EQ(cohort.size(), 2357u);
  StatusOr<BgnbdModel> fit = BgnbdModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const BgnbdParams& p = fit->params();
  // Fader, Hardie & Lee (2005), section 4: r = 0.243, alpha = 4.414,
  // a = 0.793, b = 2.426, LL = -9582.4.
  EXPECT_NEAR(p.r, 0.243, 0.0005);
  EXPECT_NEAR(p.alpha, 4.414, 0.005);
  EXPECT_NEAR(p.a, 0.793, 0.0005);
  EXPECT_NEAR(p.b, 2.426, 0.005);
  EXPECT_NEAR(CohortLogLikelihood(*fit, cohort), -9582.4, 0.05);
}

TEST(BgnbdModel, ConditionalForecastMatchesThePaperExample) {
  // The paper's worked customer: x = 2, t_x = 30.43, T = 38.86 expects 1.226
  // purchases in the next 39 weeks.
  BgnbdModel model({.r = 0.243, .alpha = 4.414, .a = 0.793, .b = 2.426});
  StatusOr<double> e = model.ConditionalExpectedPurchases({2, 30.43, 38.86, 0}, 39);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_NEAR(*e, 1.226, 0.001);
}

TEST(BgnbdModel, OneVisitGuestIsAliveWithAFiniteForecast) {
  BgnbdModel model(kTruth);
  PurchaseSummary one_visit{.frequency = 0, .recency = 0, .age = 30};
  EXPECT_EQ(model.ProbabilityAlive(one_visit), 1.0);
  StatusOr<double> e = model.ConditionalExpectedPurchases(one_visit, 13);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_GT(*e, 0);
  EXPECT_LT(*e, 13 * kTruth.r / kTruth.alpha);
}

TEST(BgnbdModel, LongSilenceLowersProbabilityAlive) {
  BgnbdModel model(kTruth);
  double recent = model.ProbabilityAlive({.frequency = 5, .recency = 29, .age = 30});
  double silent = model.ProbabilityAlive({.frequency = 5, .recency = 5, .age = 30});
  EXPECT_GT(recent, 0.8);
  EXPECT_LT(silent, 0.2);
}

TEST(BgnbdModel, ProbabilityOfPurchaseForAOneVisitGuestIsTheGammaPoissonClosedForm) {
  BgnbdModel model(kTruth);
  PurchaseSummary one_visit{.frequency = 0, .recency = 0, .age = 30};
  // Alive for sure; no arrival in 13 weeks has probability (alpha+T)/(alpha+T+t))^r.
  EXPECT_NEAR(model.ProbabilityOfPurchase(one_visit, 13), 1 - std::pow(34.0 / 47.0, 0.5), 1e-12);
  EXPECT_EQ(model.ProbabilityOfPurchase(one_visit, 0), 0.0);
}

TEST(BgnbdModel, ProbabilityOfPurchaseIsBoundedByAliveAndMatchesExpectationOverAShortWindow) {
  BgnbdModel model(kTruth);
  for (PurchaseSummary s : {PurchaseSummary{.frequency = 5, .recency = 29, .age = 30},
                            PurchaseSummary{.frequency = 2, .recency = 4, .age = 30}}) {
    double alive = model.ProbabilityAlive(s);
    double p13 = model.ProbabilityOfPurchase(s, 13);
    double p52 = model.ProbabilityOfPurchase(s, 52);
    EXPECT_LT(p13, p52);
    EXPECT_LT(p52, alive);
    EXPECT_NEAR(model.ProbabilityOfPurchase(s, 1e6), alive, 1e-3 * alive);
    // Over a very short window at most one purchase happens, so P(Y > 0)
    // and E[Y] agree to first order: an independent check of the formula.
    StatusOr<double> expected = model.ConditionalExpectedPurchases(s, 1e-4);
    ASSERT_TRUE(expected.ok()) << expected.status().ToString();
    EXPECT_NEAR(model.ProbabilityOfPurchase(s, 1e-4) / *expected, 1.0, 1e-3);
  }
}

TEST(BgnbdModel, CohortWithoutRepeatersIsAClearError) {
  std::vector<PurchaseSummary> cohort(100, PurchaseSummary{.age = 20});
  StatusOr<BgnbdModel> fit = BgnbdModel::Fit(cohort);
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("repeat"), std::string::npos);
}

TEST(BgnbdModel, MalformedSummariesAreRejected) {
  EXPECT_EQ(BgnbdModel::Fit({}).status().code(), StatusCode::kInvalidArgument);
  StatusOr<BgnbdModel> fit = BgnbdModel::Fit({{.frequency = 1, .recency = 9, .age = 5}});
  EXPECT_EQ(fit.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(fit.status().message().find("customer 0"), std::string::npos);
  fit = BgnbdModel::Fit({{.frequency = NAN, .recency = 1, .age = 5}});
  EXPECT_EQ(fit.status().code(), StatusCode::kInvalidArgument);
}

TEST(BgnbdModel, NonConvergenceIsReportedNotReturned) {
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 2000, 39, 3);
  StatusOr<BgnbdModel> fit = BgnbdModel::Fit(cohort, {.max_rounds = 1, .max_iterations = 1});
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("converge"), std::string::npos);
}

TEST(BgnbdMixtureModel, IdenticalSegmentsForecastLikeOneModel) {
  BgnbdModel single(kTruth);
  BgnbdMixtureModel mixture(single, single, 0.3);
  PurchaseSummary guest{.frequency = 3, .recency = 12, .age = 30};
  EXPECT_NEAR(mixture.LogLikelihood(guest), single.LogLikelihood(guest), 1e-12);
  EXPECT_NEAR(mixture.ProbabilityAlive(guest), single.ProbabilityAlive(guest), 1e-12);
  EXPECT_NEAR(*mixture.ConditionalExpectedPurchases(guest, 10),
              *single.ConditionalExpectedPurchases(guest, 10), 1e-12);
}

TEST(BgnbdMixtureModel, FitsTwoSimulatedSegmentsBetterThanOne) {
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 10000, 39, 5);
  std::vector<PurchaseSummary> loyal =
      testing::SimulateCohort({.r = 2, .alpha = 4, .a = 0.5, .b = 20}, kSpend, 5000, 39, 6);
  cohort.insert(cohort.end(), loyal.begin(), loyal.end());
  StatusOr<BgnbdModel> single = BgnbdModel::Fit(cohort);
  StatusOr<BgnbdMixtureModel> mixture =
      BgnbdMixtureModel::Fit(cohort, {.max_rounds = 200, .gradient_tolerance = 1e-5});
  ASSERT_TRUE(single.ok()) << single.status().ToString();
  ASSERT_TRUE(mixture.ok()) << mixture.status().ToString();
  double single_ll = CohortLogLikelihood(*single, cohort), mixture_ll = 0;
  for (const PurchaseSummary& s : cohort) mixture_ll += mixture->LogLikelihood(s);
  EXPECT_GT(mixture_ll, single_ll + 10);
}

TEST(BgnbdMixtureModel, FewerThanTwoSegmentsIsAClearError) {
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 500, 39, 8);
  StatusOr<BgnbdMixtureModel> fit = BgnbdMixtureModel::Fit(cohort, {}, 1);
  EXPECT_EQ(fit.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(fit.status().message().find("2 segments"), std::string::npos);
}

TEST(BgnbdMixtureModel, ThreeSegmentSharesArePosteriorWeighted) {
  BgnbdMixtureModel mixture(
      {BgnbdModel(kTruth), BgnbdModel({.r = 2, .alpha = 4, .a = 0.5, .b = 20}),
       BgnbdModel({.r = 0.2, .alpha = 8, .a = 2, .b = 2})},
      {0.5, 0.3, 0.2});
  PurchaseSummary guest{.frequency = 6, .recency = 28, .age = 30};
  // The loyal segment explains six recent purchases best, so it dominates
  // the posterior and pulls P(alive) towards its own value.
  double loyal = mixture.segment(1).ProbabilityAlive(guest);
  double prior_mix = 0.5 * mixture.segment(0).ProbabilityAlive(guest) + 0.3 * loyal +
                     0.2 * mixture.segment(2).ProbabilityAlive(guest);
  EXPECT_GT(mixture.ProbabilityAlive(guest), prior_mix);
  EXPECT_LE(mixture.ProbabilityAlive(guest), loyal + 1e-12);
  EXPECT_EQ(mixture.segments(), 3);
  EXPECT_DOUBLE_EQ(mixture.weight(2), 0.2);
}

}  // namespace
}  // namespace sobremesa
