#include "models/behaviour/pareto_nbd_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/behaviour/gauss_legendre.h"
#include "models/behaviour/test_cohorts.h"

namespace sobremesa {
namespace {

constexpr ParetoNbdParams kTruth{.r = 0.6, .alpha = 10, .s = 0.8, .beta = 12};

// The Pareto/NBD story: lambda ~ Gamma(r, alpha), lifetime ~ Exp(mu) with
// mu ~ Gamma(s, beta); ages spread over [age/3, age]. Also returns, per
// customer, the purchases in (T, T + horizon].
std::vector<PurchaseSummary> SimulateParetoNbd(const ParetoNbdParams& p, int customers, double age,
                                               unsigned seed, double horizon,
                                               std::vector<double>* future) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(p.r, 1 / p.alpha), death(p.s, 1 / p.beta);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<PurchaseSummary> cohort;
  for (int i = 0; i < customers; ++i) {
    double lambda = rate(rng);
    double lifetime = std::exponential_distribution<double>(death(rng))(rng);
    PurchaseSummary s;
    s.age = age * (1 + 2 * unit(rng)) / 3;
    double later = 0;
    std::exponential_distribution<double> gap(lambda);
    for (double t = gap(rng); t <= std::min(lifetime, s.age + horizon); t += gap(rng)) {
      if (t <= s.age) {
        s.frequency += 1;
        s.recency = t;
      } else {
        later += 1;
      }
    }
    cohort.push_back(s);
    if (future) future->push_back(later);
  }
  return cohort;
}

TEST(GaussLegendre, IntegratesPolynomialsExactly) {
  QuadratureRule rule = GaussLegendre(5);
  double x8 = 0, weights = 0;
  for (size_t i = 0; i < rule.nodes.size(); ++i) {
    x8 += rule.weights[i] * std::pow(rule.nodes[i], 8);
    weights += rule.weights[i];
  }
  EXPECT_NEAR(weights, 2, 1e-14);
  EXPECT_NEAR(x8, 2.0 / 9, 1e-14);  // degree 8 <= 2 * 5 - 1
}

TEST(ParetoNbdModel, AgreesWithPublishedEstimatesOnCdnow) {
  std::vector<PurchaseSummary> cohort = testing::ReadCdnowSummary();
  if (cohort.empty()) GTEST_SKIP() << "CDNOW data set not found at " << SOBREMESA_CDNOW_DIR;
  StatusOr<ParetoNbdModel> fit = ParetoNbdModel::Fit(cohort);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const ParetoNbdParams& p = fit->params();
  // Fader, Hardie & Lee (2005), section 4: r = 0.553, alpha = 10.578,
  // s = 0.606, beta = 11.669, LL = -9595.0.
  EXPECT_NEAR(p.r, 0.553, 0.001);
  EXPECT_NEAR(p.alpha, 10.578, 0.01);
  EXPECT_NEAR(p.s, 0.606, 0.001);
  EXPECT_NEAR(p.beta, 11.669, 0.05);
  double ll = 0;
  for (const PurchaseSummary& s : cohort) ll += fit->LogLikelihood(s);
  EXPECT_NEAR(ll, -9595.0, 0.1);
}

TEST(ParetoNbdModel, ForecastMatchesASimulatedFuture) {
  std::vector<double> future;
  std::vector<PurchaseSummary> cohort = SimulateParetoNbd(kTruth, 40000, 39, 3, 39, &future);
  double predicted = 0, actual = 0;
  for (size_t i = 0; i < cohort.size(); ++i) {
    StatusOr<double> e = ParetoNbdModel(kTruth).ConditionalExpectedPurchases(cohort[i], 39);
    ASSERT_TRUE(e.ok());
    predicted += *e;
    actual += future[i];
  }
  EXPECT_NEAR(predicted / actual, 1, 0.03);
}

TEST(ParetoNbdModel, SilenceLowersProbabilityAliveEvenWithoutRepeats) {
  ParetoNbdModel model(kTruth);
  double recent = model.ProbabilityAlive({.frequency = 5, .recency = 29, .age = 30});
  double silent = model.ProbabilityAlive({.frequency = 5, .recency = 5, .age = 30});
  double one_visit = model.ProbabilityAlive({.frequency = 0, .recency = 0, .age = 30});
  EXPECT_GT(recent, silent);
  EXPECT_LT(one_visit, 1);  // unlike BG/NBD, death needs no purchase
  EXPECT_GT(one_visit, 0);
  EXPECT_EQ(model.ProbabilityAlive({.frequency = 3, .recency = 30, .age = 30}), 1.0);
  EXPECT_EQ(*model.ConditionalExpectedPurchases({.frequency = 3, .recency = 9, .age = 30}, 0), 0);
}

TEST(ParetoNbdModel, CohortWithoutRepeatersIsAClearError) {
  StatusOr<ParetoNbdModel> fit = ParetoNbdModel::Fit(std::vector<PurchaseSummary>(50, {.age = 9}));
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("repeat"), std::string::npos);
}

TEST(ParetoNbdModel, NonConvergenceIsReportedNotReturned) {
  std::vector<PurchaseSummary> cohort = SimulateParetoNbd(kTruth, 2000, 39, 4, 0, nullptr);
  StatusOr<ParetoNbdModel> fit =
      ParetoNbdModel::Fit(cohort, {.max_rounds = 1, .max_iterations = 1});
  EXPECT_EQ(fit.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(fit.status().message().find("converge"), std::string::npos);
}

}  // namespace
}  // namespace sobremesa
