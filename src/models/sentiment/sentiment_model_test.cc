#include "models/sentiment/sentiment_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
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
  // The file of a model without a word view as version 9 wrote it:
  // without version 10's reader fields at the end (u32 units 0, u32 mean
  // flag 0, u32 output weights 0).
  std::string ReadAllAsVersion9() {
    std::string bytes = ReadAll();
    EXPECT_EQ(bytes.substr(bytes.size() - 12), std::string(12, '\0'));
    bytes.erase(bytes.size() - 12);
    bytes[8] = 9;
    return bytes;
  }
  // As version 8 wrote it: also without version 9's (empty) category word
  // view block (u32 words 0, u32 values 0, u32 biases 0, u32 evidence
  // thresholds 0, f32 evidence fallback 0).
  std::string ReadAllAsVersion8() {
    std::string bytes = ReadAllAsVersion9();
    EXPECT_EQ(bytes.substr(bytes.size() - 20), std::string(20, '\0'));
    bytes.erase(bytes.size() - 20);
    bytes[8] = 8;
    return bytes;
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

TEST_F(SentimentModelFileTest, ReadsVersionOneFiles) {
  SentimentModelConfig config = SmallConfig();
  config.features.negated_words_add_plain = false;  // version 1 features
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 1 is version 8 without the four u32, one f32, three u32, one
  // f32 and four u32 after the category names (threshold count 0, wide 0,
  // category_dim 0, negated_words_add_plain 0, category_fallback 0,
  // sentence_source 0, sentence_dim 0, sentence_wide 0, category-polarity
  // sentence weight 0 and wide flag 0, sentence stacker weights 0, folded
  // flag 0, category stacker weights 0, lexicon stems 0).
  bytes[8] = 1;
  const std::size_t after_names = bytes.find("FOOD#QUALITY") + 12;
  ASSERT_EQ(bytes.substr(after_names, 56), std::string(56, '\0'));
  bytes.erase(after_names, 56);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_FALSE((*loaded)->config().features.negated_words_add_plain);
  float hidden[2];
  (*loaded)->Embed({0}, hidden);
  EXPECT_EQ((*loaded)->Categories(hidden), std::vector<int>{0});
}

TEST_F(SentimentModelFileTest, ReadsVersionTwoFilesWithoutAFallback) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 2 is version 8 without the trailing f32, three u32, f32 and
  // five u32 of the config.
  bytes[8] = 2;
  const std::size_t fallback = bytes.find("FOOD#QUALITY") + 12 + 16;
  ASSERT_EQ(bytes.substr(fallback - 4, 44), std::string("\x01", 1) + std::string(43, '\0'));
  bytes.erase(fallback, 40);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_fallback, 0.0f);
  EXPECT_EQ((*loaded)->config().categories, SmallConfig().categories);
}

TEST_F(SentimentModelFileTest, ReadsVersionThreeFilesWithTheSentenceHead) {
  SentimentModelConfig config = SmallConfig();
  config.sentence_source = SentenceSource::kCategories;
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 3 is version 8 without the trailing nine fields of the config
  // (sentence_source 1, sentence_dim 0, sentence_wide 0, category-polarity
  // sentence weight 0 and wide flag 0, sentence stacker weights 0, folded
  // flag 0, category stacker weights 0, lexicon stems 0).
  bytes[8] = 3;
  const std::size_t source = bytes.find("FOOD#QUALITY") + 12 + 20;
  ASSERT_EQ(bytes.substr(source, 36), std::string("\x01", 1) + std::string(35, '\0'));
  bytes.erase(source, 36);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().sentence_source, SentenceSource::kHead);
}

TEST_F(SentimentModelFileTest, ReadsVersionFourFilesWithoutALexiconOrSentenceView) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 4 is version 8 without the sentence-wide flag, the
  // category-polarity sentence weight and wide flag, the sentence
  // stacker's weight count, the folded flag, the category stacker's weight
  // count and the lexicon's stem count (all 0 here).
  bytes[8] = 4;
  const std::size_t lexicon = bytes.find("FOOD#QUALITY") + 12 + 28;
  ASSERT_EQ(bytes.substr(lexicon - 4, 32), std::string(32, '\0'));
  bytes.erase(lexicon, 28);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().features.lexicon, nullptr);
  EXPECT_FALSE((*loaded)->config().sentence_wide);
  EXPECT_EQ((*loaded)->row_width(), 2);
  EXPECT_EQ((*loaded)->config().categories, SmallConfig().categories);
}

