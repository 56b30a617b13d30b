#include "selection/recommendation/ranking_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(RankingMetricsTest, PessimisticRankCountsTiesAgainstTheTarget) {
  const std::vector<float> others = {0.9f, 0.5f, 0.5f, 0.1f};
  EXPECT_EQ(PessimisticRank(1.0f, others), 0);
  EXPECT_EQ(PessimisticRank(0.5f, others), 3);
  EXPECT_EQ(PessimisticRank(0.0f, others), 4);
  // A constant scorer ranks the target last, not first.
  EXPECT_EQ(PessimisticRank(0.0f, std::vector<float>(99, 0.0f)), 99);
}

TEST(RankingMetricsTest, SingleRelevantHitAndNdcgByHand) {
  EXPECT_EQ(HitAtK(0, 10), 1);
  EXPECT_EQ(HitAtK(9, 10), 1);
  EXPECT_EQ(HitAtK(10, 10), 0);
  EXPECT_DOUBLE_EQ(NdcgAtK(0, 10), 1.0);
  EXPECT_DOUBLE_EQ(NdcgAtK(2, 10), 0.5);  // 1/log2(4)
  EXPECT_NEAR(NdcgAtK(9, 10), 1 / std::log2(11.0), 1e-12);
  EXPECT_EQ(NdcgAtK(10, 10), 0);
}

TEST(RankingMetricsTest, RecallDividesByTheSmallerOfKAndRelevant) {
  const std::vector<int32_t> ranked = {5, 1, 7, 3};
  const std::vector<int32_t> relevant = {1, 3, 9};
  EXPECT_DOUBLE_EQ(RecallAtK(ranked, relevant, 2), 0.5);      // 1 of min(2,3)
  EXPECT_DOUBLE_EQ(RecallAtK(ranked, relevant, 4), 2.0 / 3);  // 2 of 3
  EXPECT_DOUBLE_EQ(RecallAtK(ranked, std::vector<int32_t>{}, 4), 0);
}

TEST(RankingMetricsTest, MultiRelevantNdcgByHand) {
  // Hits at ranks 1 and 3: DCG = 1/log2(3) + 1/log2(5); ideal = 1 + 1/log2(3).
  const std::vector<int32_t> ranked = {5, 1, 7, 3};
  const std::vector<int32_t> relevant = {1, 3};
  const double expected = (1 / std::log2(3.0) + 1 / std::log2(5.0)) / (1 + 1 / std::log2(3.0));
  EXPECT_NEAR(NdcgAtK(ranked, relevant, 10), expected, 1e-12);
  EXPECT_DOUBLE_EQ(NdcgAtK(std::vector<int32_t>{1, 3}, relevant, 10), 1.0);
}

TEST(RankingMetricsTest, GradedNdcgByHand) {
  // Gains 3 (item 2) and 1 (item 0); ranked 0, 1, 2: DCG = 1 + 3/log2(4);
  // ideal = 3 + 1/log2(3). Cut at k = 2 the 3 falls off the list.
  const std::vector<double> gains = {1, 0, 3, 0};
  const std::vector<int32_t> ranked = {0, 1, 2, 3};
  EXPECT_NEAR(GradedNdcgAtK(ranked, gains, 5), (1 + 3 / 2.0) / (3 + 1 / std::log2(3.0)), 1e-12);
  EXPECT_NEAR(GradedNdcgAtK(ranked, gains, 2), 1 / (3 + 1 / std::log2(3.0)), 1e-12);
  EXPECT_DOUBLE_EQ(GradedNdcgAtK(std::vector<int32_t>{2, 0}, gains, 2), 1.0);
  EXPECT_DOUBLE_EQ(GradedNdcgAtK(ranked, std::vector<double>(4, 0), 5), 0);
}

TEST(RankingMetricsTest, CoverageCountsDistinctItemsOverTheCatalogue) {
  EXPECT_DOUBLE_EQ(CatalogueCoverage({{0, 1}, {1, 2}, {2}}, 10), 0.3);
  EXPECT_DOUBLE_EQ(CatalogueCoverage({}, 10), 0);
}

}  // namespace
}  // namespace sobremesa::recommendation
