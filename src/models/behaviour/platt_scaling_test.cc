#include "models/behaviour/platt_scaling.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sobremesa {
namespace {

// Scores that are too sure of themselves: the truth is logit / 2 - 1.
TEST(PlattScaling, RecoversTheTrueMapOfOverconfidentScores) {
  std::mt19937 rng(7);
  std::normal_distribution<double> normal(0, 2);
  std::uniform_real_distribution<double> uniform;
  std::vector<double> p, y;
  for (int i = 0; i < 20000; ++i) {
    const double logit = normal(rng);
    p.push_back(1 / (1 + std::exp(-logit)));
    y.push_back(uniform(rng) < 1 / (1 + std::exp(-(0.5 * logit - 1))) ? 1 : 0);
  }
  StatusOr<PlattScaling> s = PlattScaling::Fit(p, y);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_NEAR(s->slope, 0.5, 0.05);
  EXPECT_NEAR(s->intercept, -1, 0.06);
  EXPECT_LT(s->Apply(0.3), s->Apply(0.6));  // the ranking is kept
}

TEST(PlattScaling, SaturatedAndBackwardScoresAreDefined) {
  // 0 and 1 are clamped: finite probabilities out.
  StatusOr<PlattScaling> s = PlattScaling::Fit({0.0, 1.0, 0.0, 1.0, 0.5}, {0, 1, 1, 1, 0});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  for (double p : s->ApplyAll({0.0, 0.5, 1.0})) EXPECT_TRUE(std::isfinite(p));
  // Scores that rank the outcomes backwards are refused, not flipped.
  EXPECT_EQ(PlattScaling::Fit({0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(PlattScaling::Fit({0.2, 0.4}, {1, 1}).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
