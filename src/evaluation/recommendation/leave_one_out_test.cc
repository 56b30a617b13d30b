#include "evaluation/recommendation/leave_one_out.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace sobremesa::recommendation {
namespace {

TEST(LeaveOneOutTest, ScoresAveragedOverCases) {
  // Case 0: the target scores above both negatives (rank 0); case 1: one
  // negative ties it (rank 1, counted pessimistically).
  const std::vector<HeldOutCase> cases = {{0, 10, {11, 12}}, {1, 10, {11, 12}}};
  const ItemScorer score = [](int32_t user, int32_t item) -> float {
    if (item == 10) return 1;
    return user == 1 && item == 11 ? 1.0f : 0.0f;
  };
  const LeaveOneOutScores s = ScoreLeaveOneOut(cases, score);
  EXPECT_DOUBLE_EQ(s.hit_rate_at_10, 1.0);
  EXPECT_NEAR(s.ndcg_at_10, (1.0 + 1 / std::log2(3.0)) / 2, 1e-12);
}

TEST(LeaveOneOutTest, NaNScoresNeverWin) {
  const std::vector<HeldOutCase> cases = {{0, 10, {11, 12}}, {1, 10, {11, 12}}};
  const float nan = std::nanf("");
  // User 0: the target scores NaN and ranks last (rank 2 of 3); user 1: a
  // negative scores NaN and ranks above the target (rank 1). Compared as
  // plain floats, both targets would rank first.
  const ItemScorer score = [&](int32_t user, int32_t item) -> float {
    if (user == 0) return item == 10 ? nan : 0.0f;
    return item == 11 ? nan : (item == 10 ? 1.0f : 0.0f);
  };
  const LeaveOneOutScores s = ScoreLeaveOneOut(cases, score);
  EXPECT_NEAR(s.ndcg_at_10, (1 / std::log2(4.0) + 1 / std::log2(3.0)) / 2, 1e-12);
}

TEST(LeaveOneOutTest, CandidateScoresListEachTargetThenItsNegatives) {
  const std::vector<HeldOutCase> cases = {{0, 10, {11, 12}}, {1, 10, {11, 12}}};
  const ItemScorer score = [](int32_t user, int32_t item) -> float {
    return static_cast<float>(100 * user + item);
  };
  const std::vector<float> scores = ScoreCandidates(cases, score);
  EXPECT_EQ(scores, (std::vector<float>{10, 11, 12, 110, 111, 112}));
  // Every target scores below its negatives: rank 2 of 3 for both.
  const LeaveOneOutScores s = ScoreLeaveOneOut(cases, scores);
  EXPECT_NEAR(s.ndcg_at_10, 1 / std::log2(4.0), 1e-12);
  // The ranks come from the scores given, not from the cases: negated, both
  // targets rank first.
  std::vector<float> reversed = scores;
  for (float& v : reversed) v = -v;
  EXPECT_DOUBLE_EQ(ScoreLeaveOneOut(cases, reversed).ndcg_at_10, 1.0);
}

TEST(LeaveOneOutTest, RanksOfEachCaseCountTiesAgainstTheTarget) {
  const std::vector<HeldOutCase> cases = {{0, 10, {11, 12, 13}}, {1, 10, {11, 12, 13}}};
  // Case 0: one negative above, one tied: rank 2. Case 1: all below: rank 0.
  const std::vector<float> scores = {0.5f, 0.9f, 0.5f, 0.1f, 3, 2, 1, 0};
  EXPECT_EQ(RanksOf(cases, scores), (std::vector<int32_t>{2, 0}));
  // ScoreLeaveOneOut averages the metrics of exactly these ranks.
  EXPECT_NEAR(ScoreLeaveOneOut(cases, scores).ndcg_at_10, (1 / std::log2(4.0) + 1) / 2, 1e-12);
}

TEST(LeaveOneOutTest, HoldOutTakesOneSeenItemAndUnseenNegatives) {
  InteractionData data{3, 20, {{0, 1, 2, 3}, {4}, {5, 6}}};
  const std::vector<HeldOutCase> cases = HoldOutOnePerUser(data, 5, 1);
  ASSERT_EQ(cases.size(), 2u);  // user 1 has a single item and is skipped
  EXPECT_EQ(data.items_by_user[0].size(), 3u);
  EXPECT_EQ(data.items_by_user[1].size(), 1u);
  const HeldOutCase& c = cases[0];
  EXPECT_LE(c.item, 3);
  EXPECT_EQ(std::count(data.items_by_user[0].begin(), data.items_by_user[0].end(), c.item), 0);
  ASSERT_EQ(c.negatives.size(), 5u);
  for (int32_t n : c.negatives) EXPECT_GT(n, 3) << "negative " << n << " was in the history";
}

}  // namespace
}  // namespace sobremesa::recommendation
