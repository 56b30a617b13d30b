#include "selection/behaviour/classification_metrics.h"

#include <gtest/gtest.h>

#include <random>

namespace sobremesa {
namespace {

TEST(AreaUnderRoc, TableOfSmallCases) {
  struct Case {
    std::vector<double> scores, labels;
    double auc;
  };
  for (const Case& c : {
           Case{{0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}, 1.0},  // perfect
           Case{{0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}, 0.0},  // reversed
           Case{{0.5, 0.5, 0.5, 0.5}, {0, 1, 0, 1}, 0.5},  // all tied
           Case{{0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}, 0.75},
           Case{{0.3, 0.3, 0.6, 0.3}, {0, 1, 1, 0}, 0.75},  // one tie across classes
       }) {
    StatusOr<double> auc = AreaUnderRoc(c.scores, c.labels);
    ASSERT_TRUE(auc.ok()) << auc.status().ToString();
    EXPECT_DOUBLE_EQ(*auc, c.auc) << ::testing::PrintToString(c.scores);
  }
}

TEST(AreaUnderRoc, OneClassIsUndefined) {
  StatusOr<double> auc = AreaUnderRoc({0.1, 0.2}, {1, 1});
  ASSERT_FALSE(auc.ok());
  EXPECT_EQ(auc.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(AreaUnderRoc({0.1}, {1, 0}).status().code(), StatusCode::kInvalidArgument);
}

TEST(BrierScore, MeanSquaredError) {
  StatusOr<double> brier = BrierScore({1.0, 0.0, 0.5, 0.2}, {1, 1, 0, 0});
  ASSERT_TRUE(brier.ok());
  EXPECT_DOUBLE_EQ(*brier, (0 + 1 + 0.25 + 0.04) / 4);
  EXPECT_FALSE(BrierScore({}, {}).ok());
}

TEST(ReliabilityTable, BinsByPredictionAndCountsOutcomes) {
  StatusOr<std::vector<ReliabilityBin>> table =
      ReliabilityTable({0.05, 0.15, 0.12, 0.95, 1.0}, {0, 1, 0, 1, 1}, 10);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->size(), 10u);
  EXPECT_EQ((*table)[0].count, 1);
  EXPECT_EQ((*table)[1].count, 2);
  EXPECT_DOUBLE_EQ((*table)[1].mean_predicted, 0.135);
  EXPECT_DOUBLE_EQ((*table)[1].observed_rate, 0.5);
  EXPECT_EQ((*table)[5].count, 0);
  EXPECT_EQ((*table)[9].count, 2);  // 1.0 falls in the last bin
  EXPECT_DOUBLE_EQ((*table)[9].upper, 1.0);
  EXPECT_FALSE(ReliabilityTable({0.5}, {1}, 0).ok());
}

TEST(BootstrapAucDifference, IntervalCoversTheGapBetweenAGoodAndANoisyScorer) {
  std::mt19937 rng(3);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> good, noisy, labels;
  for (int i = 0; i < 2000; ++i) {
    double y = i % 3 == 0 ? 1 : 0;
    good.push_back(y + noise(rng));
    noisy.push_back(y + 3 * noise(rng));
    labels.push_back(y);
  }
  StatusOr<AucDifference> d = BootstrapAucDifference(good, noisy, labels, 500);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT(d->low, 0);
  EXPECT_LT(d->low, d->difference);
  EXPECT_GT(d->high, d->difference);
  StatusOr<AucDifference> same = BootstrapAucDifference(good, good, labels, 100);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->low, 0);
  EXPECT_EQ(same->high, 0);
  EXPECT_FALSE(BootstrapAucDifference(good, noisy, labels, 5).ok());
}

}  // namespace
}  // namespace sobremesa
