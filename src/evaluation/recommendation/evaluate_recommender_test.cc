#include "evaluation/recommendation/evaluate_recommender.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sobremesa::recommendation {
namespace {

TEST(EvaluateRecommenderTest, UnknownDatasetListsTheKnownNames) {
  const Status s = EvaluateRecommender("netflix", "/tmp", {}).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("movielens-1m-ncf"), std::string::npos) << s.message();
}

TEST(EvaluateRecommenderTest, MissingDirectoryIsNotFound) {
  const Status s = EvaluateRecommender("movielens-100k", "/nonexistent/ml-100k", {}).status();
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
}

TEST(EvaluateRecommenderTest, DirectoryWithoutTheFilesNamesTheMissingFile) {
  const std::string dir = std::filesystem::temp_directory_path().string();
  const Status s = EvaluateRecommender("movielens-1m-ncf", dir, {}).status();
  EXPECT_TRUE(s.IsNotFound()) << s.ToString();
  EXPECT_NE(s.message().find("ml-1m.train.implicit.tsv"), std::string::npos) << s.message();
}

TEST(EvaluateRecommenderTest, MalformedFoldNamesFileAndLine) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "sobremesa_bad_ml100k";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "u1.base") << "1\t1\t5\t1\n1\t2\t4\n";
  const Status s = EvaluateRecommender("movielens-100k", dir.string(), {}).status();
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.message().find("u1.base:2:"), std::string::npos) << s.message();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace sobremesa::recommendation