TEST_F(SentimentModelFileTest, ReadsVersionFiveFilesWithoutTheSlotThreeBlend) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 5 is version 8 without the category-polarity sentence weight
  // (f32) and wide flag (u32) after the sentence-wide flag, the sentence
  // stacker's weight count (u32), the folded flag (u32) and the category
  // stacker's weight count (u32), all 0 here.
  bytes[8] = 5;
  const std::size_t weight = bytes.find("FOOD#QUALITY") + 12 + 32;
  ASSERT_EQ(bytes.substr(weight, 24), std::string(24, '\0'));
  bytes.erase(weight, 20);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_polarity_sentence_weight, 0.0f);
  float hidden[2];
  (*loaded)->Embed({1, 1, 0}, hidden);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNegative);
}

TEST_F(SentimentModelFileTest, ReadsVersionSixFilesWithoutAStackerOrAFoldedCategoryPolarity) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 6 is version 8 without the sentence stacker's weight count,
  // the folded category-polarity flag and the category stacker's weight
  // count (u32 each, 0 here) after the category-polarity wide flag.
  bytes[8] = 6;
  const std::size_t stacker = bytes.find("FOOD#QUALITY") + 12 + 40;
  ASSERT_EQ(bytes.substr(stacker, 16), std::string(16, '\0'));
  bytes.erase(stacker, 12);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().sentence_stacker.empty());
  EXPECT_FALSE((*loaded)->config().category_polarity_folded);
  EXPECT_EQ((*loaded)->row_width(), 2);
  float hidden[2];
  (*loaded)->Embed({1, 1, 0}, hidden);
  EXPECT_EQ((*loaded)->SentencePolarity(hidden, {}), Polarity::kNegative);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNegative);
}

