#include "evaluation/recommendation/movielens_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sobremesa::recommendation {
namespace {

std::string WriteTemp(const std::string& name, const std::string& text) {
  const std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << text;
  return path;
}

TEST(MovielensLoaderTest, ReadsRatingsWithTabsAndCarriageReturns) {
  const std::string path = WriteTemp("sobremesa_ok.base", "1\t2\t5\t881250949\r\n7\t3\t1\t1\n");
  StatusOr<std::vector<RatingRecord>> records = LoadMovielensRatings(path);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 2u);
  EXPECT_EQ((*records)[0].item, 2);
  EXPECT_EQ((*records)[0].value, 5);
  EXPECT_EQ((*records)[1].timestamp, 1);
}

TEST(MovielensLoaderTest, BadRatingNamesFileAndLine) {
  const std::string path = WriteTemp("sobremesa_bad.base", "1\t2\t5\t1\n1\t3\tfive\t2\n");
  const Status s = LoadMovielensRatings(path).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find(path + ":2:"), std::string::npos) << s.message();
  EXPECT_NE(s.message().find("five"), std::string::npos) << s.message();
}

TEST(MovielensLoaderTest, RatingOutOfRangeIsRejected) {
  const std::string path = WriteTemp("sobremesa_range.base", "1\t2\t6\t1\n");
  EXPECT_NE(LoadMovielensRatings(path).status().message().find(":1: rating outside"),
            std::string::npos);
}

TEST(MovielensLoaderTest, MissingFileIsNotFound) {
  EXPECT_TRUE(LoadMovielensRatings("/nonexistent/u1.base").status().IsNotFound());
}

TEST(MovielensLoaderTest, ReadsHeldOutCasesWithNegatives) {
  const std::string path = WriteTemp("sobremesa.negative", "(0,25)\t1064\t174\n(1,133)\t7\n");
  StatusOr<std::vector<HeldOutCase>> cases = LoadHeldOutCases(path);
  ASSERT_TRUE(cases.ok()) << cases.status().ToString();
  ASSERT_EQ(cases->size(), 2u);
  EXPECT_EQ((*cases)[0].item, 25);
  EXPECT_EQ((*cases)[0].negatives, (std::vector<int32_t>{1064, 174}));
  EXPECT_EQ((*cases)[1].user, 1);
}

TEST(MovielensLoaderTest, HeldOutCaseWithoutNegativesNamesLine) {
  const std::string path = WriteTemp("sobremesa_short.negative", "(0,25)\t1\n(1,133)\n");
  EXPECT_NE(LoadHeldOutCases(path).status().message().find(path + ":2:"), std::string::npos);
}

TEST(MovielensLoaderTest, NegativeIdInPairsIsRejected) {
  const std::string path = WriteTemp("sobremesa_pairs.tsv", "0\t1\n0\t-4\n");
  const Status s = LoadUserItemPairs(path).status();
  EXPECT_NE(s.message().find(path + ":2: negative id"), std::string::npos) << s.message();
}

}  // namespace
}  // namespace sobremesa::recommendation
