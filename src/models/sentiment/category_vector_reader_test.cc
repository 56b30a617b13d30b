#include "models/sentiment/category_vector_reader.h"

#include <gtest/gtest.h>

#include "models/sentiment/sentiment_predictor.h"
#include "models/sentiment/sentiment_trainer.h"
#include "models/sentiment/toy_word_vectors_test_util.h"

namespace sobremesa::sentiment {
namespace {

std::vector<std::uint32_t> Ids(const PretrainedVectors& vectors,
                               const std::vector<std::string>& words) {
  std::vector<std::uint32_t> ids;
  for (const std::string& w : words) ids.push_back(static_cast<std::uint32_t>(vectors.Find(w)));
  return ids;
}

// Sentences of one food word, one service word, both or neither, among 1
// to 4 fillers: a category is there exactly when one of its words is.
std::vector<TrainingExample> ToyExamples(const PretrainedVectors& vectors) {
  const std::vector<std::string> fillers = {"the", "was", "very", "fine"};
  std::vector<TrainingExample> examples;
  for (std::size_t i = 0; i < kTrained; ++i) {
    std::vector<std::string> filler(fillers.begin(), fillers.begin() + 1 + i % 4);
    for (const std::vector<int>& categories : std::vector<std::vector<int>>{{0}, {1}, {0, 1}, {}}) {
      TrainingExample& e = examples.emplace_back();
      e.categories = categories;
      std::vector<std::string> words = filler;
      for (const int k : categories) words.push_back((k == 0 ? kFood : kService)[i]);
      e.vector_words = Ids(vectors, words);
    }
  }
  return examples;
}

std::vector<const TrainingExample*> Pointers(const std::vector<TrainingExample>& examples) {
  std::vector<const TrainingExample*> data;
  for (const TrainingExample& e : examples) data.push_back(&e);
  return data;
}

// A reader of `units` fitted on ToyExamples for `epochs` (Adam at 0.01
// when `fast`, else the default rate).
CategoryVectorReader ToyReader(const PretrainedVectors& vectors, bool with_mean, int units,
                               int epochs, bool fast, std::uint64_t seed) {
  const std::vector<TrainingExample> examples = ToyExamples(vectors);
  VectorReaderOptions options;
  options.units = units;
  options.with_mean = with_mean;
  options.epochs = epochs;
  if (fast) options.learning_rate = 0.01f;
  return FitCategoryVectorReader(Pointers(examples), vectors, 2, options, seed);
}

class CategoryVectorReaderTest : public ::testing::TestWithParam<bool> {};

TEST_P(CategoryVectorReaderTest, LearnsTheCategoriesOfWordsItNeverSawFromTheirVectors) {
  const PretrainedVectors vectors = ToyVectors();
  const CategoryVectorReader reader = ToyReader(vectors, GetParam(), 8, 200, true, 7);
  ASSERT_EQ(reader.categories(), 2);
  const struct {
    std::vector<std::string> words;
    bool food, service;
  } cases[] = {
      {{"the", "dumplings", "was", "fine"}, true, false},
      {{"the", "sommelier", "was", "very", "fine"}, false, true},
      {{"the", "risotto", "and", "the", "concierge"}, true, true},
      {{"the", "was", "fine"}, false, false},
  };
  for (const auto& c : cases) {
    float logits[2];
    reader.Logits(vectors, Ids(vectors, c.words), logits);
    EXPECT_EQ(logits[0] > 0.0f, c.food) << c.words[1] << ": food logit " << logits[0];
    EXPECT_EQ(logits[1] > 0.0f, c.service) << c.words[1] << ": service logit " << logits[1];
  }
}

TEST_P(CategoryVectorReaderTest, TheServedWordsGiveTheTrainedLogitsTimesTheWeight) {
  const PretrainedVectors vectors = ToyVectors();
  const CategoryVectorReader reader = ToyReader(vectors, GetParam(), 6, 5, false, 3);
  const CategoryWordView served = FoldCategoryVectorReader(reader, vectors, 0.5f);
  ASSERT_EQ(served.words, vectors.words());
  ASSERT_EQ(served.width(), 6);
  for (const std::vector<std::string>& words :
       std::vector<std::vector<std::string>>{{"the", "sushi", "and", "sushi", "waiter"}, {}}) {
    // What SentimentPredictor does: sum and unit-wise max of the words' rows.
    std::vector<float> sum(6, 0.0f), max(6, 0.0f);
    for (const std::string& w : words) {
      const float* row = served.values.data() + static_cast<std::size_t>(vectors.Find(w)) * 6;
      for (int j = 0; j < 6; ++j) sum[j] += row[j], max[j] = std::max(max[j], row[j]);
    }
    float trained[2], folded[2];
    reader.Logits(vectors, Ids(vectors, words), trained);
    served.Logits(sum.data(), max.data(), words.size(), folded);
    for (int k = 0; k < 2; ++k) EXPECT_NEAR(folded[k], 0.5f * trained[k], 1e-5f) << k;
  }
}

TEST_P(CategoryVectorReaderTest, ThePredictorDetectsWhatTheTrainedReaderReads) {
  // A model whose hashed part says nothing (zero weights, thresholds at
  // probability 0.5): a category is detected exactly when the served
  // reader's logit is positive, so Predict shows the served form read from
  // raw text agrees with the trained reader's logits.
  const PretrainedVectors vectors = ToyVectors();
  const CategoryVectorReader reader = ToyReader(vectors, GetParam(), 8, 200, true, 7);
  SentimentModelConfig config;
  config.language = text::Language::kEnglish;
  config.features.buckets = 64;
  config.dim = 2;
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  config.category_thresholds = {0.5f, 0.5f};
  config.category_word_view = FoldCategoryVectorReader(reader, vectors, 1.0f);
  config.category_word_view.evidence_thresholds = {0.5f, 0.5f};
  SentimentModel::Weights weights;
  weights.embedding.assign(64 * 2, 0.0f);
  weights.polarity.assign(3 * 2 + 3, 0.0f);
  weights.category.assign(2 * 2 + 2, 0.0f);
  weights.category_polarity.assign(6 * 2 + 6, 0.0f);
  StatusOr<std::unique_ptr<SentimentModel>> model = SentimentModel::Create(config, weights);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok()) << predictor.status().ToString();
  for (const std::vector<std::string>& words : std::vector<std::vector<std::string>>{
           {"the", "dumplings", "was", "fine"},
           {"the", "sommelier", "was", "very", "fine"},
           {"the", "risotto", "and", "the", "concierge"},
           {"the", "noodles", "and", "the", "noodles", "were", "fine"},  // "were": no vector
           {"the", "was", "fine"}}) {
    std::string text;
    std::vector<std::string> known;
    for (const std::string& w : words) {
      text += (text.empty() ? "" : " ") + w;
      if (vectors.Find(w) >= 0) known.push_back(w);
    }
    float logits[2];
    reader.Logits(vectors, Ids(vectors, known), logits);
    std::vector<int> expected;
    for (int k = 0; k < 2; ++k) {
      if (logits[k] >= 0.0f) expected.push_back(k);
    }
    StatusOr<SentencePrediction> prediction = (*predictor)->Predict(text);
    ASSERT_TRUE(prediction.ok()) << prediction.status().ToString();
    EXPECT_EQ(prediction->categories, expected) << text << ": " << logits[0] << ", " << logits[1];
  }
}

INSTANTIATE_TEST_SUITE_P(MaxAndMaxPlusMean, CategoryVectorReaderTest, ::testing::Bool(),
                         [](const auto& info) { return info.param ? "MaxAndMean" : "Max"; });

TEST(VectorReaderSpecTest, ReadsPoolingUnitsDropoutAndEpochs) {
  const StatusOr<VectorReaderOptions> max = ParseVectorReader("max:64");
  ASSERT_TRUE(max.ok()) << max.status().ToString();
  EXPECT_EQ(max->units, 64);
  EXPECT_FALSE(max->with_mean);
  EXPECT_EQ(max->epochs, VectorReaderOptions{}.epochs);
  const StatusOr<VectorReaderOptions> concat = ParseVectorReader("max+mean:128:0.25:30");
  ASSERT_TRUE(concat.ok()) << concat.status().ToString();
  EXPECT_TRUE(concat->with_mean);
  EXPECT_EQ(concat->units, 128);
  EXPECT_FLOAT_EQ(concat->dropout, 0.25f);
  EXPECT_EQ(concat->epochs, 30);
  EXPECT_EQ(VectorReaderSpec(*concat), "max+mean:128:0.25:30");
  for (const char* bad : {"", "mean:64", "max", "max:0", "max:64:1", "max:64:0.1:0", "max:6x",
                          "max:64:0.1:10:3"}) {
    const Status s = ParseVectorReader(bad).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_NE(s.message().find(std::string("\"") + bad + "\""), std::string::npos) << s.ToString();
  }
}

}  // namespace
}  // namespace sobremesa::sentiment