TEST_F(SentimentModelFileTest, ReadsVersionSevenFilesWithoutACategoryStacker) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  std::string bytes = ReadAllAsVersion8();
  // Version 7 is version 8 without the category stacker's weight count
  // (u32, 0 here) after the folded category-polarity flag.
  bytes[8] = 7;
  const std::size_t stacker = bytes.find("FOOD#QUALITY") + 12 + 48;
  ASSERT_EQ(bytes.substr(stacker, 8), std::string(8, '\0'));
  bytes.erase(stacker, 4);
  WriteAll(bytes);
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().category_stacker.empty());
  float hidden[2];
  (*loaded)->Embed({0}, hidden);
  EXPECT_EQ((*loaded)->Categories(hidden, {.features = 100, .contrast = true}),
            std::vector<int>{0});
  // The same bytes read as version 8 are one field short.
  bytes[8] = 8;
  WriteAll(bytes);
  EXPECT_EQ(SentimentModel::Load(path_).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, SavesTheCategoryStackerWhichDecidesFromTheFacts) {
  // One category; a stacker that detects it on a contrast and not without
  // one, whatever the logits (input 2 + kPolarities + 1 is the contrast).
  SentimentModelConfig config = SmallConfig();
  ASSERT_EQ(CategoryStackerWeights(1), static_cast<std::size_t>(kCategoryStackerRow + 1));
  config.category_stacker.assign(CategoryStackerWeights(1), 0.0f);
  config.category_stacker[2 + kPolarities + 1] = 2.0f;
  config.category_stacker[kCategoryStackerRow] = -1.0f;  // bias
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_stacker, config.category_stacker);
  float hidden[2];
  (*loaded)->Embed({0}, hidden);  // the first stage alone detects the category
  EXPECT_TRUE((*loaded)->Categories(hidden).empty());
  EXPECT_EQ((*loaded)->Categories(hidden, {.contrast = true}), std::vector<int>{0});
  (*loaded)->Embed({1}, hidden);  // ... and here does not
  EXPECT_EQ((*loaded)->Categories(hidden, {.contrast = true}), std::vector<int>{0});

  config.category_stacker.pop_back();
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_stacker.push_back(NAN);
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, SavesTheSentenceStackerWhichDecidesFromTheEvidence) {
  // A stacker that says neutral when the sentence has a contrast word and
  // positive otherwise (input 3 is the contrast flag), whatever the logits.
  SentimentModelConfig config = SmallConfig();
  config.sentence_stacker.assign(kStackerWeights, 0.0f);
  const int row = kStackerInputs + 1;
  config.sentence_stacker[static_cast<int>(Polarity::kNeutral) * row + 3] = 2.0f;
  config.sentence_stacker[static_cast<int>(Polarity::kPositive) * row + kStackerInputs] = 1.0f;
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().sentence_stacker, config.sentence_stacker);
  float hidden[2];
  (*loaded)->Embed({1, 1, 0}, hidden);  // the head alone says negative
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kNegative);
  EXPECT_EQ((*loaded)->SentencePolarity(hidden, {}, {}), Polarity::kPositive);
  EXPECT_EQ((*loaded)->SentencePolarity(hidden, {}, {.contrast = true}), Polarity::kNeutral);

  config.sentence_stacker.pop_back();
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.sentence_stacker.push_back(NAN);
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, AFoldedCategoryPolarityIsSavedAndReadAtTheEndOfTheRow) {
  // No shared embedding (dim 0): the category reads its wide weight, the
  // category's polarity its 3 folded weights, the sentence its wide part.
  SentimentModelConfig config = SmallConfig();
  config.dim = 0;
  config.wide_categories = true;
  config.sentence_wide = true;
  config.category_polarity_folded = true;
  SentimentModel::Weights w;
  // Row: category, sentence neg/neu/pos, category polarity neg/neu/pos.
  w.embedding.assign(8 * 7, 0.0f);
  const float row[7] = {5, 0, 0, 1, 2, 0, 0};  // bucket 7's
  std::copy(row, row + 7, w.embedding.begin() + 7 * 7);
  w.polarity = {0, 0, 0};
  w.category = {-1};
  w.category_polarity = {0, 0, 0};
  const auto model = SentimentModel::Create(config, w);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ASSERT_TRUE((*model)->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().category_polarity_folded);
  ASSERT_EQ((*loaded)->row_width(), 7);
  float hidden[7];
  (*loaded)->Embed({7}, hidden);
  EXPECT_EQ((*loaded)->Categories(hidden), std::vector<int>{0});
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kPositive);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNegative);
  (*loaded)->Embed({0}, hidden);  // a zero row: the biases decide
  EXPECT_TRUE((*loaded)->Categories(hidden).empty());
}

TEST_F(SentimentModelFileTest, TheSentenceLogitsJoinTheCategoryPolarityByTheirWeight) {
  // The sentence head reads the embedding the other way round: at (1, 0)
  // the category-polarity head says positive (logit 1), the sentence head
  // negative (logit 1).
  SentimentModel::Weights weights = SmallWeights();
  weights.polarity = {1, 0, 0, 0, 0, 1, 0, 0, 0};
  SentimentModelConfig config = SmallConfig();
  const auto polarity_at_weight = [&](float weight) {
    config.category_polarity_sentence_weight = weight;
    const auto model = SentimentModel::Create(config, weights).value();
    float hidden[2];
    model->Embed({0}, hidden);
    float scores[kPolarities];
    model->CategoryPolarityScores(hidden, 0, scores);
    EXPECT_FLOAT_EQ(scores[0], weight);
    EXPECT_FLOAT_EQ(scores[2], 1.0f);
    return model->CategoryPolarity(hidden, 0);
  };
  EXPECT_EQ(polarity_at_weight(0.0f), Polarity::kPositive);
  EXPECT_EQ(polarity_at_weight(0.5f), Polarity::kPositive);
  EXPECT_EQ(polarity_at_weight(2.0f), Polarity::kNegative);
  ASSERT_TRUE(SentimentModel::Create(config, weights).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_polarity_sentence_weight, 2.0f);
  float hidden[2];
  (*loaded)->Embed({0}, hidden);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNegative);
  config.category_polarity_sentence_weight = -1.0f;
  EXPECT_EQ(SentimentModel::Create(config, weights).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, CarriesTheLexiconSoServingNeedsNoLexiconFile) {
  SentimentModelConfig config = SmallConfig();
  const std::vector<std::pair<std::string, int>> bins = {{"horribl", -3}, {"ric", 2}};
  config.features.lexicon = std::make_shared<const text::SentimentLexicon>(
      text::SentimentLexicon::FromBins(bins).value());
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_NE((*loaded)->config().features.lexicon, nullptr);
  EXPECT_EQ((*loaded)->config().features.lexicon->Bins(), bins);
  // A bin out of range in the file is refused, naming the file.
  std::string bytes = ReadAll();
  const std::size_t bin = bytes.find("horribl") + 7;
  bytes[bin] = 9;
  WriteAll(bytes);
  const Status bad = SentimentModel::Load(path_).status();
  EXPECT_EQ(bad.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.ToString().find(path_), std::string::npos) << bad.ToString();
}

