#include "models/recommendation/low_pass_trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(LowPassTrainerTest, MatchesTheClosedFormOnTwoItems) {
  // X = [[1,1],[1,0]], no user weighting: popularity D = (2, 1), XᵀX =
  // [[2,1],[1,1]], D^-½XᵀXD^-½ = [[1, 1/√2],[1/√2, 1]], whose top
  // eigenvector is (1,1)/√2, so V Vᵀ = ½·ones and B = D^-½ (½·ones) D^½:
  // B(0,1) = (1/√2)·½·1, B(1,0) = 1·½·√2.
  StatusOr<ItemToItemModel> model =
      TrainLowPass({2, 2, {{0, 1}, {0}}}, {.rank = 1, .user_weight_exponent = 0});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 0.5 / std::sqrt(2.0), 1e-5);
  EXPECT_NEAR(model->weight(1, 0), 0.5 * std::sqrt(2.0), 1e-5);
  EXPECT_FLOAT_EQ(model->weight(0, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(1, 1), 0);
}

TEST(LowPassTrainerTest, KeepsDisjointTastesApartAndGivesUnseenItemsZero) {
  // Items 0–2 and 3–5 are two tastes no user mixes; item 6 nobody touched.
  // The two top eigenvectors are the tastes' own, so a history of one taste
  // scores its other items above 0 and the other taste's (and item 6) at 0.
  const InteractionData data{6, 7, {{0, 1}, {1, 2}, {0, 2}, {0, 1, 2}, {3, 4}, {4, 5}}};
  StatusOr<ItemToItemModel> model = TrainLowPass(data, {.rank = 2});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const std::vector<int32_t> history = {0};
  EXPECT_GT(model->Score(history, 1), 0.1f);
  EXPECT_GT(model->Score(history, 2), 0.1f);
  for (int32_t item : {3, 4, 5, 6}) {
    EXPECT_NEAR(model->Score(history, item), 0, 1e-5) << item;
    EXPECT_FALSE(std::isnan(model->weight(6, item)));
  }
}

TEST(LowPassTrainerTest, RejectsARankOutsideTheCatalogue) {
  const InteractionData data{1, 2, {{0, 1}}};
  EXPECT_FALSE(TrainLowPass(data, {.rank = 0}).ok());
  EXPECT_FALSE(TrainLowPass(data, {.rank = 3}).ok());
}

}  // namespace
}  // namespace sobremesa::recommendation
