#include "models/behaviour/hypergeometric.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa {
namespace {

TEST(Hypergeometric2F1, MatchesClosedFormForLogarithm) {
  // 2F1(1, 1; 2; z) = -ln(1 - z) / z.
  for (double z : {0.0001, 0.3, 0.9, 0.99}) {
    StatusOr<double> f = Hypergeometric2F1(1, 1, 2, z);
    ASSERT_TRUE(f.ok()) << f.status().ToString();
    EXPECT_NEAR(*f, -std::log1p(-z) / z, 1e-10) << "z = " << z;
  }
}

TEST(Hypergeometric2F1, MatchesClosedFormForPower) {
  // 2F1(a, b; b; z) = (1 - z)^-a, here with terms that grow before shrinking.
  StatusOr<double> f = Hypergeometric2F1(40.5, 3, 3, 0.8);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_NEAR(*f / std::pow(0.2, -40.5), 1, 1e-10);
}

TEST(Hypergeometric2F1, AcceptsNegativeNonIntegerC) {
  // BG/NBD's forecast for x = 0 needs c = a + b - 1 < 0 when a + b < 1.
  StatusOr<double> f = Hypergeometric2F1(1.5, -0.3, -0.3, 0.6);
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_NEAR(*f / std::pow(0.4, -1.5), 1, 1e-10);
  // Euler's transformation 2F1(a, b; c; z) = (1 - z)^(c - a - b)
  // 2F1(c - a, c - b; c; z) relates two different series with c < 0.
  for (double z : {0.1, 0.5, 0.9}) {
    StatusOr<double> left = Hypergeometric2F1(1, 0.7, -0.5, z);
    StatusOr<double> right = Hypergeometric2F1(-1.5, -1.2, -0.5, z);
    ASSERT_TRUE(left.ok() && right.ok());
    EXPECT_NEAR(*left, std::pow(1 - z, -2.2) * *right, 1e-9 * std::abs(*left)) << "z = " << z;
  }
}

TEST(Hypergeometric2F1, RejectsArgumentsOutsideTheSeriesDomain) {
  EXPECT_EQ(Hypergeometric2F1(1, 1, 2, 1.0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Hypergeometric2F1(1, 1, 2, -0.1).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Hypergeometric2F1(1, 1, 0, 0.5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Hypergeometric2F1(1, 1, -2, 0.5).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Hypergeometric2F1(NAN, 1, 2, 0.5).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa
