#include "models/behaviour/logistic_regression.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace sobremesa {
namespace {

// Labels drawn from a known logistic model over two features on different
// scales (standardisation must not change what is learnt).
struct Simulated {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  std::vector<double> p;  // the true probabilities
};

Simulated Simulate(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> small(0, 1), large(100, 30);
  std::uniform_real_distribution<double> u(0, 1);
  Simulated s;
  for (int i = 0; i < n; ++i) {
    double a = small(rng), b = large(rng);
    double p = 1 / (1 + std::exp(-(-1.0 + 1.5 * a - 0.02 * (b - 100))));
    s.x.push_back({a, b});
    s.p.push_back(p);
    s.y.push_back(u(rng) < p ? 1 : 0);
  }
  return s;
}

TEST(LogisticRegression, RecoversTheProbabilitiesOfASimulatedModel) {
  Simulated train = Simulate(20000, 1), test = Simulate(2000, 2);
  StatusOr<LogisticRegression> model = LogisticRegression::Fit(train.x, train.y);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  double worst = 0;
  for (size_t i = 0; i < test.x.size(); ++i) {
    worst = std::max(worst, std::abs(model->Predict(test.x[i]) - test.p[i]));
  }
  EXPECT_LT(worst, 0.05);
  // Standardised weights: 1.5 * sd 1 and -0.02 * sd 30 = -0.6.
  EXPECT_NEAR(model->standardized_weights()[0], 1.5, 0.1);
  EXPECT_NEAR(model->standardized_weights()[1], -0.6, 0.1);
}

TEST(LogisticRegression, ConstantFeatureIsHarmless) {
  Simulated train = Simulate(2000, 3);
  for (auto& row : train.x) row.push_back(7.0);
  StatusOr<LogisticRegression> model = LogisticRegression::Fit(train.x, train.y);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  double p = model->Predict(std::vector<double>{0.0, 100.0, 7.0});
  EXPECT_TRUE(std::isfinite(p));
  EXPECT_NEAR(model->standardized_weights()[2], 0.0, 1e-9);
}

TEST(LogisticRegression, SingleClassIsAClearError) {
  std::vector<std::vector<double>> x = {{1}, {2}, {3}};
  StatusOr<LogisticRegression> model = LogisticRegression::Fit(x, {0, 0, 0});
  ASSERT_FALSE(model.ok());
  EXPECT_EQ(model.status().code(), StatusCode::kFailedPrecondition);
}

TEST(LogisticRegression, MalformedInputIsRejected) {
  const double nan = std::nan("");
  struct Case {
    const char* what;
    std::vector<std::vector<double>> x;
    std::vector<double> y;
  };
  for (const Case& c : {Case{"empty", {}, {}}, Case{"ragged", {{1, 2}, {3}}, {0, 1}},
                        Case{"nan", {{1}, {nan}}, {0, 1}}, Case{"label 2", {{1}, {2}}, {0, 2}},
                        Case{"sizes", {{1}, {2}}, {0}}}) {
    StatusOr<LogisticRegression> model = LogisticRegression::Fit(c.x, c.y);
    ASSERT_FALSE(model.ok()) << c.what;
    EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument) << c.what;
  }
}

TEST(LogisticRegression, SeparableDataStaysFiniteThanksToThePenalty) {
  std::vector<std::vector<double>> x = {{-2}, {-1}, {1}, {2}};
  StatusOr<LogisticRegression> model = LogisticRegression::Fit(x, {0, 0, 1, 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE(std::isfinite(model->standardized_weights()[0]));
  EXPECT_GT(model->Predict(std::vector<double>{2}), 0.9);
  EXPECT_LT(model->Predict(std::vector<double>{-2}), 0.1);
}

}  // namespace
}  // namespace sobremesa
