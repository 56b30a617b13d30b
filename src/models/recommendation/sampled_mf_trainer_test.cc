#include "models/recommendation/sampled_mf_trainer.h"

#include <gtest/gtest.h>

#include <vector>

namespace sobremesa::recommendation {
namespace {

// Two tastes of five items each (0–4, 5–9); users 0–9 have taste 0, users
// 10–19 taste 1, and each user has four of their taste's five items: user u
// lacks item u % 5 of it, which the rest of their taste has.
InteractionData TwoTastes() {
  InteractionData data{20, 10, {}};
  for (int32_t u = 0; u < 20; ++u) {
    const int32_t base = u < 10 ? 0 : 5;
    std::vector<int32_t> items;
    for (int32_t k = 0; k < 5; ++k) {
      if (k != u % 5) items.push_back(base + k);
    }
    data.items_by_user.push_back(items);
  }
  return data;
}

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

TEST(SampledMfTrainerTest, RejectsOptionsOutOfRange) {
  const InteractionData data = TwoTastes();
  EXPECT_FALSE(TrainSampledMf(data, {.negatives = 0}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.learning_rate = 0}).ok());
  EXPECT_FALSE(TrainSampledMf(data, {.l2 = -1}).ok());
}

}  // namespace
}  // namespace sobremesa::recommendation
