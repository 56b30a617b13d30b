#include "models/recommendation/item_to_item_model.h"

#include <gtest/gtest.h>

#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(ItemToItemModelTest, PlusScaledAddsWeightsAndScores) {
  const ItemToItemModel a(2, {0, 1, 2, 0});
  const ItemToItemModel b(2, {0, 4, 8, 0});
  StatusOr<ItemToItemModel> sum = a.PlusScaled(b, 0.5f);
  ASSERT_TRUE(sum.ok()) << sum.status().ToString();
  EXPECT_FLOAT_EQ(sum->weight(0, 1), 1 + 0.5f * 4);
  EXPECT_FLOAT_EQ(sum->weight(1, 0), 2 + 0.5f * 8);
  const std::vector<int32_t> history = {0};
  EXPECT_FLOAT_EQ(sum->Score(history, 1), a.Score(history, 1) + 0.5f * b.Score(history, 1));
  EXPECT_DOUBLE_EQ(b.MeanAbsWeight(), 3.0);
}

TEST(ItemToItemModelTest, PlusScaledRejectsAnotherCatalogue) {
  const ItemToItemModel a(2, {0, 1, 2, 0});
  const ItemToItemModel b(1, {0});
  EXPECT_EQ(a.PlusScaled(b, 1).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
