#include "models/sentiment/category_stacker.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "models/sentiment/random_model_test_util.h"
#include "models/sentiment/sentence_stacker.h"
#include "models/sentiment/sentiment_predictor.h"

namespace sobremesa::sentiment {
namespace {

TEST(CategoryStackerTest, InputsAreTheLogitsTheSentencesPolarityAndItsFacts) {
  const float categories[3] = {1.0f, -1.0f, -3.0f};  // probabilities 0.73, 0.27, 0.05
  const float sentence[kPolarities] = {0.0f, 0.0f, std::log(2.0f)};
  ASSERT_EQ(CategoryStackerWidth(3), 3 + kPolarities + 3);
  std::vector<float> inputs(CategoryStackerWidth(3));
  CategoryStackerInputs(categories, 3, sentence, {.features = 7, .contrast = true}, inputs.data());
  EXPECT_EQ(inputs[0], 1.0f);
  EXPECT_EQ(inputs[2], -3.0f);
  EXPECT_NEAR(inputs[3], 0.25f, 1e-6);  // softmax: 1, 1, 2 over 4
  EXPECT_NEAR(inputs[5], 0.5f, 1e-6);
  EXPECT_NEAR(inputs[6], std::log(8.0f), 1e-6);
  EXPECT_EQ(inputs[7], 1.0f);
  EXPECT_EQ(inputs[8], 2.0f);  // two categories reach kCategoryStackerLowCut
  CategoryStackerInputs(categories, 3, sentence, {}, inputs.data());
  EXPECT_EQ(inputs[6], 0.0f);
  EXPECT_EQ(inputs[7], 0.0f);
}

// Two categories: the first's logit is informative; the second is gold
// with the first in 80 % of its sentences and never without it, but its
// own logit is noise. A one-vs-rest threshold on that logit cannot find
// it; the stacker reads it off the first category's logit.
struct Toy {
  std::vector<float> inputs;
  std::vector<std::vector<int>> gold;
  std::vector<std::size_t> folds;
};
Toy CoOccurringCategories(int n) {
  std::mt19937 rng(3);
  std::normal_distribution<float> normal;
  std::bernoulli_distribution half(0.5), often(0.8);
  Toy toy;
  for (int i = 0; i < n; ++i) {
    std::vector<int>& gold = toy.gold.emplace_back();
    const bool first = half(rng);
    if (first) gold.push_back(0);
    if (first && often(rng)) gold.push_back(1);
    const float logits[2] = {(first ? 2.0f : -2.0f) + normal(rng), normal(rng) - 1.0f};
    const float sentence[kPolarities] = {normal(rng), normal(rng), normal(rng)};
    toy.inputs.resize(toy.inputs.size() + CategoryStackerWidth(2));
    CategoryStackerInputs(logits, 2, sentence, {.features = static_cast<std::size_t>(i % 20)},
                          toy.inputs.data() + toy.inputs.size() - CategoryStackerWidth(2));
    toy.folds.push_back(static_cast<std::size_t>(i % 4));
  }
  return toy;
}

std::vector<const std::vector<int>*> Pointers(const std::vector<std::vector<int>>& gold) {
  std::vector<const std::vector<int>*> pointers;
  for (const auto& g : gold) pointers.push_back(&g);
  return pointers;
}

// Accuracy of "category k's logit >= 0" against gold over the toy's rows.
double Accuracy(const std::vector<std::vector<float>>& scores, const Toy& toy, int k) {
  int right = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const bool gold = std::find(toy.gold[i].begin(), toy.gold[i].end(), k) != toy.gold[i].end();
    right += (scores[i][k] >= 0.0f) == gold;
  }
  return static_cast<double>(right) / static_cast<double>(scores.size());
}

TEST(CategoryStackerTest, LearnsACategoryFromTheOneItGoesWith) {
  const Toy toy = CoOccurringCategories(800);
  const std::vector<float> weights = FitCategoryStacker(toy.inputs, 2, Pointers(toy.gold));
  ASSERT_EQ(weights.size(), CategoryStackerWeights(2));
  const int width = CategoryStackerWidth(2);
  std::vector<std::vector<float>> first(toy.gold.size()), stacked(toy.gold.size());
  for (std::size_t i = 0; i < toy.gold.size(); ++i) {
    first[i].assign(toy.inputs.begin() + i * width, toy.inputs.begin() + i * width + 2);
    stacked[i].resize(2);
    StackedCategoryScores(weights, 2, toy.inputs.data() + i * width, stacked[i].data());
  }
  EXPECT_LT(Accuracy(first, toy, 1), 0.65);
  EXPECT_GT(Accuracy(stacked, toy, 1), 0.85);
  EXPECT_GT(Accuracy(stacked, toy, 0), 0.95);  // the informative one stays right
  // The second category's row leans on the largest other logit, the first's.
  EXPECT_GT(weights[kCategoryStackerRow + 1 + 1], 0.5f);
}

TEST(CategoryStackerTest, CrossFittedScoresComeFromTheOtherFolds) {
  const Toy toy = CoOccurringCategories(400);
  const auto gold = Pointers(toy.gold);
  const std::vector<std::vector<float>> crossfit =
      CrossFittedCategoryScores(toy.inputs, 2, gold, toy.folds);
  ASSERT_EQ(crossfit.size(), toy.gold.size());
  // Fold 2's rows are scored by a stacker fitted on folds 0, 1 and 3.
  const int width = CategoryStackerWidth(2);
  std::vector<float> others;
  std::vector<const std::vector<int>*> others_gold;
  for (std::size_t i = 0; i < gold.size(); ++i) {
    if (toy.folds[i] == 2) continue;
    others.insert(others.end(), toy.inputs.begin() + i * width,
                  toy.inputs.begin() + (i + 1) * width);
    others_gold.push_back(gold[i]);
  }
  const std::vector<float> weights = FitCategoryStacker(others, 2, others_gold);
  for (std::size_t i = 2; i < gold.size(); i += 4) {
    float scores[2];
    StackedCategoryScores(weights, 2, toy.inputs.data() + i * width, scores);
    EXPECT_EQ(crossfit[i][0], scores[0]);
    EXPECT_EQ(crossfit[i][1], scores[1]);
  }
  // Fitted on every row, the stacker gives the in-sample scores instead.
  const std::vector<float> all = FitCategoryStacker(toy.inputs, 2, gold);
  float in_sample[2];
  StackedCategoryScores(all, 2, toy.inputs.data() + 2 * width, in_sample);
  EXPECT_NE(crossfit[2][1], in_sample[1]);
  // One fold: nothing to cross-fit on.
  EXPECT_TRUE(CrossFittedCategoryScores(toy.inputs, 2, gold,
                                        std::vector<std::size_t>(gold.size(), 0))
                  .empty());
}

// A random Spanish model with a random category stacker leaning on the
// sentence's length and contrast: the predictor's categories are the
// model's from the facts the trainer computes (the number of features and
// the contrast among them), cold and warm word cache.
TEST(CategoryStackerTest, ThePredictorHandsTheStackerTheTrainersFacts) {
  SentimentModelConfig config;
  config.features.buckets = 1 << 12;
  config.dim = 8;
  config.categories = {"A", "B", "C", "D"};
  GaussianDraws random(7);
  config.category_stacker = random(CategoryStackerWeights(4));
  // Category 0 on long sentences, category 3 on contrasts (a row: own
  // logit, largest other, polarity probabilities, log length, contrast,
  // possible categories, bias).
  const int row = kCategoryStackerRow + 1;
  config.category_stacker[2 + kPolarities] = 3.0f;
  config.category_stacker[kCategoryStackerRow] = -9.0f;
  config.category_stacker[3 * row + 2 + kPolarities + 1] = 8.0f;
  config.category_stacker[3 * row + kCategoryStackerRow] = -4.0f;
  auto created = SentimentModel::Create(config, RandomWeights(config, random));
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const std::shared_ptr<const SentimentModel> model = std::move(*created);
  auto predictor = SentimentPredictor::Create(model);
  ASSERT_TRUE(predictor.ok());
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  const std::vector<std::uint32_t> contrast_ids = ContrastFeatureIds(**analyzer, config.features);
  std::vector<float> hidden(model->row_width());
  int differs = 0;
  for (const char* text :
       {"el ceviche estaba delicioso pero el servicio no fue nada bueno", "rico aunque caro",
        "el lomo saltado muy rico", "mala", "", "caro, sin embargo volveremos"}) {
    for (int pass = 0; pass < 2; ++pass) {  // cold, then warm word cache
      const auto ids = TextFeatures(**analyzer, config.features, text).value();
      model->Embed(ids, hidden.data());
      const SentenceFacts facts{ids.size(), HasContrast(ids, contrast_ids)};
      const auto p = (*predictor)->Predict(text);
      ASSERT_TRUE(p.ok());
      EXPECT_EQ(p->categories, model->Categories(hidden.data(), facts)) << text;
      differs += model->Categories(hidden.data(), facts) != model->Categories(hidden.data());
    }
  }
  EXPECT_GT(differs, 0);  // the facts matter to this stacker
}

}  // namespace
}  // namespace sobremesa::sentiment