TEST_F(SentimentModelFileTest, SavesTheSentenceSourceAndReadsPolarityFromIt) {
  const float positive[2] = {1.0f, 0.0f};  // the head says positive
  const std::vector<Polarity> negative_only = {Polarity::kNegative, Polarity::kNegative};
  const std::vector<Polarity> disagree = {Polarity::kNegative, Polarity::kPositive};
  const std::vector<Polarity> neutral_and_negative = {Polarity::kNeutral, Polarity::kNegative};
  const struct {
    SentenceSource source;
    Polarity negative_only, disagree, neutral_and_negative, none;
  } cases[] = {
      {SentenceSource::kHead, Polarity::kPositive, Polarity::kPositive, Polarity::kPositive,
       Polarity::kPositive},
      // SemEval's gold rule: agreeing opinions give theirs, others neutral.
      {SentenceSource::kCategories, Polarity::kNegative, Polarity::kNeutral, Polarity::kNeutral,
       Polarity::kPositive},
      // Only praise and complaint together overrule the head.
      {SentenceSource::kHeadOrMixed, Polarity::kPositive, Polarity::kNeutral, Polarity::kPositive,
       Polarity::kPositive},
  };
  for (const auto& c : cases) {
    SentimentModelConfig config = SmallConfig();
    config.sentence_source = c.source;
    ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
    StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    const int id = static_cast<int>(c.source);
    EXPECT_EQ((*loaded)->config().sentence_source, c.source);
    EXPECT_EQ((*loaded)->SentencePolarity(positive, negative_only), c.negative_only) << id;
    EXPECT_EQ((*loaded)->SentencePolarity(positive, disagree), c.disagree) << id;
    EXPECT_EQ((*loaded)->SentencePolarity(positive, neutral_and_negative), c.neutral_and_negative)
        << id;
    EXPECT_EQ((*loaded)->SentencePolarity(positive, {}), c.none) << id;
  }
  SentimentModelConfig unknown = SmallConfig();
  unknown.sentence_source = static_cast<SentenceSource>(7);
  EXPECT_EQ(SentimentModel::Create(unknown, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest,
       TheFallbackDetectsTheMostProbableCategoryWhenNoneReachesItsThreshold) {
  SentimentModelConfig config = SmallConfig();
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  config.category_thresholds = {0.9f, 0.9f};
  config.category_fallback = 0.3f;
  SentimentModel::Weights w = SmallWeights();
  // Category head: FOOD = hidden[0] - 1, SERVICE = hidden[1] - 1.
  w.category = {1, 0, 0, 1, -1, -1};
  w.category_polarity.assign(2 * 3 * 2 + 2 * 3, 0.0f);
  ASSERT_TRUE(SentimentModel::Create(config, w).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_fallback, 0.3f);
  const float service_likelier[2] = {0.0f, 0.5f};  // p = 0.27, 0.38: none reaches 0.9
  EXPECT_EQ((*loaded)->Categories(service_likelier), std::vector<int>{1});
  const float both_unlikely[2] = {-1.0f, -0.5f};  // p = 0.12, 0.18 < 0.3
  EXPECT_TRUE((*loaded)->Categories(both_unlikely).empty());
  const float food_sure[2] = {4.0f, 0.5f};  // food reaches 0.9: no fallback added
  EXPECT_EQ((*loaded)->Categories(food_sure), std::vector<int>{0});
  config.category_fallback = 1.0f;
  EXPECT_EQ(SentimentModel::Create(config, w).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, SavesPerCategoryThresholdsAndTheWidePart) {
  SentimentModelConfig config = SmallConfig();
  config.wide_categories = true;
  config.category_thresholds = {0.9f};
  SentimentModel::Weights w = SmallWeights();
  w.embedding.assign(8 * 3, 0.0f);  // rows of dim 2 + one wide weight
  w.embedding[0] = 1.0f;
  w.embedding[2] = 3.0f;  // bucket 0's wide weight for FOOD#QUALITY
  ASSERT_TRUE(SentimentModel::Create(config, w).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().category_thresholds, std::vector<float>{0.9f});
  float hidden[3];
  (*loaded)->Embed({0}, hidden);
  // 4 * hidden[0] - 1 (category head) + 3 (wide weight) = 6 >= logit(0.9).
  EXPECT_FLOAT_EQ((*loaded)->CategoryScore(hidden, 0), 6.0f);
  EXPECT_EQ((*loaded)->Categories(hidden), std::vector<int>{0});
  (*loaded)->Embed({1}, hidden);  // score -1 < logit(0.9)
  EXPECT_TRUE((*loaded)->Categories(hidden).empty());
}

TEST_F(SentimentModelFileTest, TheSentenceHeadReadsItsOwnEmbeddingWhenItHasOne) {
  SentimentModelConfig config = SmallConfig();
  config.sentence_dim = 1;
  SentimentModel::Weights w = SmallWeights();
  w.embedding.assign(8 * 3, 0.0f);  // rows of dim 2 + sentence_dim 1
  w.embedding[0] = 1.0f;            // bucket 0: shared (1, 0), sentence -1
  w.embedding[2] = -1.0f;
  w.embedding[3 + 2] = 1.0f;        // bucket 1: shared (0, 0), sentence 1
  w.polarity = {-1, 0, 1, 0, 0, 0};  // one input: rows neg, neu, pos; biases
  ASSERT_TRUE(SentimentModel::Create(config, w).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ((*loaded)->config().sentence_dim, 1);
  EXPECT_EQ((*loaded)->row_width(), 3);
  float hidden[3];
  (*loaded)->Embed({0}, hidden);  // the category polarity reads the shared part
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kNegative);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kPositive);
  EXPECT_EQ((*loaded)->Categories(hidden), std::vector<int>{0});
  (*loaded)->Embed({1}, hidden);
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kPositive);
  w.polarity = SmallWeights().polarity;  // sized for dim, not sentence_dim
  EXPECT_EQ(SentimentModel::Create(config, w).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, TheSentenceWidePartAddsItsWeightsToTheSentenceLogits) {
  SentimentModelConfig config = SmallConfig();
  config.sentence_wide = true;
  SentimentModel::Weights w = SmallWeights();
  w.embedding.assign(8 * 5, 0.0f);  // rows of dim 2 + 3 sentence-wide
  w.embedding[5 + 1] = 1.0f;         // bucket 1: shared (0, 1): the head says negative...
  w.embedding[5 + 4] = 3.0f;         // ...but its wide part adds 3 to positive
  w.embedding[10 + 3] = 0.5f;        // bucket 2: shared (0, 0), wide +0.5 neutral
  ASSERT_TRUE(SentimentModel::Create(config, w).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().sentence_wide);
  EXPECT_EQ((*loaded)->row_width(), 5);
  float hidden[5];
  float scores[3];
  (*loaded)->Embed({1}, hidden);
  (*loaded)->SentenceScores(hidden, scores);
  EXPECT_FLOAT_EQ(scores[0], 1.0f);  // neg: hidden[1] * 1
  EXPECT_FLOAT_EQ(scores[2], 3.0f);  // pos: hidden[0] * 1 + the wide 3
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kPositive);
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNegative);  // no wide part there
  (*loaded)->Embed({2, 2}, hidden);  // neutral: 0.5 + bias 0.1 beats 0, 0
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kNeutral);
}

