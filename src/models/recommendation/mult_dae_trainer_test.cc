#include "models/recommendation/mult_dae_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

#include "models/recommendation/two_tastes_test_data.h"

namespace sobremesa::recommendation {
namespace {

TEST(MultDaeTrainerTest, RanksAnUnseenItemOfTheUsersTasteAboveTheOtherTaste) {
  const InteractionData data = TwoTastes();
  StatusOr<FactorModel> model = TrainMultDae(
      data, {.hidden = 8, .epochs = 100, .batch_users = 5, .learning_rate = 0.03, .threads = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ(model->dim(), 9);  // 8 hidden units and the bias
  // User 0 never saw item 0 (own taste); users 10-19 never touch taste 0.
  for (int32_t other = 5; other < 10; ++other) {
    EXPECT_GT(model->Score(0, 0), model->Score(0, other)) << other;
    EXPECT_GT(model->Score(10, 5), model->Score(10, other - 5)) << other;
  }
}

// Every user has item 0 and user u also item 1 + u % 9, so the multinomial
// likelihood is maximised by putting half of each user's probability on
// item 0 and the other half on their own second item: softmax probabilities
// are the exponentials of the scores over their sum.
TEST(MultDaeTrainerTest, LearnsTheMultinomialProbabilitiesOfTheHistory) {
  InteractionData data{18, 10, {}};
  for (int32_t u = 0; u < 18; ++u) data.items_by_user.push_back({0, 1 + u % 9});
  StatusOr<FactorModel> model = TrainMultDae(
      data, {.hidden = 16, .epochs = 400, .batch_users = 6, .learning_rate = 0.01,
             .dropout = 0, .threads = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (int32_t u : {0, 7, 12}) {
    double total = 0;
    for (int32_t i = 0; i < 10; ++i) total += std::exp(model->Score(u, i));
    EXPECT_NEAR(std::exp(model->Score(u, 0)) / total, 0.5, 0.05) << u;
    EXPECT_NEAR(std::exp(model->Score(u, 1 + u % 9)) / total, 0.5, 0.05) << u;
  }
}

TEST(MultDaeTrainerTest, IsDeterministicForASeed) {
  const InteractionData data = TwoTastes();
  const MultDaeOptions options = {.hidden = 4, .epochs = 3, .batch_users = 7, .threads = 1};
  StatusOr<FactorModel> a = TrainMultDae(data, options);
  StatusOr<FactorModel> b = TrainMultDae(data, options);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->Score(3, 7), b->Score(3, 7));
}

TEST(MultDaeTrainerTest, RejectsOptionsOutOfRange) {
  const InteractionData data = TwoTastes();
  EXPECT_FALSE(TrainMultDae(data, {.hidden = 0}).ok());
  EXPECT_FALSE(TrainMultDae(data, {.batch_users = 0}).ok());
  EXPECT_FALSE(TrainMultDae(data, {.learning_rate = 0}).ok());
  EXPECT_FALSE(TrainMultDae(data, {.weight_decay = -1}).ok());
  EXPECT_FALSE(TrainMultDae(data, {.dropout = 1}).ok());
  EXPECT_FALSE(TrainMultDae(data, {.threads = 0}).ok());
}

}  // namespace
}  // namespace sobremesa::recommendation
