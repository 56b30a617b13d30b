#include "evaluation/recommendation/rating_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(RatingMetricsTest, RmseAndMaeByHand) {
  // Errors 1, -2, 0, 1: squared mean (1+4+0+1)/4 = 1.5; absolute mean 1.
  const std::vector<float> predicted = {4, 1, 3, 5};
  const std::vector<float> actual = {3, 3, 3, 4};
  EXPECT_NEAR(RootMeanSquaredError(predicted, actual), std::sqrt(1.5), 1e-9);
  EXPECT_NEAR(MeanAbsoluteError(predicted, actual), 1.0, 1e-9);
}

TEST(RatingMetricsTest, EmptyInputIsZero) {
  EXPECT_EQ(RootMeanSquaredError({}, {}), 0);
  EXPECT_EQ(MeanAbsoluteError({}, {}), 0);
}

}  // namespace
}  // namespace sobremesa::recommendation