TEST_F(SentimentModelFileTest, TheCategoryPolarityWidePartFollowsTheSentenceWidePart) {
  SentimentModelConfig config = SmallConfig();
  config.sentence_wide = true;
  config.category_polarity_wide = true;
  SentimentModel::Weights w = SmallWeights();
  w.embedding.assign(8 * 8, 0.0f);  // rows of dim 2 + 3 sentence-wide + 3 opinion-wide
  w.embedding[8 + 1] = 1.0f;        // bucket 1: shared (0, 1): both heads say negative...
  w.embedding[8 + 4] = 3.0f;        // ...the sentence's wide part adds 3 to positive
  w.embedding[8 + 6] = 2.0f;        // ...the category's wide part 2 to neutral
  ASSERT_TRUE(SentimentModel::Create(config, w).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().category_polarity_wide);
  EXPECT_EQ((*loaded)->row_width(), 8);
  float hidden[8];
  float scores[3];
  (*loaded)->Embed({1}, hidden);
  (*loaded)->SentenceScores(hidden, scores);
  EXPECT_FLOAT_EQ(scores[1], 0.1f);  // bias only: the category's wide part is not read
  EXPECT_EQ((*loaded)->SentencePolarity(hidden), Polarity::kPositive);
  (*loaded)->CategoryPolarityScores(hidden, 0, scores);
  EXPECT_FLOAT_EQ(scores[0], 1.0f);
  EXPECT_FLOAT_EQ(scores[1], 2.1f);
  EXPECT_FLOAT_EQ(scores[2], 0.0f);  // the sentence's wide part is not read
  EXPECT_EQ((*loaded)->CategoryPolarity(hidden, 0), Polarity::kNeutral);
}

