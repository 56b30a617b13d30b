#include "models/behaviour/mlp_classifier.h"

#include <gtest/gtest.h>

#include <random>

#include "models/behaviour/logistic_regression.h"

namespace sobremesa {
namespace {

// Label = the two features have the same sign: an interaction no linear
// model can express.
void SameSign(int n, unsigned seed, std::vector<std::vector<double>>& x, std::vector<double>& y) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  for (int i = 0; i < n; ++i) {
    double a = normal(rng), b = normal(rng);
    x.push_back({a, b});
    y.push_back((a > 0) == (b > 0) ? 1 : 0);
  }
}

double Accuracy(const std::vector<double>& p, const std::vector<double>& y) {
  double right = 0;
  for (size_t i = 0; i < p.size(); ++i) right += (p[i] > 0.5) == (y[i] == 1);
  return right / p.size();
}

TEST(MlpClassifier, LearnsAnInteractionLogisticRegressionCannot) {
  std::vector<std::vector<double>> x, test_x;
  std::vector<double> y, test_y;
  SameSign(2000, 1, x, y);
  SameSign(1000, 2, test_x, test_y);
  StatusOr<MlpClassifier> mlp = MlpClassifier::Fit(x, y);
  StatusOr<LogisticRegression> linear = LogisticRegression::Fit(x, y);
  ASSERT_TRUE(mlp.ok() && linear.ok()) << mlp.status().ToString();
  const double mlp_accuracy = Accuracy(mlp->PredictAll(test_x), test_y);
  const double linear_accuracy = Accuracy(linear->PredictAll(test_x), test_y);
  EXPECT_GT(mlp_accuracy, 0.9);
  EXPECT_LT(linear_accuracy, 0.65);
  for (double p : mlp->PredictAll(test_x)) {
    EXPECT_GE(p, 0);
    EXPECT_LE(p, 1);
  }
}

TEST(MlpClassifier, SameSeedSameModel) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  SameSign(300, 3, x, y);
  StatusOr<MlpClassifier> a = MlpClassifier::Fit(x, y), b = MlpClassifier::Fit(x, y);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->PredictAll(x), b->PredictAll(x));
}

TEST(MlpClassifier, BadExamplesAreClearErrors) {
  EXPECT_EQ(MlpClassifier::Fit({}, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(MlpClassifier::Fit({{1.0}, {2.0, 3.0}}, {0, 1}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(MlpClassifier::Fit({{1.0}, {std::nan("")}}, {0, 1}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(MlpClassifier::Fit({{1.0}, {2.0}}, {1, 1}).status().code(),
            StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
