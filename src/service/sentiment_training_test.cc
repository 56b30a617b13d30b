#include "service/sentiment_training.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace sobremesa {
namespace {

class SentimentTrainingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "sentiment_training_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(SentimentTrainingTest, AMissingOrEmptyFolderIsNamed) {
  auto missing = TrainSentimentModels({dir_ + "/nowhere"}, dir_ + "/models");
  EXPECT_TRUE(missing.status().IsNotFound());
  EXPECT_NE(missing.status().message().find(dir_ + "/nowhere"), std::string::npos);
  std::ofstream(dir_ + "/restaurants_trial.xml")
      << "<Reviews/>";  // trial files are not training files
  auto trial_only = TrainSentimentModels({dir_}, dir_ + "/models");
  EXPECT_TRUE(trial_only.status().IsNotFound());
  EXPECT_NE(trial_only.status().message().find("--semeval"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/models/sentiment_analysis_model.es.pt"));
}

TEST_F(SentimentTrainingTest, AMalformedFileIsNamedWithItsLine) {
  std::ofstream(dir_ + "/restaurants_train.xml") << "<sentences>\n<sentence id=\"1\">\n<text>x";
  auto bad = TrainSentimentModels({dir_}, dir_ + "/models");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("restaurants_train.xml:"), std::string::npos)
      << bad.status().message();
}

}  // namespace
}  // namespace sobremesa
