#include "models/recommendation/item_knn_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa::recommendation {
namespace {

// Users: {0,1}, {0,2}, {0,1,2}, {3}. Item users: 0→3, 1→2, 2→2, 3→1.
// Co-occurrence: (0,1)=2, (0,2)=2, (1,2)=1, 3 with none.
InteractionData Tiny() { return {4, 4, {{0, 1}, {0, 2}, {0, 1, 2}, {3}}}; }

TEST(ItemKnnTrainerTest, SimilarityIsShrunkCosine) {
  StatusOr<ItemToItemModel> model = TrainItemKnn(Tiny(), {.neighbours = 3, .shrink = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 2 / (std::sqrt(3.0 * 2.0) + 1), 1e-5);
  EXPECT_NEAR(model->weight(1, 2), 1 / (std::sqrt(2.0 * 2.0) + 1), 1e-5);
  EXPECT_FLOAT_EQ(model->weight(0, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(3, 0), 0);
}

TEST(ItemKnnTrainerTest, KeepsOnlyTheNearestNeighboursOfEachTarget) {
  StatusOr<ItemToItemModel> model = TrainItemKnn(Tiny(), {.neighbours = 1, .shrink = 0});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  // Target 1's nearest is item 0 (2/sqrt(6) = 0.82 > 1/2); item 2 is dropped.
  EXPECT_GT(model->weight(0, 1), 0);
  EXPECT_FLOAT_EQ(model->weight(2, 1), 0);
}

TEST(ItemKnnTrainerTest, ItemNobodyTouchedHasNoNeighboursEvenWithoutShrinkage) {
  InteractionData data = Tiny();
  data.num_items = 5;  // item 4: no interactions
  StatusOr<ItemToItemModel> model = TrainItemKnn(data, {.neighbours = 3, .shrink = 0});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (int32_t i = 0; i < 5; ++i) {
    EXPECT_FLOAT_EQ(model->weight(4, i), 0) << i;
    EXPECT_FLOAT_EQ(model->weight(i, 4), 0) << i;
  }
  EXPECT_NEAR(model->weight(0, 1), 2 / std::sqrt(3.0 * 2.0), 1e-5);
}

TEST(ItemKnnTrainerTest, RejectsOutOfRangeItem) {
  InteractionData bad = Tiny();
  bad.items_by_user[1].push_back(7);
  StatusOr<ItemToItemModel> model = TrainItemKnn(bad, {});
  EXPECT_EQ(model.status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
