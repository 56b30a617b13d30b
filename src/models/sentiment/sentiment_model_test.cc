#include "models/sentiment/sentiment_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace sobremesa::sentiment {
namespace {

SentimentModelConfig SmallConfig() {
  SentimentModelConfig config;
  config.features.buckets = 8;
  config.dim = 2;
  config.categories = {"FOOD#QUALITY"};
  config.category_threshold = 0.5f;
  return config;
}

// Bucket 0 points to (1, 0), bucket 1 to (0, 1). Polarity: positive scores
// hidden[0], negative hidden[1]. Category fires on hidden[0].
SentimentModel::Weights SmallWeights() {
  SentimentModel::Weights w;
  w.embedding.assign(8 * 2, 0.0f);
  w.embedding[0] = 1.0f;
  w.embedding[3] = 1.0f;
  w.polarity = {0, 1, 0, 0, 1, 0, 0, 0.1f, 0};  // rows neg, neu, pos; biases
  w.category = {4, 0, -1};
  w.category_polarity = {0, 1, 0, 0, 1, 0, 0, 0.1f, 0};
  return w;
}

std::unique_ptr<SentimentModel> SmallModel() {
  auto model = SentimentModel::Create(SmallConfig(), SmallWeights());
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(*model);
}

TEST(SentimentModelTest, PredictsFromPlainWeights) {
  const auto model = SmallModel();
  float hidden[2];
  model->Embed({0}, hidden);
  EXPECT_EQ(model->SentencePolarity(hidden), Polarity::kPositive);
  EXPECT_EQ(model->Categories(hidden), std::vector<int>{0});
  model->Embed({1, 1, 0}, hidden);  // mean (1/3, 2/3)
  EXPECT_EQ(model->SentencePolarity(hidden), Polarity::kNegative);
  EXPECT_EQ(model->CategoryPolarity(hidden, 0), Polarity::kNegative);
  model->Embed({}, hidden);  // no features: biases decide
  EXPECT_EQ(model->SentencePolarity(hidden), Polarity::kNeutral);
  EXPECT_TRUE(model->Categories(hidden).empty());
}

TEST(SentimentModelTest, CreateRejectsMismatchedWeights) {
  SentimentModel::Weights w = SmallWeights();
  w.category.pop_back();
  EXPECT_EQ(SentimentModel::Create(SmallConfig(), w).status().code(), StatusCode::kInvalidArgument);
}

class SentimentModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("sentiment_model_test_" + std::to_string(::getpid()) + ".pt"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string ReadAll() {
    std::ifstream in(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void WriteAll(const std::string& bytes) {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << bytes;
  }
  std::string path_;
};

TEST_F(SentimentModelFileTest, SaveThenLoadPredictsTheSame) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().categories, SmallConfig().categories);
  float hidden[2];
  (*loaded)->Embed({1, 1, 0}, hidden);
  EXPECT_FLOAT_EQ(hidden[1], 2.0f / 3.0f);
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kNegative);
}

TEST_F(SentimentModelFileTest, MissingFileIsNotFound) {
  EXPECT_TRUE(SentimentModel::Load(path_ + ".absent").status().IsNotFound());
}

TEST_F(SentimentModelFileTest, CorruptFilesAreInvalidArgument) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  const std::string good = ReadAll();
  std::string other_version = good;
  other_version[8] = 9;
  const struct {
    std::string name;
    std::string bytes;
    std::string message;
  } cases[] = {
      {"empty", "", "bad magic"},
      {"not a model", "PK\x03\x04 zip file", "bad magic"},
      {"other version", other_version, "version 9"},
      {"truncated", good.substr(0, good.size() - 3), "truncated"},
      {"trailing bytes", good + "x", "trailing"},
  };
  for (const auto& c : cases) {
    WriteAll(c.bytes);
    const Status s = SentimentModel::Load(path_).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.name << ": " << s.ToString();
    EXPECT_NE(s.message().find(c.message), std::string::npos) << c.name << ": " << s.ToString();
  }
}

}  // namespace
}  // namespace sobremesa::sentiment
