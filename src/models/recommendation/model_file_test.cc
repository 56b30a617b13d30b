#include "models/recommendation/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "models/recommendation/biased_mf_model.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("sobremesa_" + name)).string();
}

BiasedMfModel SmallMf() {
  return BiasedMfModel(2, 3, 2, 3.5f, {0.1f, -0.2f}, {0.3f, 0.0f, -0.4f}, {1, 0, 0, 1},
                       {0.5f, 0.5f, -1, 0, 0, 2});
}

TEST(ModelFileTest, BiasedMfRoundTripsAndPredictsTheSame) {
  const std::string path = TempPath("mf_roundtrip.pt");
  const BiasedMfModel model = SmallMf();
  ASSERT_TRUE(model.Save(path).ok());
  StatusOr<BiasedMfModel> loaded = BiasedMfModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  for (int32_t u = 0; u < 2; ++u) {
    for (int32_t i = 0; i < 3; ++i) {
      EXPECT_FLOAT_EQ(loaded->Predict(u, i, 1, 5), model.Predict(u, i, 1, 5));
    }
  }
  // 3.5 + 0.1 + 0.3 + <(1,0),(0.5,0.5)> = 4.4
  EXPECT_FLOAT_EQ(model.Predict(0, 0, 1, 5), 4.4f);
  std::remove(path.c_str());
}

TEST(ModelFileTest, UnknownUserFallsBackToMeanPlusItemBias) {
  EXPECT_FLOAT_EQ(SmallMf().Predict(99, 0, 1, 5), 3.8f);
}

TEST(ModelFileTest, ItemToItemRoundTrips) {
  const std::string path = TempPath("i2i_roundtrip.pt");
  ASSERT_TRUE(ItemToItemModel(2, {0, 1, 2, 0}).Save(path).ok());
  StatusOr<ItemToItemModel> loaded = ItemToItemModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FLOAT_EQ(loaded->weight(1, 0), 2);
  std::remove(path.c_str());
}

TEST(ModelFileTest, MissingFileIsNotFound) {
  StatusOr<ItemToItemModel> loaded = ItemToItemModel::Load(TempPath("does_not_exist.pt"));
  ASSERT_FALSE(loaded.ok());
  EXPECT_TRUE(loaded.status().IsNotFound()) << loaded.status().ToString();
}

TEST(ModelFileTest, TruncatedFileIsInvalidArgument) {
  const std::string path = TempPath("truncated.pt");
  ASSERT_TRUE(SmallMf().Save(path).ok());
  std::filesystem::resize_file(path, std::filesystem::file_size(path) - 5);
  StatusOr<BiasedMfModel> loaded = BiasedMfModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(loaded.status().message().find(path), std::string::npos);
  std::remove(path.c_str());
}

TEST(ModelFileTest, ForeignBytesAreRejectedByMagicNumber) {
  const std::string path = TempPath("foreign.pt");
  std::ofstream(path) << "PK\x03\x04 this is some zip file";
  StatusOr<BiasedMfModel> loaded = BiasedMfModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("magic"), std::string::npos);
  std::remove(path.c_str());
}

TEST(ModelFileTest, OtherModelKindIsRejected) {
  const std::string path = TempPath("kind.pt");
  ASSERT_TRUE(ItemToItemModel(1, {0}).Save(path).ok());
  StatusOr<BiasedMfModel> loaded = BiasedMfModel::Load(path);
  ASSERT_FALSE(loaded.ok());
  EXPECT_NE(loaded.status().message().find("kind"), std::string::npos);
  std::remove(path.c_str());
}

TEST(ModelFileTest, ArraySizesThatDisagreeWithShapeAreRejected) {
  const std::string path = TempPath("shape.pt");
  ASSERT_TRUE(
      WriteModelFile(path, {.kind = ModelKind::kItemToItem, .shape = {3}, .arrays = {{1, 2}}})
          .ok());
  EXPECT_EQ(ItemToItemModel::Load(path).status().code(), StatusCode::kInvalidArgument);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace sobremesa::recommendation
