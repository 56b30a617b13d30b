#include "models/behaviour/mbgnbd_model.h"

#include <gtest/gtest.h>

#include <random>

#include "models/behaviour/test_cohorts.h"

namespace sobremesa {
namespace {

constexpr BgnbdParams kTruth{.r = 0.5, .alpha = 4.0, .a = 0.8, .b = 2.5};
constexpr GammaGammaParams kSpend{.p = 6, .q = 4, .v = 15};

double CohortLogLikelihood(const MbgnbdModel& m, const std::vector<PurchaseSummary>& cohort) {
  double sum = 0;
  for (const PurchaseSummary& s : cohort) sum += m.LogLikelihood(s);
  return sum;
}

TEST(MbgnbdModel, RecoversParametersOfASimulatedCohort) {
  std::vector<PurchaseSummary> cohort =
      testing::SimulateCohort(kTruth, kSpend, 40000, 39, 7, /*may_leave_at_first=*/true);
  StatusOr<MbgnbdModel> fit = MbgnbdModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const BgnbdParams& p = fit->params();
  EXPECT_NEAR(p.r, kTruth.r, 0.1 * kTruth.r);
  EXPECT_NEAR(p.alpha, kTruth.alpha, 0.1 * kTruth.alpha);
  EXPECT_NEAR(p.a, kTruth.a, 0.25 * kTruth.a);
  EXPECT_NEAR(p.b, kTruth.b, 0.25 * kTruth.b);
  EXPECT_GE(CohortLogLikelihood(*fit, cohort), CohortLogLikelihood(MbgnbdModel(kTruth), cohort));
}

TEST(MbgnbdModel, ConditionalForecastMatchesTheSimulatedFuture) {
  // Customers of one age T followed on to T + t: the summed conditional
  // expectations given (x, t_x, T) must match the purchases they then made,
  // for one-time buyers (who may have left at once) and repeaters alike.
  // A high dropout (mean p = 0.5) and a long horizon make the posterior of p
  // matter: BG/NBD's Beta(a, b + x) in place of Beta(a, b + x + 1) is 6-9 %
  // off here.
  constexpr BgnbdParams kLeaving{.r = 0.5, .alpha = 4.0, .a = 1.5, .b = 1.5};
  constexpr double kAge = 20, kHorizon = 52;
  MbgnbdModel model(kLeaving);
  std::mt19937_64 rng(5);
  std::gamma_distribution<double> rate(kLeaving.r, 1 / kLeaving.alpha), beta_a(kLeaving.a, 1),
      beta_b(kLeaving.b, 1);
  std::uniform_real_distribution<double> unit(0, 1);
  double forecast[2] = {0, 0}, actual[2] = {0, 0};
  for (int i = 0; i < 200000; ++i) {
    double lambda = rate(rng), ga = beta_a(rng), p = ga / (ga + beta_b(rng));
    PurchaseSummary s{.age = kAge};
    double future = 0;
    bool alive = unit(rng) >= p;
    for (double t = std::exponential_distribution<double>(lambda)(rng);
         alive && t <= kAge + kHorizon; t += std::exponential_distribution<double>(lambda)(rng)) {
      if (t <= kAge) {
        s.frequency += 1;
        s.recency = t;
      } else {
        future += 1;
      }
      alive = unit(rng) >= p;
    }
    StatusOr<double> e = model.ConditionalExpectedPurchases(s, kHorizon);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    int group = s.frequency > 0;
    forecast[group] += *e;
    actual[group] += future;
  }
  EXPECT_NEAR(forecast[0], actual[0], 0.03 * actual[0]);
  EXPECT_NEAR(forecast[1], actual[1], 0.03 * actual[1]);
}

TEST(MbgnbdModel, OneTimeBuyersMayHaveLeft) {
  MbgnbdModel model(kTruth);
  double young = model.ProbabilityAlive({.age = 2});
  double old = model.ProbabilityAlive({.age = 30});
  EXPECT_LT(young, 1.0);
  EXPECT_LT(old, young);  // a long silence makes leaving at once more likely
  EXPECT_GT(old, 0.0);
}

TEST(MbgnbdModel, CohortWithoutRepeatersIsAClearError) {
  std::vector<PurchaseSummary> cohort(10, PurchaseSummary{.age = 10});
  Status status = MbgnbdModel::Fit(cohort).status();
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("no customer made a repeat purchase"), std::string::npos);
}

TEST(MbgnbdModel, NonConvergenceIsReportedNotReturned) {
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(kTruth, kSpend, 2000, 39, 3, true);
  StatusOr<MbgnbdModel> fit = MbgnbdModel::Fit(cohort, {.max_rounds = 1, .max_iterations = 1});
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("converge"), std::string::npos);
}

TEST(MbgnbdModel, MalformedSummariesAreRejected) {
  std::vector<PurchaseSummary> cohort = {{.frequency = 2, .recency = 12, .age = 10}};
  EXPECT_EQ(MbgnbdModel::Fit(cohort).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa
