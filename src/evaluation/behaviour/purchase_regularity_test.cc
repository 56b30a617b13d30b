#include "evaluation/behaviour/purchase_regularity.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sobremesa {
namespace {

// Customers with their own rate (Gamma across customers) and Gamma(k)
// gaps around it, over 4,000 days; gaps are rounded up to whole days, which
// biases k upwards when gaps are a few days long, so they are kept long here.
std::vector<std::vector<PurchaseDay>> Simulate(double k, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> mean_gap(5, 24);  // mean 120 days
  std::vector<std::vector<PurchaseDay>> out;
  for (int c = 0; c < 3000; ++c) {
    std::gamma_distribution<double> gap(k, mean_gap(rng) / k);
    std::vector<PurchaseDay> days = {{0, 10}};
    for (double t = std::ceil(gap(rng)); t < 4000; t += std::ceil(gap(rng))) {
      days.push_back({static_cast<int>(t), 10});
    }
    out.push_back(std::move(days));
  }
  return out;
}

TEST(EstimatePurchaseRegularity, RecoversTheGapShape) {
  for (double k : {1.0, 3.0}) {
    StatusOr<RegularityEstimate> e = EstimatePurchaseRegularity(Simulate(k, 7), 4000);
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    EXPECT_NEAR(e->shape, k, 0.1 * k) << "k = " << k;
    EXPECT_GT(e->customers, 1000);
  }
}

TEST(EstimatePurchaseRegularity, TooFewGapsIsAClearError) {
  std::vector<std::vector<PurchaseDay>> one_repeat = {{{0, 5}, {30, 5}}, {{4, 5}}};
  EXPECT_EQ(EstimatePurchaseRegularity(one_repeat, 100).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(EstimatePurchaseRegularity(one_repeat, 100, 1).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa
