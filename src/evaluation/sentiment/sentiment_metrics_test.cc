#include "evaluation/sentiment/sentiment_metrics.h"

#include <gtest/gtest.h>

namespace sobremesa::evaluation {
namespace {

using sentiment::Polarity;

TEST(SentimentMetricsTest, AspectCategoryF1IsMicroAveragedOverSentences) {
  const struct {
    std::vector<std::vector<std::string>> gold, predicted;
    double expected;
  } cases[] = {
      {{{"A"}, {"B"}}, {{"A"}, {"B"}}, 1.0},
      {{{"A", "B"}}, {{"A"}}, 2.0 * 1 / 3},             // P 1, R 1/2
      {{{"A"}, {}}, {{"A", "A"}, {"C"}}, 2.0 * 1 / 3},  // repeats count once
      {{{"A"}}, {{}}, 0.0},
      {{}, {}, 0.0},
  };
  for (const auto& c : cases) {
    EXPECT_NEAR(AspectCategoryF1(c.gold, c.predicted), c.expected, 1e-9);
  }
}

TEST(SentimentMetricsTest, PolarityAccuracyAndMacroF1) {
  const auto p = Polarity::kPositive, n = Polarity::kNegative, u = Polarity::kNeutral;
  const PolarityScores s = ScorePolarities({p, p, n, u}, {p, n, n, p});
  EXPECT_DOUBLE_EQ(s.accuracy, 0.5);
  // F1: positive 2*1/(2+2) = 0.5, negative 2*1/(1+2) = 2/3, neutral 0.
  EXPECT_NEAR(s.macro_f1, (0.5 + 2.0 / 3 + 0.0) / 3, 1e-9);
  const PolarityScores only_positive = ScorePolarities({p}, {p});
  EXPECT_DOUBLE_EQ(only_positive.macro_f1, 1.0);  // absent classes skipped
}

}  // namespace
}  // namespace sobremesa::evaluation
