#include "models/sentiment/sentiment_predictor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>

#include "models/sentiment/random_model_test_util.h"

namespace sobremesa::sentiment {
namespace {

// A model with random weights, so every feature moves the scores, and a
// lexicon holding words of kTexts (plain and negated), whose bin features
// the cached words must carry too.
std::shared_ptr<const SentimentModel> RandomModel(bool wide, int category_dim) {
  SentimentModelConfig config;
  config.features.buckets = 1 << 12;
  config.features.lexicon = std::make_shared<const text::SentimentLexicon>(
      text::SentimentLexicon::FromBins({{"delici", 3}, {"buen", 2}, {"mal", -2}, {"ric", 1}})
          .value());
  config.dim = 8;
  config.category_dim = category_dim;
  config.wide_categories = wide;
  config.categories = {"A", "B", "C", "D"};
  config.category_thresholds = {0.5f, 0.4f, 0.6f, 0.5f};
  const int c = 4, width = 8 + category_dim + (wide ? c : 0);
  GaussianDraws random(7);
  SentimentModel::Weights w{random(config.features.buckets * width), random(3 * 8 + 3),
                            random(c * (category_dim > 0 ? category_dim : 8) + c),
                            random(3 * c * 8 + 3 * c)};
  auto model = SentimentModel::Create(config, w);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  return std::move(*model);
}

const char* const kTexts[] = {
    "",
    "el ceviche estaba delicioso pero el servicio no fue nada bueno",
    "El CEBICHE estaba delicioso!!! 😍😍",
    "no estuvo nada mal, la leche de tigre muy rica",
    "ceviche ceviche ceviche",
    "precio: 120 soles; el mozo, amabilísimo",
};

TEST(SentimentPredictorTest, CachedWordsPredictAsTheFeaturesDo) {
  for (const bool wide : {false, true}) {
    for (const int category_dim : {0, 6}) {
      const auto model = RandomModel(wide, category_dim);
      auto predictor = SentimentPredictor::Create(model);
      ASSERT_TRUE(predictor.ok());
      auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
      std::vector<float> hidden(model->row_width());
      for (int pass = 0; pass < 2; ++pass) {  // cold, then warm cache
        for (const char* text : kTexts) {
          const auto ids = TextFeatures(**analyzer, model->config().features, text);
          ASSERT_TRUE(ids.ok());
          model->Embed(*ids, hidden.data());
          const auto p = (*predictor)->Predict(text);
          ASSERT_TRUE(p.ok());
          EXPECT_EQ(p->polarity, model->SentencePolarity(hidden.data())) << text;
          EXPECT_EQ(p->categories, model->Categories(hidden.data())) << text;
          ASSERT_EQ(p->category_polarities.size(), p->categories.size());
          for (std::size_t i = 0; i < p->categories.size(); ++i) {
            EXPECT_EQ(p->category_polarities[i],
                      model->CategoryPolarity(hidden.data(), p->categories[i]));
          }
        }
      }
    }
  }
}

TEST(SentimentPredictorTest, KeepsPredictingAfterTheCacheFills) {
  const auto model = RandomModel(false, 0);
  auto predictor = SentimentPredictor::Create(model);
  ASSERT_TRUE(predictor.ok());
  const auto before = (*predictor)->Predict(kTexts[1]);
  ASSERT_TRUE(before.ok());
  std::string words;
  for (std::size_t i = 0; i <= SentimentPredictor::kMaxCachedWords; ++i) {
    words += 'w';
    words += std::to_string(i);
    words += ' ';
    if (words.size() > 4000) {
      ASSERT_TRUE((*predictor)->Predict(words).ok());
      words.clear();
    }
  }
  ASSERT_TRUE((*predictor)->Predict(words).ok());
  const auto after = (*predictor)->Predict(kTexts[1]);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->categories, before->categories);
  EXPECT_EQ(after->polarity, before->polarity);
}

// With a target, the opinion's logits are (1 - share) x the sentence's +
// share x those of the target's clause ("pero" ends the other one).
TEST(SentimentPredictorTest, TargetReadBlendsTheSentenceWithTheTargetsClause) {
  const auto model = RandomModel(true, 0);
  auto predictor = SentimentPredictor::Create(model);
  ASSERT_TRUE(predictor.ok());
  SentimentPredictor& p = **predictor;
  EXPECT_EQ(p.target_read().clause_share,
            DefaultTargetRead(model->config().language).clause_share);
  const std::string text = kTexts[1];
  const std::string clause = " el servicio no fue nada bueno";
  const std::size_t at = text.find("servicio");
  const TextSpan target{at, at + 8};
  auto analyzer = text::TextAnalyzer::Create(model->config().language);
  const auto scores = [&](const std::string& t, int c) {
    std::vector<float> hidden(model->row_width());
    model->Embed(TextFeatures(**analyzer, model->config().features, t).value(), hidden.data());
    std::array<float, kPolarities> s;
    model->CategoryPolarityScores(hidden.data(), c, s.data());
    return s;
  };
  int differs = 0;  // categories whose clause and sentence disagree
  for (int c = 0; c < 4; ++c) {
    const auto whole = scores(text, c), own = scores(clause, c);
    for (const float share : {0.0f, 0.4f, 1.0f}) {
      p.set_target_read({share});
      std::array<float, kPolarities> blend;
      for (int k = 0; k < kPolarities; ++k) blend[k] = (1 - share) * whole[k] + share * own[k];
      const auto expected =
          static_cast<Polarity>(std::max_element(blend.begin(), blend.end()) - blend.begin());
      EXPECT_EQ(p.PredictCategoryPolarity(text, c, target).value(), expected) << c << share;
    }
    differs += p.PredictCategoryPolarity(text, c, target).value() !=
               p.PredictCategoryPolarity(text, c).value();
    // A clause that is the whole text reads as the text.
    EXPECT_EQ(p.PredictCategoryPolarity(kTexts[4], c, {0, 7}).value(),
              p.PredictCategoryPolarity(kTexts[4], c).value());
  }
  EXPECT_GT(differs, 0);  // the random model reads the two texts differently somewhere
  EXPECT_EQ(p.PredictCategoryPolarity("rico", 0, {2, 9}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(p.PredictCategoryPolarity("rico", 0, {3, 2}).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(p.PredictCategoryPolarity("rico", 9, {0, 4}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentPredictorTest, BadInputIsAnErrorOrUnknownNeverACrash) {
  auto predictor = SentimentPredictor::Create(RandomModel(true, 0));
  ASSERT_TRUE(predictor.ok());
  EXPECT_TRUE((*predictor)->Predict("").ok());
  EXPECT_EQ((*predictor)->Predict("bad \xC3\x28 utf8").status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_FALSE((*predictor)->Predict(std::string(2 << 20, 'a')).ok());  // over the size limit
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary.push_back(static_cast<char>(i * 37 % 128));
  EXPECT_TRUE((*predictor)->Predict(binary).ok());
  EXPECT_TRUE((*predictor)->Predict(std::string(100000, 'x')).ok());  // one huge word
  EXPECT_EQ((*predictor)->PredictCategoryPolarity("rico", 9).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::sentiment
