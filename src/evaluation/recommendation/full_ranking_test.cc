#include "evaluation/recommendation/full_ranking.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// Scores item i as i: the highest ids rank first.
void ScoreById(int32_t, std::span<float> scores) {
  for (size_t i = 0; i < scores.size(); ++i) scores[i] = static_cast<float>(i);
}

TEST(FullRankingTest, SeenItemsAreNeverRankedAndMetricsMatchByHand) {
  // 30 items. User 0 saw 29 and 28, so their list is 27, 26, ..., 8; held out
  // 27 (rank 0) and 5 (outside the top 20). User 1 has nothing held out.
  const InteractionData train{2, 30, {{29, 28}, {0}}};
  const std::vector<std::vector<int32_t>> held_out = {{27, 5}, {}};
  const FullRankingScores s = ScoreFullRanking(train, held_out, ScoreById);
  EXPECT_DOUBLE_EQ(s.hit_rate_at_10, 1.0);
  EXPECT_NEAR(s.ndcg_at_10, 1.0 / (1 + 1 / std::log2(3.0)), 1e-12);  // one of two ideal hits
  EXPECT_DOUBLE_EQ(s.recall_at_20, 0.5);
  EXPECT_DOUBLE_EQ(s.coverage_at_10, 10.0 / 30);  // items 18..27
}

}  // namespace
}  // namespace sobremesa::recommendation