TEST_F(SentimentModelFileTest, SavesTheCategoryWordViewWhoseWordsMoveTheCategoryLogits) {
  // Without the view "mozo" is no category (hidden (0, 0) scores -1); its
  // view value 3 over one known word, plus the view's bias -0.5, lifts the
  // logit to 1.5. Words the view does not know count in no mean.
  SentimentModelConfig config = SmallConfig();
  config.category_word_view = {{"mozo", "plato"}, {3.0f, -2.0f}, {-0.5f}, {0.2f}, 0.0f};
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const SentimentModel& model = **loaded;
  EXPECT_EQ(model.config().category_word_view.words, config.category_word_view.words);
  ASSERT_EQ(model.WordViewRow("mozo"), 0);
  EXPECT_EQ(model.WordViewRow("plato"), 1);
  EXPECT_EQ(model.WordViewRow("camarero"), -1);
  float hidden[2];
  model.Embed({}, hidden);
  EXPECT_TRUE(model.Categories(hidden).empty());
  // The sentence stacker's evidence reads the categories detected without
  // the view, by the thresholds they had before it (0.2 here: logit -1.39).
  EXPECT_EQ(model.EvidenceCategories(hidden), std::vector<int>{0});
  EXPECT_EQ(model.config().category_word_view.evidence_thresholds, std::vector<float>{0.2f});
  float logit = 0.0f;
  model.WordViewLogits(model.WordViewValues(0), nullptr, 1, &logit);
  EXPECT_FLOAT_EQ(logit, 2.5f);
  EXPECT_EQ(model.Categories(hidden, {}, &logit), std::vector<int>{0});
  float sum = model.WordViewValues(0)[0] + model.WordViewValues(1)[0];
  model.WordViewLogits(&sum, nullptr, 2, &logit);  // mean 0.5, plus the bias
  EXPECT_FLOAT_EQ(logit, 0.0f);
  EXPECT_TRUE(model.Categories(hidden, {}, &logit).empty());

  // Version 8 files (no view block) still load, without a view.
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  WriteAll(ReadAllAsVersion8());
  loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_TRUE((*loaded)->config().category_word_view.empty());
  EXPECT_EQ((*loaded)->WordViewRow("mozo"), -1);

  config.category_word_view.evidence_thresholds.clear();
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_word_view.evidence_thresholds = {0.2f};
  config.category_word_view.values.pop_back();
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_word_view.values.push_back(NAN);
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, ReadsVersionNineFilesWithTheirLinearWordView) {
  SentimentModelConfig config = SmallConfig();
  config.category_word_view = {{"mozo", "plato"}, {3.0f, -2.0f}, {-0.5f}, {0.2f}, 0.0f};
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  WriteAll(ReadAllAsVersion9());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const CategoryWordView& view = (*loaded)->config().category_word_view;
  EXPECT_EQ(view.words, config.category_word_view.words);
  EXPECT_EQ(view.reader_units, 0);
  EXPECT_EQ(view.width(), 1);
  float logit = 0.0f;
  (*loaded)->WordViewLogits((*loaded)->WordViewValues(0), nullptr, 1, &logit);
  EXPECT_FLOAT_EQ(logit, 2.5f);
}

