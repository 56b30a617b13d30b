#include "models/sentiment/sentiment_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "models/sentiment/sentiment_predictor.h"

namespace sobremesa::sentiment {
namespace {

struct Labelled {
  std::string text;
  Polarity polarity;
  int category;  // 0 food, 1 service
};

const Labelled kToy[] = {
    {"el ceviche estaba delicioso", Polarity::kPositive, 0},
    {"la comida muy rica y fresca", Polarity::kPositive, 0},
    {"el pescado estaba horrible y salado", Polarity::kNegative, 0},
    {"comida fría y sin sabor", Polarity::kNegative, 0},
    {"el mozo fue muy amable", Polarity::kPositive, 1},
    {"atención rápida y amable", Polarity::kPositive, 1},
    {"el camarero fue grosero y lento", Polarity::kNegative, 1},
    {"pésima atención, nos ignoraron", Polarity::kNegative, 1},
};

SentimentModelConfig ToyConfig() {
  SentimentModelConfig config;
  config.features.buckets = 4096;
  config.dim = 16;
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  return config;
}

std::vector<TrainingExample> ToyExamples() {
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  std::vector<TrainingExample> examples;
  for (int copy = 0; copy < 4; ++copy) {
    for (const Labelled& l : kToy) {
      auto ids = TextFeatures(**analyzer, ToyConfig().features, l.text);
      examples.push_back({*ids, l.polarity, {l.category}, {{l.category, l.polarity}}});
    }
  }
  return examples;
}

// Every toy sentence, read by a predictor of `model`, comes out with its own
// category, and with its own polarity when `polarity_too`.
void ExpectToyLabels(std::unique_ptr<SentimentModel> model, bool polarity_too) {
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(model)));
  ASSERT_TRUE(predictor.ok()) << predictor.status().ToString();
  for (const Labelled& l : kToy) {
    StatusOr<SentencePrediction> p = (*predictor)->Predict(l.text);
    ASSERT_TRUE(p.ok());
    if (polarity_too) EXPECT_EQ(PolarityName(p->polarity), PolarityName(l.polarity)) << l.text;
    EXPECT_EQ(p->categories, std::vector<int>{l.category}) << l.text;
  }
}

// Each toy sentence's opinion polarity (Slot 3: its gold category given).
void ExpectToyOpinionPolarities(std::unique_ptr<SentimentModel> model) {
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(model)));
  ASSERT_TRUE(predictor.ok()) << predictor.status().ToString();
  for (const Labelled& l : kToy) {
    StatusOr<Polarity> p = (*predictor)->PredictCategoryPolarity(l.text, l.category);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(PolarityName(*p), PolarityName(l.polarity)) << l.text;
  }
}

TEST(SentimentTrainerTest, LearnsPolarityAndCategoriesOfATinyCorpus) {
  TrainingOptions options;
  options.epochs = 30;
  options.threshold_folds = 0;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok());
  for (const Labelled& l : kToy) {
    StatusOr<SentencePrediction> p = (*predictor)->Predict(l.text);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(PolarityName(p->polarity), PolarityName(l.polarity)) << l.text;
    EXPECT_EQ(p->categories, std::vector<int>{l.category}) << l.text;
    StatusOr<Polarity> cp = (*predictor)->PredictCategoryPolarity(l.text, l.category);
    ASSERT_TRUE(cp.ok());
    EXPECT_EQ(PolarityName(*cp), PolarityName(l.polarity)) << l.text;
  }
}

