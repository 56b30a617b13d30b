#include "models/sentiment/category_vector_view.h"

#include <gtest/gtest.h>

#include "models/sentiment/sentiment_predictor.h"
#include "models/sentiment/sentiment_trainer.h"
#include "models/sentiment/toy_word_vectors_test_util.h"

namespace sobremesa::sentiment {
namespace {

std::string Sentence(const std::string& word) { return "the " + word + " was fine"; }

TEST(CategoryVectorViewTest, LearnsCategoriesOfWordsItNeverSawFromTheirVectors) {
  const PretrainedVectors vectors = ToyVectors();
  std::vector<TrainingExample> examples;
  for (std::size_t i = 0; i < kTrained; ++i) {
    for (const int category : {0, 1}) {
      TrainingExample& e = examples.emplace_back();
      e.categories = {category};
      e.vector_words = {static_cast<std::uint32_t>(vectors.Find("the")),
                        static_cast<std::uint32_t>(
                            vectors.Find((category == 0 ? kFood : kService)[i])),
                        static_cast<std::uint32_t>(vectors.Find("fine"))};
    }
  }
  std::vector<const TrainingExample*> data;
  for (const TrainingExample& e : examples) data.push_back(&e);
  const CategoryVectorView view = FitCategoryVectorView(data, vectors, 2);
  ASSERT_EQ(view.categories(), 2);
  float logits[2];
  view.Logits(vectors, {static_cast<std::uint32_t>(vectors.Find("dumplings"))}, logits);
  EXPECT_GT(logits[0], 0.0f);
  EXPECT_LT(logits[1], 0.0f);
  view.Logits(vectors, {static_cast<std::uint32_t>(vectors.Find("sommelier"))}, logits);
  EXPECT_LT(logits[0], 0.0f);
  EXPECT_GT(logits[1], 0.0f);

  // Served as C floats a word times the weight: the mean of a sentence's
  // words' values plus the bias is the view's logit on their mean vector.
  const CategoryWordView folded = FoldCategoryVectorView(view, vectors, 2.0f);
  ASSERT_EQ(folded.words.size(), vectors.size());
  const std::vector<std::uint32_t> ids = {
      static_cast<std::uint32_t>(vectors.Find("the")),
      static_cast<std::uint32_t>(vectors.Find("concierge"))};
  view.Logits(vectors, ids, logits);
  for (int k = 0; k < 2; ++k) {
    const float mean = (folded.values[ids[0] * 2 + k] + folded.values[ids[1] * 2 + k]) / 2.0f;
    EXPECT_NEAR(folded.bias[k] + mean, 2.0f * logits[k], 1e-4f) << k;
  }
}

TEST(CategoryVectorViewTest, TheTrainerKeepsTheViewWhenItHelpsOutOfFoldAndServesIt) {
  // Every food or service word is in one training sentence only, so out of
  // fold the hashed features never saw it; its vector says what it is.
  auto vectors = std::make_shared<const PretrainedVectors>(ToyVectors());
  auto analyzer = text::TextAnalyzer::Create(text::Language::kEnglish).value();
  SentimentModelConfig config;
  config.language = text::Language::kEnglish;
  config.features.buckets = 4096;
  config.dim = 8;
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  std::vector<TrainingExample> examples;
  for (std::size_t i = 0; i < kTrained; ++i) {
    for (const int category : {0, 1}) {
      const std::string text = Sentence((category == 0 ? kFood : kService)[i]);
      TrainingExample& e = examples.emplace_back();
      e.features = TextFeatures(*analyzer, config.features, text).value();
      e.polarity = Polarity::kPositive;
      e.categories = {category};
      e.vector_words = VectorWordIds(*vectors, analyzer->AnalyzeUnstemmed(text).value());
    }
  }
  TrainingOptions options;
  options.vectors = vectors;
  options.sentence_views.clear();
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(config, examples, options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const CategoryWordView& view = (*model)->config().category_word_view;
  ASSERT_FALSE(view.empty());
  EXPECT_EQ(view.words.size(), vectors->size());
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok());
  for (std::size_t i = kTrained; i < kFood.size(); ++i) {
    EXPECT_EQ((*predictor)->Predict(Sentence(kFood[i]))->categories, std::vector<int>{0})
        << kFood[i];
    EXPECT_EQ((*predictor)->Predict(Sentence(kService[i]))->categories, std::vector<int>{1})
        << kService[i];
  }

  // Without vectors there is no view.
  options.vectors = nullptr;
  model = TrainSentimentModel(config, examples, options);
  ASSERT_TRUE(model.ok());
  EXPECT_TRUE((*model)->config().category_word_view.empty());
}

}  // namespace
}  // namespace sobremesa::sentiment
