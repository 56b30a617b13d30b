#include "demo/demo_random.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa::demo {
namespace {

TEST(DemoRandomTest, EngineMatchesTheStandardsReferenceValue) {
  // [rand.predef]: the 10000th output of a default-seeded mt19937_64.
  DemoRandom rng(5489u);
  for (int i = 0; i < 9999; ++i) rng.Next();
  EXPECT_EQ(rng.Next(), 9981545732273789042ull);
}

TEST(DemoRandomTest, SameSeedAndStreamGiveSameDraws) {
  DemoRandom a = DemoRandom::ForStream(42, 7), b = DemoRandom::ForStream(42, 7);
  DemoRandom c = DemoRandom::ForStream(42, 8);
  bool differs = false;
  for (int i = 0; i < 100; ++i) {
    const int x = a.Int(0, 1000);
    EXPECT_EQ(x, b.Int(0, 1000));
    differs |= x != c.Int(0, 1000);
  }
  EXPECT_TRUE(differs) << "streams 7 and 8 drew identical values";
}

TEST(DemoRandomTest, IntCoversItsInclusiveRangeAndNothingElse) {
  DemoRandom rng(1);
  int seen[5] = {};
  for (int i = 0; i < 5000; ++i) {
    const int x = rng.Int(3, 7);
    ASSERT_GE(x, 3);
    ASSERT_LE(x, 7);
    ++seen[x - 3];
  }
  for (int count : seen) EXPECT_GT(count, 800);
}

TEST(DemoRandomTest, WeightedFollowsTheWeights) {
  DemoRandom rng(2);
  const double weights[] = {1, 0, 3};
  int seen[3] = {};
  for (int i = 0; i < 8000; ++i) ++seen[rng.Weighted(weights)];
  EXPECT_EQ(seen[1], 0);
  EXPECT_NEAR(static_cast<double>(seen[2]) / seen[0], 3.0, 0.3);
}

TEST(DemoRandomTest, NormalHasZeroMeanAndUnitVariance) {
  DemoRandom rng(3);
  double sum = 0, sum_sq = 0;
  const int n = 20000;
  for (int i = 0; i < n; ++i) {
    const double x = rng.Normal();
    sum += x;
    sum_sq += x * x;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.03);
  EXPECT_NEAR(sum_sq / n, 1.0, 0.05);
}

TEST(DemoRandomTest, SoftWeightTracksExpOnTheUsefulRange) {
  for (double x : {-3.0, -1.0, 0.0, 0.5, 1.0, 2.0, 3.0}) {
    EXPECT_NEAR(SoftWeight(x) / std::exp(x), 1.0, 0.16) << "x = " << x;
  }
  EXPECT_LT(SoftWeight(1.0), SoftWeight(1.1));
  EXPECT_GT(SoftWeight(-100.0), -1e-12);
}

}  // namespace
}  // namespace sobremesa::demo