TEST_F(SentimentModelFileTest, SavesAWordViewReaderWhoseLargestUnitsMoveTheCategoryLogits) {
  // Two units a word: "mozo" (2, 0), "plato" (0, 1); the output reads the
  // unit-wise largest as 1 x unit 0 - 3 x unit 1, plus the bias -0.5.
  SentimentModelConfig config = SmallConfig();
  config.category_word_view = {{"mozo", "plato"}, {2.0f, 0.0f, 0.0f, 1.0f}, {-0.5f}, {0.2f}, 0.0f,
                               2, false, {1.0f, -3.0f}};
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  StatusOr<std::unique_ptr<SentimentModel>> loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  const SentimentModel& model = **loaded;
  EXPECT_EQ(model.config().category_word_view.reader_units, 2);
  EXPECT_EQ(model.config().category_word_view.reader_output, config.category_word_view.reader_output);
  ASSERT_EQ(model.WordViewRow("plato"), 1);
  EXPECT_FLOAT_EQ(model.WordViewValues(1)[1], 1.0f);
  const float sum[2] = {4.0f, 1.0f};  // "mozo mozo plato"
  const float mozo[2] = {2.0f, 0.0f}, both[2] = {2.0f, 1.0f};
  float logit = 0.0f;
  model.WordViewLogits(sum, mozo, 2, &logit);  // the max, not the sum or mean
  EXPECT_FLOAT_EQ(logit, 1.5f);
  model.WordViewLogits(sum, both, 3, &logit);
  EXPECT_FLOAT_EQ(logit, -1.5f);
  const float none[2] = {0.0f, 0.0f};
  model.WordViewLogits(none, none, 0, &logit);
  EXPECT_FLOAT_EQ(logit, -0.5f);

  // With the mean beside the max, two more output weights read it.
  config.category_word_view.reader_mean = true;
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_word_view.reader_output = {1.0f, -3.0f, 0.5f, 0.0f};
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).value()->Save(path_).ok());
  loaded = SentimentModel::Load(path_);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  (*loaded)->WordViewLogits(sum, both, 3, &logit);  // -1.5 + 0.5 x 4 / 3
  EXPECT_FLOAT_EQ(logit, -1.5f + 0.5f * 4.0f / 3.0f);

  config.category_word_view.values.pop_back();  // not 2 units a word
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_word_view.values.push_back(-1.0f);  // no ReLU gives that
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
  config.category_word_view.values.back() = 1.0f;
  ASSERT_TRUE(SentimentModel::Create(config, SmallWeights()).ok());
  config.category_word_view.reader_output[0] = INFINITY;
  EXPECT_EQ(SentimentModel::Create(config, SmallWeights()).status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SentimentModelFileTest, MissingFileIsNotFound) {
  EXPECT_TRUE(SentimentModel::Load(path_ + ".absent").status().IsNotFound());
}

TEST_F(SentimentModelFileTest, CorruptFilesAreInvalidArgument) {
  ASSERT_TRUE(SmallModel()->Save(path_).ok());
  const std::string good = ReadAll();
  std::string other_version = good;
  other_version[8] = 11;
  const struct {
    std::string name;
    std::string bytes;
    std::string message;
  } cases[] = {
      {"empty", "", "bad magic"},
      {"not a model", "PK\x03\x04 zip file", "bad magic"},
      {"other version", other_version, "version 11"},
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
