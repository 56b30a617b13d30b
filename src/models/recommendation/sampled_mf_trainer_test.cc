#include "models/recommendation/sampled_mf_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/recommendation/two_tastes_test_data.h"

namespace sobremesa::recommendation {
namespace {

TEST(SampledMfTrainerTest, RanksAnUnseenItemOfTheUsersTasteAboveTheOtherTaste) {
  const InteractionData data = TwoTastes();
  StatusOr<FactorModel> model = TrainSampledMf(
      data, {.dim = 4, .epochs = 200, .negatives = 2, .learning_rate = 0.05, .l2 = 0.001});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->dim(), 5);  // 4 factors and the bias
  // User 0 never saw item 0 (own taste); users 10-19 never touch taste 0.
  for (int32_t other = 5; other < 10; ++other) {
    EXPECT_GT(model->Score(0, 0), model->Score(0, other)) << other;
    EXPECT_GT(model->Score(10, 5), model->Score(10, other - 5)) << other;
  }
}

TEST(SampledMfTrainerTest, IsDeterministicForASeed) {
  const InteractionData data = TwoTastes();
  const SampledMfOptions options = {.dim = 3, .epochs = 5};
  StatusOr<FactorModel> a = TrainSampledMf(data, options);
  StatusOr<FactorModel> b = TrainSampledMf(data, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Score(3, 7), b->Score(3, 7));
}

// Every user has item 0 and user u also item 1 + u % 9. Per epoch item 0
// is a positive 18 times and one of the 4 × 36 negatives with probability
// 1/10 when drawn uniformly (14.4 times), 18/36 when drawn ∝ count (72
// times). Users all share it, so its score approaches the logistic optimum
// log(positives / negatives): log(18 / 14.4) = 0.22 and log(18 / 72) = −1.39.
TEST(SampledMfTrainerTest, PopularityWeightedNegativesScoreThePopularItemByItsOdds) {
  InteractionData data{18, 10, {}};
  for (int32_t u = 0; u < 18; ++u) data.items_by_user.push_back({0, 1 + u % 9});
  SampledMfOptions options = {.dim = 2, .epochs = 300, .negatives = 4, .learning_rate = 0.1};
  StatusOr<FactorModel> uniform = TrainSampledMf(data, options);
  options.negative_exponent = 1;
  StatusOr<FactorModel> popular = TrainSampledMf(data, options);
  ASSERT_TRUE(uniform.ok() && popular.ok());
  double uniform_score = 0, popular_score = 0;
  for (int32_t u = 0; u < 18; ++u) {
    uniform_score += uniform->Score(u, 0) / 18;
    popular_score += popular->Score(u, 0) / 18;
  }
  EXPECT_NEAR(uniform_score, std::log(18 / 14.4), 0.3);
  EXPECT_NEAR(popular_score, std::log(18.0 / 72), 0.3);
}

TEST(SampledMfTrainerTest, AnAverageOfModelsScoresTheMeanOfItsSeedsModels) {
  const InteractionData data = TwoTastes();
  SampledMfOptions options = {.dim = 3, .epochs = 5, .seed = 7};
  StatusOr<FactorModel> first = TrainSampledMf(data, options);
  options.seed = 8;
  StatusOr<FactorModel> second = TrainSampledMf(data, options);
  options.seed = 7;
  options.models = 2;
  for (int32_t threads : {1, 2}) {
    options.threads = threads;
    StatusOr<FactorModel> both = TrainSampledMf(data, options);
    ASSERT_TRUE(first.ok() && second.ok() && both.ok());
    EXPECT_EQ(both->dim(), 8);
    for (int32_t u : {0, 13}) {
      for (int32_t i : {2, 6}) {
        EXPECT_NEAR(both->Score(u, i), (first->Score(u, i) + second->Score(u, i)) / 2, 1e-5);
      }
    }
  }
}

TEST(SampledMfTrainerTest, RejectsOptionsOutOfRange) {
  const InteractionData data = TwoTastes();
  EXPECT_FALSE(TrainSampledMf(data, {.negatives = 0}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.learning_rate = 0}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.l2 = -1}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.negative_exponent = -0.5}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.models = 0}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.threads = 0}).ok());
}

}  // namespace
}  // namespace sobremesa::recommendation
