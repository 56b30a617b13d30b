#include "models/behaviour/xgboost_classifier.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/behaviour/logistic_regression.h"

namespace sobremesa {
namespace {

// Label = the two features have the same sign, with 10 % of labels flipped:
// an interaction no linear model can express, and noise to overfit.
void SameSign(int n, unsigned seed, std::vector<std::vector<double>>& x, std::vector<double>& y) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  std::bernoulli_distribution flip(0.1);
  for (int i = 0; i < n; ++i) {
    double a = normal(rng), b = normal(rng);
    x.push_back({a, b, normal(rng)});  // the third feature is noise
    y.push_back(((a > 0) == (b > 0)) != flip(rng) ? 1 : 0);
  }
}

double Accuracy(const std::vector<double>& p, const std::vector<double>& y) {
  double right = 0;
  for (size_t i = 0; i < p.size(); ++i) right += (p[i] > 0.5) == (y[i] == 1);
  return right / p.size();
}

TEST(XgboostClassifier, LearnsAnInteractionLogisticRegressionCannot) {
  std::vector<std::vector<double>> x, test_x;
  std::vector<double> y, test_y;
  SameSign(2000, 1, x, y);
  SameSign(1000, 2, test_x, test_y);
  StatusOr<XgboostClassifier> trees = XgboostClassifier::Fit(x, y);
  StatusOr<LogisticRegression> linear = LogisticRegression::Fit(x, y);
  ASSERT_TRUE(trees.ok() && linear.ok()) << trees.status().ToString();
  EXPECT_GT(Accuracy(trees->PredictAll(test_x), test_y), 0.85);  // 0.9 is the noise ceiling
  EXPECT_LT(Accuracy(linear->PredictAll(test_x), test_y), 0.65);
  ASSERT_TRUE(trees->tuning().has_value());
  EXPECT_TRUE(trees->tuning()->tuned);
  EXPECT_GT(trees->tuning()->rounds, 1);
  EXPECT_LT(trees->tuning()->rounds, XgboostOptions{}.max_rounds);  // early stopping stopped it
  for (double p : trees->PredictAll(test_x)) {
    EXPECT_GE(p, 0);
    EXPECT_LE(p, 1);
  }
}

TEST(XgboostClassifier, SameSeedSameModelAndOneRowAsInABatch) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  SameSign(400, 3, x, y);
  StatusOr<XgboostClassifier> a = XgboostClassifier::Fit(x, y), b = XgboostClassifier::Fit(x, y);
  ASSERT_TRUE(a.ok() && b.ok());
  const std::vector<double> all = a->PredictAll(x);
  EXPECT_EQ(all, b->PredictAll(x));
  EXPECT_EQ(a->Predict(x[7]), all[7]);
}

TEST(XgboostClassifier, SerializedBytesPredictTheSame) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  SameSign(500, 4, x, y);
  StatusOr<XgboostClassifier> fitted = XgboostClassifier::Fit(x, y);
  ASSERT_TRUE(fitted.ok());
  StatusOr<std::string> bytes = fitted->Serialize();
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  StatusOr<XgboostClassifier> loaded = XgboostClassifier::Deserialize(*bytes);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->width(), 3);
  EXPECT_EQ(loaded->PredictAll(x), fitted->PredictAll(x));
  EXPECT_EQ(XgboostClassifier::Deserialize("not a model").status().code(),
            StatusCode::kInvalidArgument);
}

TEST(XgboostClassifier, BadExamplesAreClearErrors) {
  EXPECT_EQ(XgboostClassifier::Fit({}, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(XgboostClassifier::Fit({{1.0}, {2.0, 3.0}}, {0, 1}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(XgboostClassifier::Fit({{1.0}, {NAN}}, {0, 1}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(XgboostClassifier::Fit({{1.0}, {2.0}}, {1, 1}).status().code(),
            StatusCode::kFailedPrecondition);
}

// A single returning guest cannot be held out for tuning: fixed defaults,
// and still probabilities.
TEST(XgboostClassifier, TooFewToTuneFallsBackToDefaults) {
  std::vector<std::vector<double>> x = {{0.0}, {1.0}, {2.0}, {3.0}, {4.0}};
  std::vector<double> y = {0, 0, 0, 0, 1};
  StatusOr<XgboostClassifier> fitted = XgboostClassifier::Fit(x, y);
  ASSERT_TRUE(fitted.ok()) << fitted.status().ToString();
  EXPECT_FALSE(fitted->tuning()->tuned);
  for (double p : fitted->PredictAll(x)) {
    EXPECT_TRUE(std::isfinite(p));
    EXPECT_GE(p, 0);
    EXPECT_LE(p, 1);
  }
}

}  // namespace
}  // namespace sobremesa
