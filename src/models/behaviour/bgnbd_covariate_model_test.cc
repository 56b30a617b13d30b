#include "models/behaviour/bgnbd_covariate_model.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/behaviour/test_cohorts.h"

namespace sobremesa {
namespace {

constexpr GammaGammaParams kSpend{.p = 6, .q = 4, .v = 15};

TEST(BgnbdCovariateModel, RecoversARateEffectAndNoDropoutEffect) {
  // Two equal groups, z = 0 and z = 1 (standardised: -1 and +1). The z = 1
  // group buys exp(2 * 0.4) times as often; both drop out alike.
  constexpr double kAlpha = 4, kGamma = 0.4;
  std::vector<PurchaseSummary> cohort = testing::SimulateCohort(
      {.r = 0.5, .alpha = kAlpha * std::exp(kGamma), .a = 0.8, .b = 2.5}, kSpend, 15000, 39, 21);
  std::vector<PurchaseSummary> frequent = testing::SimulateCohort(
      {.r = 0.5, .alpha = kAlpha * std::exp(-kGamma), .a = 0.8, .b = 2.5}, kSpend, 15000, 39, 22);
  std::vector<std::vector<double>> z(cohort.size(), {0.0});
  z.resize(cohort.size() + frequent.size(), {1.0});
  cohort.insert(cohort.end(), frequent.begin(), frequent.end());
  StatusOr<BgnbdCovariateModel> fit = BgnbdCovariateModel::Fit(cohort, z);
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  const BgnbdCovariateParams& p = fit->params();
  EXPECT_NEAR(p.rate_effect[0], kGamma, 0.08);
  EXPECT_NEAR(p.dropout_effect[0], 0, 0.15);
  EXPECT_NEAR(p.base.alpha, kAlpha, 0.15 * kAlpha);
  EXPECT_NEAR(p.mean[0], 0.5, 1e-12);
  EXPECT_NEAR(p.sd[0], 0.5, 1e-12);
  // The customer-level model carries the effect.
  EXPECT_NEAR(fit->ForCustomer({1.0}).params().alpha, p.base.alpha * std::exp(-p.rate_effect[0]),
              1e-9);
  // And the covariate explains something a plain BG/NBD cannot.
  StatusOr<BgnbdModel> plain = BgnbdModel::Fit(cohort);
  ASSERT_TRUE(plain.ok());
  double with = 0, without = 0;
  for (size_t i = 0; i < cohort.size(); ++i) {
    with += fit->ForCustomer(z[i]).LogLikelihood(cohort[i]);
    without += plain->LogLikelihood(cohort[i]);
  }
  EXPECT_GT(with, without + 10);
}

TEST(BgnbdCovariateModel, WithoutEffectsEveryCustomerHasTheBaseModel) {
  BgnbdCovariateModel model({.base = {.r = 0.5, .alpha = 4, .a = 0.8, .b = 2.5},
                             .rate_effect = {0},
                             .dropout_effect = {0},
                             .mean = {3},
                             .sd = {2}});
  BgnbdParams p = model.ForCustomer({11}).params();
  EXPECT_EQ(p.alpha, 4);
  EXPECT_EQ(p.a, 0.8);
}

TEST(BgnbdCovariateModel, BadCovariatesAreClearErrors) {
  std::vector<PurchaseSummary> cohort = {{.frequency = 1, .recency = 2, .age = 5},
                                         {.frequency = 0, .recency = 0, .age = 5}};
  auto code = [&](const std::vector<std::vector<double>>& z) {
    return BgnbdCovariateModel::Fit(cohort, z).status();
  };
  EXPECT_EQ(code({{1}}).code(), StatusCode::kInvalidArgument);          // one row short
  EXPECT_EQ(code({{1}, {1, 2}}).code(), StatusCode::kInvalidArgument);  // ragged
  Status nan = code({{1}, {NAN}});
  EXPECT_EQ(nan.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(nan.message().find("customer 1"), std::string::npos);
  Status constant = code({{7}, {7}});
  EXPECT_EQ(constant.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(constant.message().find("same for every customer"), std::string::npos);
}

TEST(BgnbdCovariateModel, CohortWithoutRepeatersIsAClearError) {
  std::vector<PurchaseSummary> cohort(20, PurchaseSummary{.age = 9});
  std::vector<std::vector<double>> z;
  for (int i = 0; i < 20; ++i) z.push_back({static_cast<double>(i)});
  Status status = BgnbdCovariateModel::Fit(cohort, z).status();
  EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(status.message().find("repeat"), std::string::npos);
}

}  // namespace
}  // namespace sobremesa
