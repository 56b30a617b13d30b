#include "models/sentiment/fold_bagging.h"

#include <gtest/gtest.h>

#include <random>

namespace sobremesa::sentiment {
namespace {

// A model with own category and sentence embeddings, the wide category
// part, the opinion view's columns and random weights everywhere.
constexpr int kBuckets = 64, kDim = 4, kCategoryDim = 3, kSentenceDim = 5, kCategories = 2;
constexpr int kWidth = kDim + kCategoryDim + kSentenceDim + kCategories + kPolarities;

std::vector<float> Random(std::mt19937_64& rng, std::size_t n) {
  std::normal_distribution<float> normal;
  std::vector<float> v(n);
  for (float& x : v) x = normal(rng);
  return v;
}

SentimentModelConfig Config() {
  SentimentModelConfig config;
  config.features.buckets = kBuckets;
  config.dim = kDim;
  config.category_dim = kCategoryDim;
  config.sentence_dim = kSentenceDim;
  config.wide_categories = true;
  config.category_polarity_wide = true;
  config.category_polarity_sentence_weight = 0.5f;  // Slot 3 reads the sentence logits too
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  return config;
}

SentimentModel::Weights RandomWeights(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  return {Random(rng, kBuckets * kWidth), Random(rng, 3 * kSentenceDim + 3),
          Random(rng, kCategories * kCategoryDim + kCategories),
          Random(rng, 3 * kCategories * kDim + 3 * kCategories)};
}

std::unique_ptr<SentimentModel> RandomModel(std::uint64_t seed) {
  return std::move(SentimentModel::Create(Config(), RandomWeights(seed)).value());
}

const std::vector<std::vector<std::uint32_t>> kSentences = {
    {1}, {2, 2, 7}, {63, 0, 5, 9, 11}, {}, {30, 31, 32, 33, 34, 35, 36}};

// Every logit the model serves for a sentence: sentence, categories, each
// category's polarity.
std::vector<float> AllLogits(const SentimentModel& model, const std::vector<std::uint32_t>& ids) {
  std::vector<float> hidden(model.row_width());
  model.Embed(ids, hidden.data());
  std::vector<float> logits(kPolarities);
  model.SentenceScores(hidden.data(), logits.data());
  for (int k = 0; k < kCategories; ++k) logits.push_back(model.CategoryScore(hidden.data(), k));
  for (int k = 0; k < kCategories; ++k) {
    float scores[kPolarities];
    model.CategoryPolarityScores(hidden.data(), k, scores);
    logits.insert(logits.end(), scores, scores + kPolarities);
  }
  return logits;
}

TEST(FoldBaggingTest, PerFeatureLogitsAreTheHeadsLogits) {
  const auto model = RandomModel(1);
  const FeatureLogits sentence = SentenceLogitsPerFeature(*model);
  const FeatureLogits category = CategoryLogitsPerFeature(*model);
  EXPECT_EQ(sentence.outputs, kPolarities);
  EXPECT_EQ(category.outputs, kCategories);
  for (const auto& ids : kSentences) {
    const auto expected = AllLogits(*model, ids);
    const auto s = sentence.Logits(ids), c = category.Logits(ids);
    for (int p = 0; p < kPolarities; ++p) EXPECT_NEAR(s[p], expected[p], 1e-4f);
    for (int k = 0; k < kCategories; ++k) EXPECT_NEAR(c[k], expected[kPolarities + k], 1e-4f);
  }
}

// The category-polarity head of RandomModel(seed) alone: no sentence
// logits, the opinion view's columns 0 (its biases are in the head's, as
// the trainer puts them).
std::unique_ptr<SentimentModel> CategoryPolarityHeadOf(std::uint64_t seed) {
  SentimentModelConfig config = Config();
  config.category_polarity_sentence_weight = 0.0f;
  SentimentModel::Weights weights = RandomWeights(seed);
  for (std::size_t r = 0; r < kBuckets; ++r) {
    std::fill_n(weights.embedding.begin() + (r + 1) * kWidth - kPolarities, kPolarities, 0.0f);
  }
  return std::move(SentimentModel::Create(config, std::move(weights)).value());
}

TEST(FoldBaggingTest, AModelWithFoldedHeadsServesTheSameLogitsOnANarrowerRow) {
  const auto reference = RandomModel(2);
  struct Case {
    bool category, sentence, category_polarity;
    int width;
  };
  constexpr int kFoldedPolarity = kPolarities * kCategories;
  for (const Case& c :
       {Case{true, false, false, kWidth - kCategoryDim},
        Case{false, true, false, kWidth - kSentenceDim + kPolarities},
        Case{true, true, false, kWidth - kCategoryDim - kSentenceDim + kPolarities},
        // Both other heads read their own embeddings: the shared one goes.
        Case{false, false, true, kWidth - kDim + kFoldedPolarity},
        Case{true, true, true,
             kWidth - kCategoryDim - kSentenceDim + kPolarities - kDim + kFoldedPolarity}}) {
    FoldedHeads folded;
    if (c.category) folded.category = CategoryLogitsPerFeature(*reference);
    if (c.sentence) folded.sentence = SentenceLogitsPerFeature(*reference);
    if (c.category_polarity) {
      folded.category_polarity = CategoryPolarityLogitsPerFeature(*CategoryPolarityHeadOf(2));
    }
    const auto bagged = WithFoldedHeads(Config(), RandomWeights(2), folded);
    ASSERT_TRUE(bagged.ok()) << bagged.status().ToString();
    const SentimentModel& b = **bagged;
    EXPECT_EQ(b.config().category_dim, c.category ? 0 : kCategoryDim);
    EXPECT_EQ(b.config().sentence_dim, c.sentence ? 0 : kSentenceDim);
    EXPECT_EQ(b.config().category_polarity_folded, c.category_polarity);
    EXPECT_EQ(b.config().dim, c.category_polarity ? 0 : kDim);
    EXPECT_EQ(b.row_width(), c.width);
    for (const auto& ids : kSentences) {
      const auto expected = AllLogits(*reference, ids);
      const auto got = AllLogits(b, ids);
      ASSERT_EQ(got.size(), expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], expected[i], 1e-4f) << i;
    }
  }
}

TEST(FoldBaggingTest, FoldedHeadsAreTheMeanOfTheMembers) {
  const auto a = RandomModel(4), b = RandomModel(5);
  const FeatureLogits mean = Mean({CategoryLogitsPerFeature(*a), CategoryLogitsPerFeature(*b)});
  FoldedHeads folded;
  folded.category = mean;
  const auto bagged = WithFoldedHeads(Config(), RandomWeights(6), folded);
  ASSERT_TRUE(bagged.ok()) << bagged.status().ToString();
  for (const auto& ids : kSentences) {
    const auto la = AllLogits(*a, ids), lb = AllLogits(*b, ids), lm = AllLogits(**bagged, ids);
    for (int k = kPolarities; k < kPolarities + kCategories; ++k) {
      EXPECT_NEAR(lm[k], (la[k] + lb[k]) / 2, 1e-4f);
    }
  }
  // A view is a 3-output FeatureLogits.
  std::mt19937_64 rng(7);
  const SentenceView view{Random(rng, kBuckets * kPolarities), {0.5f, -1.0f, 2.0f}};
  FeatureLogits twice;
  AddScaled(twice, view, 2.0f);
  for (const auto& ids : kSentences) {
    const auto expected = view.Logits(ids);
    const auto got = twice.Logits(ids);
    for (int p = 0; p < kPolarities; ++p) EXPECT_NEAR(got[p], 2.0f * expected[p], 1e-4f);
  }
}

TEST(FoldBaggingTest, FoldedHeadsOfTheWrongShapeAreRefused) {
  const auto model = RandomModel(8);
  FoldedHeads swapped;
  swapped.category = SentenceLogitsPerFeature(*model);  // 3 outputs for 2 categories
  EXPECT_EQ(WithFoldedHeads(Config(), RandomWeights(8), swapped).status().code(),
            StatusCode::kInvalidArgument);
  SentimentModel::Weights short_rows = RandomWeights(8);
  short_rows.embedding.pop_back();
  FoldedHeads sentence;
  sentence.sentence = SentenceLogitsPerFeature(*model);
  EXPECT_EQ(WithFoldedHeads(Config(), short_rows, sentence).status().code(),
            StatusCode::kInvalidArgument);
  FoldedHeads category_polarity;
  category_polarity.category_polarity = CategoryLogitsPerFeature(*model);  // C, not 3C
  EXPECT_EQ(WithFoldedHeads(Config(), RandomWeights(8), category_polarity).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(FoldBaggingTest, OffsetsMoveTheBoundaryOnlyWhenThatScoresHigher) {
  // Neutral sentences score 0.6 below positive: a neutral offset between
  // 0.6 and 1.0 gets them right without losing the positive ones, whose
  // neutral logit is 1.0 below.
  std::vector<std::array<float, kPolarities>> scores;
  std::vector<Polarity> gold;
  for (int i = 0; i < 10; ++i) {
    scores.push_back({-2.0f, 0.4f, 1.0f}), gold.push_back(Polarity::kNeutral);
    scores.push_back({-2.0f, 0.0f, 1.0f}), gold.push_back(Polarity::kPositive);
    scores.push_back({1.0f, -1.0f, -1.0f}), gold.push_back(Polarity::kNegative);
  }
  const auto offsets = ChooseLogitOffsets(scores, gold);
  EXPECT_GT(offsets[static_cast<int>(Polarity::kNeutral)], 0.6f);
  EXPECT_LT(offsets[static_cast<int>(Polarity::kNeutral)], 1.0f);
  EXPECT_EQ(offsets[static_cast<int>(Polarity::kPositive)], 0.0f);
  // Already all right: nothing moves.
  for (auto& s : scores) {
    if (s[1] == 0.4f) s[1] = 2.0f;
  }
  EXPECT_EQ(ChooseLogitOffsets(scores, gold), (std::array<float, kPolarities>{}));
}

}  // namespace
}  // namespace sobremesa::sentiment
