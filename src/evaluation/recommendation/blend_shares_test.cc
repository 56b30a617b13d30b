#include "evaluation/recommendation/blend_shares.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

namespace sobremesa::recommendation {
namespace {

constexpr double kTwoShares[] = {0, 1};

TEST(BlendSharesTest, HoldoutBucketsFollowTheRemainingHistoryLength) {
  InteractionData data{3, 400, {}};
  for (int32_t length : {3, 51, 201}) {
    std::vector<int32_t> items(length);
    std::iota(items.begin(), items.end(), 0);
    data.items_by_user.push_back(items);
  }
  const Holdout h = MakeHoldout(data, 5);
  ASSERT_EQ(h.validation.size(), 3u);
  // One item held out of each: 2, 50 and 200 remain.
  EXPECT_EQ(h.buckets, (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(h.tuning.items_by_user[1].size(), 50u);
}

// Two cases of one negative each; the first user's history is short, the
// second's long.
Holdout TwoCaseHoldout() {
  Holdout h;
  h.validation = {{0, 10, {11}}, {1, 10, {11}}};
  h.buckets = {0, 2};
  return h;
}

TEST(BlendSharesTest, PlusScaledWeighsEachCaseByItsBucket) {
  const Holdout h = TwoCaseHoldout();
  const CandidateScores sum = PlusScaled({1, 1, 1, 1}, {1, 2, 3, 4}, {2, 0, 5}, h);
  EXPECT_EQ(sum, (CandidateScores{3, 5, 16, 21}));
}

TEST(BlendSharesTest, TableSplitsEachHoldoutsNdcgByBucket) {
  const std::vector<Holdout> holdouts = {TwoCaseHoldout()};
  // Base: case 0 ranks its target second, case 1 first. The member (same
  // scale, so unit 1) the other way round; at share 1 both cases tie, and a
  // tie counts against the target (rank 1).
  const HoldoutScores base = {{0, 1, 1, 0}};
  const HoldoutScores member = {{1, 0, 0, 1}};
  const ShareTable table = TabulateShares(base, member, kTwoShares, holdouts);
  const double second = 1 / std::log2(3.0);
  ASSERT_EQ(table.units, (std::vector<double>{1}));
  EXPECT_NEAR(table.ndcg[0][0][0], second / 2, 1e-12);  // divided by all cases
  EXPECT_EQ(table.ndcg[0][0][1], 0);
  EXPECT_NEAR(table.ndcg[0][0][2], 0.5, 1e-12);
  EXPECT_NEAR(table.ndcg[0][1][0], second / 2, 1e-12);
  EXPECT_NEAR(table.ndcg[0][1][2], second / 2, 1e-12);
  // A holdout's buckets add up to its NDCG@10.
  EXPECT_NEAR(NdcgOf(table, 0, {0, 0, 0}), (second + 1) / 2, 1e-12);
}

// ndcg[k][s][b] for two holdouts and shares {0, 1}.
ShareTable Table(std::vector<std::vector<PerBucket>> ndcg) {
  return ShareTable{kTwoShares, {1, 1}, std::move(ndcg)};
}

TEST(BlendSharesTest, PerBucketSharesWinWhenBothHoldoutsAgree) {
  // Short histories gain from the member in both holdouts, the middle bucket
  // loses: one share (0) is worse than 1 for bucket 0 and 0 for bucket 1.
  const ShareTable table = Table({{{0.10, 0.30, 0.20}, {0.15, 0.20, 0.20}},
                                  {{0.10, 0.30, 0.20}, {0.15, 0.20, 0.20}}});
  EXPECT_EQ(ChooseShares(table, false), (ShareChoice{0, 0, 0}));
  EXPECT_EQ(ChooseShares(table, true), (ShareChoice{1, 0, 0}));
  EXPECT_NEAR(CrossHoldoutNdcg(table, false), 0.60, 1e-12);
  EXPECT_NEAR(CrossHoldoutNdcg(table, true), 0.65, 1e-12);
  const Share share = ShareOf(table, ChooseShares(table, true));
  EXPECT_EQ(share.share, (PerBucket{1, 0, 0}));
  EXPECT_NEAR(share.ndcg, 0.65, 1e-12);
}

TEST(BlendSharesTest, PerBucketSharesLoseWhenTheirPreferenceFlipsBetweenHoldouts) {
  // Bucket 0 prefers share 1 on holdout 0 and share 0 on holdout 1 (noise);
  // the other buckets prefer 0 on both. Chosen on one holdout, bucket 0's
  // share is wrong on the other; one share is not misled.
  const ShareTable table = Table({{{0.10, 0.30, 0.20}, {0.12, 0.25, 0.20}},
                                  {{0.12, 0.30, 0.20}, {0.10, 0.25, 0.20}}});
  EXPECT_EQ(ChooseShares(table, true, 1), (ShareChoice{1, 0, 0}));
  EXPECT_EQ(ChooseShares(table, true, 0), (ShareChoice{0, 0, 0}));
  EXPECT_NEAR(CrossHoldoutNdcg(table, false), 0.61, 1e-12);
  EXPECT_NEAR(CrossHoldoutNdcg(table, true), 0.60, 1e-12);
}

TEST(BlendSharesTest, LogTextsShowOneShareWhenTheBucketsAgree) {
  EXPECT_EQ(SharesText({0.75, 0.75, 0.75}), "0.75");
  EXPECT_EQ(SharesText({0.75, 0.75, 0.5}), "0.75/0.75/0.50");
  EXPECT_EQ(PerHoldoutText({0.61334, 0.6144}), "0.6133 / 0.6144");
}

}  // namespace
}  // namespace sobremesa::recommendation
