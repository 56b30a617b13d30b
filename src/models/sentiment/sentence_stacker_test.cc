#include "models/sentiment/sentence_stacker.h"

#include <gtest/gtest.h>

#include <random>

#include "models/sentiment/random_model_test_util.h"
#include "models/sentiment/sentiment_predictor.h"

namespace sobremesa::sentiment {
namespace {

TEST(SentenceStackerTest, EvidenceKeepsTheLargestPositiveAndNegativeProbabilities) {
  SentenceEvidence evidence;
  const float praise[kPolarities] = {0.0f, 0.0f, 2.0f};
  const float complaint[kPolarities] = {3.0f, 0.0f, 0.0f};
  evidence.AddCategory(praise);
  evidence.AddCategory(complaint);
  EXPECT_EQ(evidence.categories, 2);
  EXPECT_NEAR(evidence.max_positive, std::exp(2.0f) / (std::exp(2.0f) + 2.0f), 1e-6);
  EXPECT_NEAR(evidence.max_negative, std::exp(3.0f) / (std::exp(3.0f) + 2.0f), 1e-6);
  const float logits[kPolarities] = {0.5f, -1.0f, 2.0f};
  evidence.contrast = true;
  const StackerInputs inputs = StackerInputsOf(logits, evidence);
  EXPECT_EQ(inputs[3], 1.0f);
  EXPECT_EQ(inputs[6], 2.0f);  // contrast x positive logit
  EXPECT_EQ(inputs[9], std::min(evidence.max_positive, evidence.max_negative));
  EXPECT_EQ(inputs[10], 2.0f);
}

// Sentences whose logits say one thing, but which are mixed (neutral) when
// they have a contrast word and praise and complaint among their
// categories: what the sentence head misses and the stacker should learn.
struct Toy {
  std::vector<StackerInputs> inputs;
  std::vector<Polarity> gold, head;
  std::vector<std::size_t> folds;
};
Toy MixedSentences(int n) {
  std::mt19937 rng(11);
  std::normal_distribution<float> normal;
  std::bernoulli_distribution coin(0.3);
  Toy toy;
  for (int i = 0; i < n; ++i) {
    float logits[kPolarities] = {normal(rng), normal(rng) - 1.0f, normal(rng)};
    SentenceEvidence evidence{.contrast = coin(rng)};
    const bool mixed = evidence.contrast && coin(rng);
    const float praise[kPolarities] = {0.0f, 0.0f, mixed ? 3.0f : 0.0f};
    const float complaint[kPolarities] = {mixed ? 3.0f : 0.0f, 0.0f, 0.0f};
    evidence.AddCategory(praise);
    evidence.AddCategory(complaint);
    const auto head = static_cast<Polarity>(std::max_element(logits, logits + kPolarities) - logits);
    toy.inputs.push_back(StackerInputsOf(logits, evidence));
    toy.gold.push_back(mixed ? Polarity::kNeutral : head);
    toy.head.push_back(head);
    toy.folds.push_back(static_cast<std::size_t>(i % 4));
  }
  return toy;
}

TEST(SentenceStackerTest, LearnsMixedSentencesTheLogitsMiss) {
  const Toy toy = MixedSentences(400);
  const std::vector<float> weights = FitSentenceStacker(toy.inputs, toy.gold);
  ASSERT_EQ(weights.size(), kStackerWeights);
  std::vector<Polarity> stacked;
  for (const StackerInputs& x : toy.inputs) stacked.push_back(StackedPolarity(weights, x));
  const PolarityScores with = ScorePolarities(toy.gold, stacked);
  const PolarityScores without = ScorePolarities(toy.gold, toy.head);
  EXPECT_LT(without.accuracy, 0.95);
  EXPECT_GT(with.accuracy, 0.95);
  EXPECT_GT(with.macro_f1, without.macro_f1);
}

TEST(SentenceStackerTest, IsKeptOnlyWhenCrossFittingBeatsTheBaseline) {
  const Toy toy = MixedSentences(400);
  EXPECT_EQ(ChooseSentenceStacker(toy.inputs, toy.gold, toy.folds, toy.head).size(),
            kStackerWeights);
  // A baseline that is always right cannot be beaten.
  EXPECT_TRUE(ChooseSentenceStacker(toy.inputs, toy.gold, toy.folds, toy.gold).empty());
  // One fold: nothing to cross-fit on.
  EXPECT_TRUE(ChooseSentenceStacker(toy.inputs, toy.gold,
                                    std::vector<std::size_t>(toy.inputs.size(), 0), toy.head)
                  .empty());
}

TEST(SentenceStackerTest, FindsContrastWordsAmongASentencesFeatures) {
  FeatureOptions features;
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  ASSERT_TRUE(analyzer.ok());
  const std::vector<std::uint32_t> ids = ContrastFeatureIds(**analyzer, features);
  EXPECT_FALSE(ids.empty());
  const auto has = [&](const char* text) {
    return HasContrast(TextFeatures(**analyzer, features, text).value(), ids);
  };
  EXPECT_TRUE(has("La comida buena, PERO el servicio lento"));
  EXPECT_TRUE(has("rico aunque caro"));
  EXPECT_TRUE(has("sin embargo volveremos"));
  EXPECT_FALSE(has("la comida buena y el servicio rápido"));
  EXPECT_FALSE(HasContrast(TextFeatures(**analyzer, features, "pero").value(), {}));
  auto english = text::TextAnalyzer::Create(text::Language::kEnglish);
  const std::vector<std::uint32_t> english_ids = ContrastFeatureIds(**english, features);
  EXPECT_TRUE(HasContrast(TextFeatures(**english, features, "Tasty, but pricey").value(),
                          english_ids));
  EXPECT_FALSE(HasContrast(TextFeatures(**english, features, "Tasty and cheap").value(),
                           english_ids));
}

// A random Spanish model with a random stacker: the predictor's sentence
// polarity is the model's from the evidence the trainer computes (the
// contrast from the sentence's features, every detected category's
// polarity logits), for sentences with and without a contrast word.
TEST(SentenceStackerTest, ThePredictorHandsTheStackerTheTrainersEvidence) {
  SentimentModelConfig config;
  config.features.buckets = 1 << 12;
  config.dim = 8;
  config.categories = {"A", "B", "C", "D"};
  config.category_threshold = 0.3f;
  GaussianDraws random(5);
  config.sentence_stacker = random(kStackerWeights);
  const int row = kStackerInputs + 1;
  config.sentence_stacker[static_cast<int>(Polarity::kNeutral) * row + 3] = 4.0f;  // contrast
  auto created = SentimentModel::Create(config, RandomWeights(config, random));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const std::shared_ptr<const SentimentModel> model = std::move(*created);
  auto predictor = SentimentPredictor::Create(model);
  ASSERT_TRUE(predictor.ok());
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  const std::vector<std::uint32_t> contrast_ids = ContrastFeatureIds(**analyzer, config.features);
  std::vector<float> hidden(model->row_width());
  int contrasts = 0, differs = 0;
  for (const char* text :
       {"el ceviche estaba delicioso pero el servicio no fue nada bueno", "rico aunque caro",
        "el lomo saltado muy rico", "la atención fue mala", "", "caro, sin embargo volveremos"}) {
    for (int pass = 0; pass < 2; ++pass) {  // cold, then warm word cache
      const auto ids = TextFeatures(**analyzer, config.features, text).value();
      model->Embed(ids, hidden.data());
      SentenceEvidence evidence{.contrast = HasContrast(ids, contrast_ids)};
      std::vector<Polarity> polarities;
      for (const int k : model->Categories(hidden.data())) {
        float scores[kPolarities];
        model->CategoryPolarityScores(hidden.data(), k, scores);
        evidence.AddCategory(scores);
        polarities.push_back(model->CategoryPolarity(hidden.data(), k));
      }
      const auto p = (*predictor)->Predict(text);
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->polarity, model->SentencePolarity(hidden.data(), polarities, evidence)) << text;
      contrasts += evidence.contrast;
      differs += model->SentencePolarity(hidden.data(), polarities) !=
                 model->SentencePolarity(hidden.data(), polarities, evidence);
    }
  }
  EXPECT_EQ(contrasts, 6);
  EXPECT_GT(differs, 0);  // the evidence matters to this stacker
}

}  // namespace
}  // namespace sobremesa::sentiment
