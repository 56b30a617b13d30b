#include "models/behaviour/return_classifier.h"

#include <gtest/gtest.h>

#include <random>

namespace sobremesa {
namespace {

TEST(ReturnClassifier, EveryKindSurvivesItsBytes) {
  std::mt19937 rng(5);
  std::normal_distribution<double> normal;
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 300; ++i) {
    double a = normal(rng), b = normal(rng);
    x.push_back({a, b});
    y.push_back(a + 0.5 * b + normal(rng) > 0 ? 1 : 0);
  }
  for (ReturnClassifierKind kind : kReturnClassifierKinds) {
    SCOPED_TRACE(std::string(ReturnClassifierName(kind)));
    EXPECT_EQ(ParseReturnClassifierKind(ReturnClassifierName(kind)), kind);
    StatusOr<ReturnClassifier> fitted = ReturnClassifier::Fit(kind, x, y);
    ASSERT_TRUE(fitted.ok()) << fitted.status().ToString();
    EXPECT_EQ(fitted->kind(), kind);
    StatusOr<std::string> bytes = fitted->Serialize();
    ASSERT_TRUE(bytes.ok());
    StatusOr<ReturnClassifier> loaded = ReturnClassifier::Deserialize(kind, *bytes);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    EXPECT_EQ(loaded->kind(), kind);
    const std::vector<double> before = fitted->PredictAll(x), after = loaded->PredictAll(x);
    for (size_t i = 0; i < x.size(); ++i) EXPECT_NEAR(after[i], before[i], 1e-12);
    EXPECT_EQ(ReturnClassifier::Deserialize(kind, "{\"means\": [1]}").status().code(),
              StatusCode::kInvalidArgument);
  }
  EXPECT_FALSE(ParseReturnClassifierKind("forest").has_value());
}

}  // namespace
}  // namespace sobremesa
