#include "evaluation/recommendation/softmax_blend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace sobremesa::recommendation {
namespace {

constexpr size_t kCandidates = 10;

// Cases of kCandidates rows, the held-out item first, each row
// {signal, noise, signal × context}: in a case of context +1 the held-out
// item has the highest signal, in a case of context −1 the lowest. Signal
// alone therefore ranks half the cases backwards; only its product with the
// context ranks them all.
RankingFeatures ContextCases(size_t cases, uint64_t seed) {
  std::mt19937_64 random(seed);
  std::normal_distribution<float> normal;
  RankingFeatures f{.width = 3, .case_starts = {0}, .values = {}};
  for (size_t c = 0; c < cases; ++c) {
    const float context = c % 2 == 0 ? 1.0f : -1.0f;
    for (size_t r = 0; r < kCandidates; ++r) {
      float signal = normal(random);
      if (r == 0) signal = context * (2.0f + std::abs(normal(random)));
      f.values.insert(f.values.end(), {signal, normal(random), signal * context});
    }
    f.case_starts.push_back(f.case_starts.back() + kCandidates);
  }
  return f;
}

// Share of cases whose held-out item (row 0) outscores every other row.
double TopShare(const RankingFeatures& f, const std::vector<float>& scores) {
  size_t top = 0;
  for (size_t c = 0; c + 1 < f.case_starts.size(); ++c) {
    bool first = true;
    for (size_t r = f.case_starts[c] + 1; r < f.case_starts[c + 1]; ++r) {
      first = first && scores[r] < scores[f.case_starts[c]];
    }
    top += first;
  }
  return static_cast<double>(top) / (f.case_starts.size() - 1);
}

TEST(SoftmaxBlendTest, LearnsTheInteractionThatRanksTheHeldOutItems) {
  const RankingFeatures train = ContextCases(400, 1);
  const StatusOr<std::vector<double>> fitted = FitSoftmaxBlend(train, {.l2 = 1e-3});
  ASSERT_TRUE(fitted.ok()) << fitted.status().ToString();
  const std::vector<double>& w = *fitted;
  ASSERT_EQ(w.size(), 3u);
  // The product carries the signal; signal alone and noise carry none.
  EXPECT_GT(w[2], 1.0);
  EXPECT_LT(std::abs(w[0]), 0.25 * w[2]);
  EXPECT_LT(std::abs(w[1]), 0.25 * w[2]);
  // And it carries over to cases it was not fitted on.
  const RankingFeatures test = ContextCases(400, 2);
  const StatusOr<std::vector<float>> scores = ScoreSoftmaxBlend(test, w);
  ASSERT_TRUE(scores.ok());
  EXPECT_GT(TopShare(test, *scores), 0.85);
  // Signal alone ranks the held-out item first in at most the +1 cases.
  const StatusOr<std::vector<float>> signal_only =
      ScoreSoftmaxBlend(test, std::vector<double>{1, 0, 0});
  ASSERT_TRUE(signal_only.ok());
  EXPECT_LT(TopShare(test, *signal_only), 0.55);
}

TEST(SoftmaxBlendTest, ALargerPenaltyShrinksTheWeights) {
  const RankingFeatures train = ContextCases(200, 3);
  const StatusOr<std::vector<double>> loose = FitSoftmaxBlend(train, {.l2 = 1e-4});
  const StatusOr<std::vector<double>> tight = FitSoftmaxBlend(train, {.l2 = 1.0});
  ASSERT_TRUE(loose.ok() && tight.ok());
  EXPECT_LT(std::abs((*tight)[2]), 0.5 * std::abs((*loose)[2]));
  EXPECT_GT((*tight)[2], 0);
}

TEST(SoftmaxBlendTest, MalformedFeaturesAreRejectedWithTheProblemNamed) {
  RankingFeatures f = ContextCases(2, 4);
  RankingFeatures no_width = f;
  no_width.width = 0;
  EXPECT_NE(FitSoftmaxBlend(no_width, {}).status().message().find("width is 0"),
            std::string::npos);
  RankingFeatures short_case = f;
  short_case.case_starts = {0, 1, short_case.values.size() / 3};
  EXPECT_NE(FitSoftmaxBlend(short_case, {}).status().message().find("fewer than two"),
            std::string::npos);
  RankingFeatures wrong_end = f;
  wrong_end.case_starts.back() += 1;
  EXPECT_NE(FitSoftmaxBlend(wrong_end, {}).status().message().find("case starts"),
            std::string::npos);
  RankingFeatures not_finite = f;
  not_finite.values[4] = std::numeric_limits<float>::quiet_NaN();
  EXPECT_NE(FitSoftmaxBlend(not_finite, {}).status().message().find("not finite"),
            std::string::npos);
  EXPECT_FALSE(FitSoftmaxBlend(f, {.l2 = -1}).ok());
  EXPECT_NE(ScoreSoftmaxBlend(f, std::vector<double>{1, 2}).status().message().find("2 weights"),
            std::string::npos);
}

}  // namespace
}  // namespace sobremesa::recommendation