TEST(SentimentTrainerTest, AnEnsembleIsOneWiderModelThatStillLearns) {
  TrainingOptions options;
  options.epochs = 30;
  options.threshold_folds = 0;
  options.ensemble = 2;
  options.sentence_views.clear();  // an ensemble cannot hold one
  options.category_polarity_view_weights.clear();
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((*model)->dim(), 2 * ToyConfig().dim);
  ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  SentimentModelConfig wide = ToyConfig();
  wide.wide_categories = true;
  EXPECT_EQ(TrainSentimentModel(wide, ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
  SentimentModelConfig own_sentence = ToyConfig();
  own_sentence.sentence_dim = 8;
  EXPECT_EQ(TrainSentimentModel(own_sentence, ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, OwnCategoryAndSentenceEmbeddingsStillLearn) {
  TrainingOptions options;
  options.epochs = 30;
  options.threshold_folds = 0;
  SentimentModelConfig config = ToyConfig();
  config.category_dim = 8;
  config.sentence_dim = 8;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(config, ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((*model)->row_width(), ToyConfig().dim + 16);
  ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
}

TEST(SentimentTrainerTest, AuxiliaryExamplesDoNotTeachThatTheirSentencesHaveNoCategory) {
  // Three times the toy corpus again, labelled only in another scheme (one
  // coarse category for all). Read as "no category", they would outvote
  // the labelled copies and nothing would be detected.
  std::vector<TrainingExample> examples = ToyExamples();
  const std::size_t labelled = examples.size();
  for (int copy = 0; copy < 3; ++copy) {
    for (std::size_t i = 0; i < labelled; ++i) {
      TrainingExample e = examples[i];
      e.categories.clear();
      e.categories_known = false;
      e.auxiliary_categories = {0};
      examples.push_back(std::move(e));
    }
  }
  TrainingOptions options;
  options.epochs = 30;
  options.threshold_folds = 0;  // the config's 0.5: fold thresholds could hide the outvoting
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), examples, options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  ExpectToyLabels(std::move(*model), /*polarity_too=*/false);
  // An example is labelled in one scheme only.
  TrainingExample both = examples.front();
  both.auxiliary_categories = {0};
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), {both}, options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, ChoosesThresholdsOnFoldsOrOneHeldOutShare) {
  for (const auto& [folds, holdout] : {std::pair{4, 0.0}, std::pair{0, 0.25}, std::pair{0, 0.0}}) {
    TrainingOptions options;
    options.epochs = 10;
    options.threshold_folds = folds;
    options.threshold_holdout = holdout;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(ToyConfig(), ToyExamples(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    const bool chosen = folds >= 2 || holdout > 0;
    EXPECT_EQ((*model)->config().category_thresholds.size(), chosen ? 2u : 0u)
        << folds << " folds, holdout " << holdout;
  }
}

TEST(SentimentTrainerTest, ASingleSentenceSourceIsKeptAndSeveralAreChosenAmong) {
  using Source = SentenceSource;
  const struct {
    std::vector<Source> sources;
    int folds;
  } cases[] = {
      {{Source::kCategories}, 0},
      {{Source::kHeadOrMixed}, 4},
      {{Source::kCategories, Source::kHead}, 0},  // no folds: the first
      {{Source::kHead, Source::kCategories, Source::kHeadOrMixed}, 4},
  };
  for (const auto& c : cases) {
    TrainingOptions options;
    options.epochs = 30;
    options.threshold_folds = c.folds;
    options.sentence_sources = c.sources;
    options.sentence_class_balance = 1.0f;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(ToyConfig(), ToyExamples(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    const Source got = (*model)->config().sentence_source;
    if (c.sources.size() == 1 || c.folds == 0) {
      EXPECT_EQ(got, c.sources.front());
    } else {
      EXPECT_NE(std::find(c.sources.begin(), c.sources.end(), got), c.sources.end());
    }
    // Every toy sentence has one opinion of its own polarity, so each
    // source reads it right.
    if (c.folds == 0) ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  }
  TrainingOptions none;
  none.sentence_sources.clear();
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), ToyExamples(), none).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, TheSentenceViewAloneLearnsATinyCorpus) {
  const std::vector<TrainingExample> examples = ToyExamples();
  std::vector<const TrainingExample*> data;
  for (const TrainingExample& e : examples) data.push_back(&e);
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  for (const bool naive_bayes : {true, false}) {
    SentenceViewOptions options;
    options.naive_bayes = naive_bayes;
    const SentenceView view = FitSentenceView(data, ToyConfig().features.buckets, options);
    ASSERT_EQ(view.weights.size(), std::size_t{ToyConfig().features.buckets} * kPolarities);
    for (const Labelled& l : kToy) {
      const auto logits = view.Logits(*TextFeatures(**analyzer, ToyConfig().features, l.text));
      const auto largest = std::max_element(logits.begin(), logits.end()) - logits.begin();
      EXPECT_EQ(largest, static_cast<int>(l.polarity)) << l.text << " nb " << naive_bayes;
    }
  }
}

TEST(SentimentTrainerTest, KeepsTheSentenceViewWhenItBeatsTheHeadOutOfFold) {
  // No epochs: the heads keep their random start, so out of fold only the
  // view gets the polarities right, and it is kept, its logits in the rows.
  TrainingOptions options;
  options.epochs = 0;
  options.sentence_views = {SentenceViewOptions{}};
  options.sentence_view_weights = {1.0f};
  options.category_polarity_view_weights.clear();  // the row holds the sentence view alone
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE((*model)->config().sentence_wide);
  EXPECT_EQ((*model)->row_width(), ToyConfig().dim + kPolarities);
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok());
  for (const Labelled& l : kToy) {
    StatusOr<SentencePrediction> p = (*predictor)->Predict(l.text);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(PolarityName(p->polarity), PolarityName(l.polarity)) << l.text;
  }
  // The trainer sets sentence_wide itself, and an ensemble cannot hold a view.
  SentimentModelConfig preset = ToyConfig();
  preset.sentence_wide = true;
  EXPECT_EQ(TrainSentimentModel(preset, ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
  options.ensemble = 2;
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, AFoldBaggedSentenceHeadIsFoldedIntoTheRowsAndStillLearns) {
  for (const SentenceBagging bagging : {SentenceBagging::kFolds, SentenceBagging::kFoldsAndFinal}) {
    TrainingOptions options;
    options.epochs = 30;
    options.sentence_bagging = bagging;
    SentimentModelConfig config = ToyConfig();
    config.sentence_dim = 8;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(config, ToyExamples(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    // The own sentence embedding is gone: its heads' logits are 3 floats a row.
    EXPECT_EQ((*model)->config().sentence_dim, 0);
    EXPECT_TRUE((*model)->config().sentence_wide);
    EXPECT_EQ((*model)->row_width(), ToyConfig().dim + kPolarities);
    ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  }
  // No folds: nothing to bag, the final fit's head is served as it is.
  TrainingOptions options;
  options.epochs = 30;
  options.threshold_folds = 0;
  options.sentence_bagging = SentenceBagging::kFolds;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_FALSE((*model)->config().sentence_wide);
  options.ensemble = 2;
  options.sentence_views.clear();
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, KeepsASentenceStackerWhenItBeatsTheHeadOutOfFold) {
  // Mixed sentences (neutral gold: praise and complaint) joined by "pero";
  // no epochs, so the head keeps its random start and out of fold only a
  // stacker reading the contrast word gets them right.
  const char* const kMixed[] = {"el ceviche delicioso pero el mozo grosero",
                                "la comida fría pero la atención amable"};
  std::vector<TrainingExample> examples = ToyExamples();
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  for (int copy = 0; copy < 8; ++copy) {
    for (const char* text : kMixed) {
      examples.push_back({TextFeatures(**analyzer, ToyConfig().features, text).value(),
                          Polarity::kNeutral,
                          {0, 1},
                          {{0, Polarity::kPositive}, {1, Polarity::kNegative}}});
    }
  }
  TrainingOptions options;
  options.epochs = 0;
  options.sentence_views.clear();
  options.category_polarity_view_weights.clear();
  options.sentence_stacker = true;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), examples, options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((*model)->config().sentence_stacker.size(), kStackerWeights);
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok());
  for (const char* text : kMixed) {
    StatusOr<SentencePrediction> p = (*predictor)->Predict(text);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(PolarityName(p->polarity), "neutral") << text;
  }
  // Off, or no folds to choose it on: no stacker.
  options.sentence_stacker = false;
  EXPECT_TRUE(TrainSentimentModel(ToyConfig(), examples, options)
                  .value()
                  ->config()
                  .sentence_stacker.empty());
  options.sentence_stacker = true;
  options.threshold_folds = 0;
  EXPECT_TRUE(TrainSentimentModel(ToyConfig(), examples, options)
                  .value()
                  ->config()
                  .sentence_stacker.empty());
}

TEST(SentimentTrainerTest, KeepsACategoryStackerWhenItBeatsTheFirstStageOutOfFold) {
  // Every sentence speaks of food; those with "pero" of service too. No
  // epochs, so the category head keeps its random start and out of fold
  // only a stacker reading the contrast word finds service.
  const char* const kPlain[] = {"el ceviche delicioso", "la comida fría y salada"};
  const char* const kContrast[] = {"el ceviche delicioso pero lento",
                                   "rica aunque tardaron mucho"};
  std::vector<TrainingExample> examples;
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  for (int copy = 0; copy < 16; ++copy) {
    for (const char* text : kPlain) {
      examples.push_back({TextFeatures(**analyzer, ToyConfig().features, text).value(),
                          Polarity::kPositive, {0}, {{0, Polarity::kPositive}}});
    }
    for (const char* text : kContrast) {
      examples.push_back({TextFeatures(**analyzer, ToyConfig().features, text).value(),
                          Polarity::kNeutral, {0, 1}, {{0, Polarity::kPositive}}});
    }
  }
  TrainingOptions options;
  options.epochs = 0;
  options.sentence_views.clear();
  options.category_polarity_view_weights.clear();
  options.category_stacker = true;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), examples, options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_EQ((*model)->config().category_stacker.size(), CategoryStackerWeights(2));
  auto predictor =
      SentimentPredictor::Create(std::shared_ptr<const SentimentModel>(std::move(*model)));
  ASSERT_TRUE(predictor.ok());
  for (const char* text : kPlain) {
    EXPECT_EQ((*predictor)->Predict(text).value().categories, std::vector<int>{0}) << text;
  }
  for (const char* text : kContrast) {
    EXPECT_EQ((*predictor)->Predict(text).value().categories, (std::vector<int>{0, 1})) << text;
  }
  // Off, or no folds to choose it on: no stacker.
  options.category_stacker = false;
  EXPECT_TRUE(TrainSentimentModel(ToyConfig(), examples, options)
                  .value()
                  ->config()
                  .category_stacker.empty());
  options.category_stacker = true;
  options.threshold_folds = 0;
  EXPECT_TRUE(TrainSentimentModel(ToyConfig(), examples, options)
                  .value()
                  ->config()
                  .category_stacker.empty());
}

TEST(SentimentTrainerTest, AFoldBaggedCategoryHeadIsFoldedIntoTheRowsAndStillLearns) {
  for (const FoldBagging bagging : {FoldBagging::kFolds, FoldBagging::kFoldsAndFinal}) {
    TrainingOptions options;
    options.epochs = 30;
    options.sentence_views.clear();
    options.category_polarity_view_weights.clear();
    options.category_bagging = bagging;
    options.sentence_bagging = bagging;
    SentimentModelConfig config = ToyConfig();
    config.category_dim = 8;
    config.sentence_dim = 8;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(config, ToyExamples(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    // Both own embeddings are gone: the heads' logits are C + 3 floats a row.
    EXPECT_EQ((*model)->config().category_dim, 0);
    EXPECT_TRUE((*model)->config().wide_categories);
    EXPECT_EQ((*model)->config().sentence_dim, 0);
    EXPECT_EQ((*model)->row_width(), ToyConfig().dim + 2 + kPolarities);
    ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  }
  // A shared category head (no own embedding) bagged alone: the row gains
  // its C logits, and the category head reads nothing else.
  TrainingOptions options;
  options.epochs = 30;
  options.sentence_views.clear();
  options.category_polarity_view_weights.clear();
  options.category_bagging = FoldBagging::kFolds;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE((*model)->config().wide_categories);
  EXPECT_FALSE((*model)->config().sentence_wide);
  EXPECT_EQ((*model)->row_width(), ToyConfig().dim + 2);
  ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  options.ensemble = 2;
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, EveryHeadFoldedLeavesNoSharedEmbeddingAndStillLearns) {
  for (const FoldBagging bagging : {FoldBagging::kFolds, FoldBagging::kFoldsAndFinal}) {
    TrainingOptions options;
    options.epochs = 30;
    options.category_bagging = bagging;
    options.sentence_bagging = bagging;
    options.category_polarity_bagging = bagging;
    SentimentModelConfig config = ToyConfig();
    config.category_dim = 8;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(config, ToyExamples(), options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    const SentimentModelConfig& c = (*model)->config();
    EXPECT_EQ(c.dim, 0);
    EXPECT_TRUE(c.category_polarity_folded);
    // C category logits, 3 sentence logits, the opinion view's 3 if kept,
    // 3C category-polarity logits.
    EXPECT_EQ((*model)->row_width(),
              2 + kPolarities + (c.category_polarity_wide ? kPolarities : 0) + 2 * kPolarities);
    ExpectToyOpinionPolarities(std::make_unique<SentimentModel>(**model));
    ExpectToyLabels(std::move(*model), /*polarity_too=*/true);
  }
}

TEST(SentimentTrainerTest, KeepsTheOpinionViewWhenItBeatsTheHeadOutOfFold) {
  // No epochs: the heads keep their random start, so out of fold only the
  // opinion view gets the opinions' polarities right, and it is kept, its
  // logits in the rows after the embedding.
  TrainingOptions options;
  options.epochs = 0;
  options.sentence_views.clear();
  options.category_polarity_sentence_weights.clear();
  options.category_polarity_view_weights = {1.0f};
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(ToyConfig(), ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE((*model)->config().category_polarity_wide);
  EXPECT_FALSE((*model)->config().sentence_wide);
  EXPECT_EQ((*model)->row_width(), ToyConfig().dim + kPolarities);
  ExpectToyOpinionPolarities(std::move(*model));
  // The trainer sets category_polarity_wide itself, and an ensemble cannot
  // hold the view.
  SentimentModelConfig preset = ToyConfig();
  preset.category_polarity_wide = true;
  EXPECT_EQ(TrainSentimentModel(preset, ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
  options.ensemble = 2;
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), ToyExamples(), options).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentimentTrainerTest, ABaggedSentenceHeadKeepsTheOpinionViewLastInTheRow) {
  // Spanish trains both: the bagged sentence logits go before the opinion
  // view's columns, and each part is still read where it belongs.
  TrainingOptions options;
  options.epochs = 0;  // as above: out of fold only the opinion view is right
  options.sentence_views.clear();
  options.category_polarity_sentence_weights.clear();
  options.category_polarity_view_weights = {1.0f};
  options.sentence_bagging = SentenceBagging::kFolds;
  SentimentModelConfig config = ToyConfig();
  config.sentence_dim = 8;
  StatusOr<std::unique_ptr<SentimentModel>> model =
      TrainSentimentModel(config, ToyExamples(), options);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE((*model)->config().sentence_wide);
  EXPECT_TRUE((*model)->config().category_polarity_wide);
  EXPECT_EQ((*model)->config().sentence_dim, 0);
  EXPECT_EQ((*model)->row_width(), ToyConfig().dim + 2 * kPolarities);
  ExpectToyOpinionPolarities(std::move(*model));
}

TEST(SentimentTrainerTest, LexiconRowsCanBeKeptOutOfTheSentenceEmbedding) {
  SentimentModelConfig config = ToyConfig();
  config.sentence_dim = 8;
  config.features.lexicon = std::make_shared<const text::SentimentLexicon>(
      text::SentimentLexicon::FromBins({{"delici", 3}, {"horribl", -3}, {"amabl", 2}}).value());
  std::vector<TrainingExample> examples;
  auto analyzer = text::TextAnalyzer::Create(text::Language::kSpanish);
  for (const Labelled& l : kToy) {
    examples.push_back({*TextFeatures(**analyzer, config.features, l.text), l.polarity,
                        {l.category}, {{l.category, l.polarity}}});
  }
  const std::vector<std::uint32_t> lexicon_ids = LexiconFeatureIds(config.features);
  ASSERT_EQ(lexicon_ids.size(), 12u);
  for (const bool in_head : {true, false}) {
    TrainingOptions options;
    options.epochs = 10;
    options.threshold_folds = 0;
    options.sentence_views.clear();
    options.lexicon_in_sentence_head = in_head;
    StatusOr<std::unique_ptr<SentimentModel>> model =
        TrainSentimentModel(config, examples, options);
    ASSERT_TRUE(model.ok()) << model.status().ToString();
    // The sentence slice of the bin features' rows: left at 0 (neither
    // initialised nor trained) when kept out.
    float sum = 0.0f;
    for (const std::uint32_t id : lexicon_ids) {
      const float* row = (*model)->EmbeddingRow(id) + config.dim;
      for (int d = 0; d < config.sentence_dim; ++d) sum += std::abs(row[d]);
    }
    if (in_head) {
      EXPECT_GT(sum, 0.0f);
    } else {
      EXPECT_EQ(sum, 0.0f);
    }
    // Their shared slice is the embedding's as usual.
    float shared = 0.0f;
    for (const std::uint32_t id : lexicon_ids) {
      const float* row = (*model)->EmbeddingRow(id);
      for (int d = 0; d < config.dim; ++d) shared += std::abs(row[d]);
    }
    EXPECT_GT(shared, 0.0f);
  }
}

TEST(SentimentTrainerTest, RejectsUnusableInput) {
  const TrainingOptions options;
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), {}, options).status().code(),
            StatusCode::kInvalidArgument);
  std::vector<TrainingExample> bad_id = {{{5000}, Polarity::kPositive, {0}, {}}};
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), bad_id, options).status().code(),
            StatusCode::kInvalidArgument);
  std::vector<TrainingExample> bad_category = {{{1}, Polarity::kPositive, {7}, {}}};
  EXPECT_EQ(TrainSentimentModel(ToyConfig(), bad_category, options).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::sentiment
