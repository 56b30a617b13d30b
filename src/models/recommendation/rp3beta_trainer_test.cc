#include "models/recommendation/rp3beta_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa::recommendation {
namespace {

// Users: {0,1}, {0,2}, {0,1,2}, {3}. Item popularity: 0→3, 1→2, 2→2, 3→1.
InteractionData Tiny() { return {4, 4, {{0, 1}, {0, 2}, {0, 1, 2}, {3}}}; }

// Ratios of weights, because the model's scale (GramMatrix rescales user
// weights by a constant) does not change any ranking.
TEST(Rp3betaTrainerTest, WeightsFollowTheWalkAndThePopularityPenalty) {
  StatusOr<ItemToItemModel> model =
      TrainRp3beta(Tiny(), {.alpha = 1, .beta = 0.5, .neighbours = 4});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  // w(i, j) ∝ pop(i)^-α · pop(j)^-β · Σ_{u ∋ i, j} |I_u|^-α.
  // (1,0) against (0,1): same users, so (pop1^-1 · pop0^-½) / (pop0^-1 · pop1^-½)
  // = √3 / √2: the popular item 0 is the less likely end of the walk.
  EXPECT_NEAR(model->weight(1, 0) / model->weight(0, 1), std::sqrt(3.0 / 2.0), 1e-5);
  // (1,2) through user {0,1,2} only (1/3) against (0,1) through users {0,1}
  // and {0,1,2} (1/2 + 1/3): (½ · 2^-½ · ⅓) / (⅓ · 2^-½ · ⅚) = 0.6.
  EXPECT_NEAR(model->weight(1, 2) / model->weight(0, 1), 0.6, 1e-5);
  EXPECT_FLOAT_EQ(model->weight(0, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(3, 0), 0);
}

TEST(Rp3betaTrainerTest, KeepsTheLargestWeightsOfEachHistoryItem) {
  StatusOr<ItemToItemModel> model =
      TrainRp3beta(Tiny(), {.alpha = 1, .beta = 0.5, .neighbours = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  // From item 1: to 0 weighs ½·3^-½·⅚ = 0.24, to 2 weighs ½·2^-½·⅓ = 0.12.
  EXPECT_GT(model->weight(1, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(1, 2), 0);
}

TEST(Rp3betaTrainerTest, ItemNobodyTouchedHasNoWeights) {
  InteractionData data = Tiny();
  data.num_items = 5;  // item 4: no interactions; 0^-α must not give NaN
  StatusOr<ItemToItemModel> model =
      TrainRp3beta(data, {.alpha = 1, .beta = 0.5, .neighbours = 5});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (int32_t i = 0; i < 5; ++i) {
    EXPECT_FLOAT_EQ(model->weight(4, i), 0) << i;
    EXPECT_FLOAT_EQ(model->weight(i, 4), 0) << i;
  }
  EXPECT_GT(model->weight(0, 1), 0);
}

TEST(Rp3betaTrainerTest, RejectsBadOptions) {
  EXPECT_FALSE(TrainRp3beta(Tiny(), {.alpha = -1}).ok());
  EXPECT_FALSE(TrainRp3beta(Tiny(), {.beta = -0.1}).ok());
  EXPECT_FALSE(TrainRp3beta(Tiny(), {.neighbours = 0}).ok());
  EXPECT_FALSE(TrainRp3beta({2, 2, {{0, 5}, {}}}, {}).ok());
}

}  // namespace
}  // namespace sobremesa::recommendation
