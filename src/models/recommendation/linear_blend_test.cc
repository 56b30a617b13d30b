#include "models/recommendation/linear_blend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(LinearBlendTest, RecoversExactWeights) {
  std::mt19937 rng(5);
  std::uniform_real_distribution<float> uniform(1, 5);
  std::vector<std::vector<float>> predictions(2);
  std::vector<float> targets;
  for (int n = 0; n < 200; ++n) {
    predictions[0].push_back(uniform(rng));
    predictions[1].push_back(uniform(rng));
    targets.push_back(0.5f + 0.3f * predictions[0].back() + 0.6f * predictions[1].back());
  }
  StatusOr<LinearBlend> blend = LinearBlend::Fit(predictions, targets);
  ASSERT_TRUE(blend.ok()) << blend.status().ToString();
  ASSERT_EQ(blend->weights().size(), 3u);
  EXPECT_NEAR(blend->weights()[0], 0.5, 1e-3);
  EXPECT_NEAR(blend->weights()[1], 0.3, 1e-4);
  EXPECT_NEAR(blend->weights()[2], 0.6, 1e-4);
  const std::vector<float> row = {2, 4};
  EXPECT_NEAR(blend->Predict(row), 0.5 + 0.6 + 2.4, 1e-3);
}

// Two predictors of the same truth with independent errors: their blend
// averages the errors away, so it beats both.
TEST(LinearBlendTest, BlendOfIndependentErrorsBeatsEachPart) {
  std::mt19937 rng(9);
  std::uniform_real_distribution<float> truth(1, 5);
  std::normal_distribution<float> noise(0, 0.5f);
  std::vector<std::vector<float>> predictions(2);
  std::vector<float> targets;
  for (int n = 0; n < 2000; ++n) {
    targets.push_back(truth(rng));
    predictions[0].push_back(targets.back() + noise(rng));
    predictions[1].push_back(targets.back() + 1.5f * noise(rng));
  }
  StatusOr<LinearBlend> blend = LinearBlend::Fit(predictions, targets);
  ASSERT_TRUE(blend.ok());
  double se[3] = {0, 0, 0};
  for (size_t n = 0; n < targets.size(); ++n) {
    const std::vector<float> row = {predictions[0][n], predictions[1][n]};
    se[0] += std::pow(row[0] - targets[n], 2);
    se[1] += std::pow(row[1] - targets[n], 2);
    se[2] += std::pow(blend->Predict(row) - targets[n], 2);
  }
  EXPECT_LT(se[2], 0.8 * se[0]);
  EXPECT_LT(se[2], se[1]);
}

TEST(LinearBlendTest, RejectsBadShapes) {
  const std::vector<float> targets = {1, 2, 3};
  EXPECT_EQ(LinearBlend::Fit({}, targets).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(LinearBlend::Fit({{1, 2}}, targets).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(LinearBlend::Fit({{1, 2, 3}, {1, 2, 3}, {3, 2, 1}}, targets).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
