#include "models/sentiment/sentence_bagging.h"

#include <gtest/gtest.h>

#include <random>

namespace sobremesa::sentiment {
namespace {

// A model with own category and sentence embeddings, the wide category
// part and random weights everywhere.
std::unique_ptr<SentimentModel> RandomModel(std::uint64_t seed) {
  SentimentModelConfig config;
  config.features.buckets = 64;
  config.dim = 4;
  config.category_dim = 3;
  config.sentence_dim = 5;
  config.wide_categories = true;
  config.categories = {"FOOD#QUALITY", "SERVICE#GENERAL"};
  std::mt19937_64 rng(seed);
  std::normal_distribution<float> normal;
  const auto random = [&](std::size_t n) {
    std::vector<float> v(n);
    for (float& x : v) x = normal(rng);
    return v;
  };
  SentimentModel::Weights w{random(64 * (4 + 3 + 5 + 2)), random(3 * 5 + 3), random(2 * 3 + 2),
                            random(6 * 4 + 6)};
  return std::move(SentimentModel::Create(config, std::move(w)).value());
}

SentimentModel::Weights WeightsOf(const SentimentModel& model) {
  const std::size_t rows = model.config().features.buckets;
  SentimentModel::Weights w;
  w.embedding.assign(model.EmbeddingRow(0), model.EmbeddingRow(0) + rows * model.row_width());
  return w;
}

const std::vector<std::vector<std::uint32_t>> kSentences = {
    {1}, {2, 2, 7}, {63, 0, 5, 9, 11}, {}, {30, 31, 32, 33, 34, 35, 36}};

std::array<float, kPolarities> Scores(const SentimentModel& model,
                                      const std::vector<std::uint32_t>& ids) {
  std::vector<float> hidden(model.row_width());
  model.Embed(ids, hidden.data());
  std::array<float, kPolarities> scores;
  model.SentenceScores(hidden.data(), scores.data());
  return scores;
}

TEST(SentenceBaggingTest, PerFeatureLogitsAreTheHeadsLogits) {
  const auto model = RandomModel(1);
  const SentenceView logits = SentenceLogitsPerFeature(*model);
  for (const auto& ids : kSentences) {
    const auto expected = Scores(*model, ids);
    const auto got = logits.Logits(ids);
    for (int p = 0; p < kPolarities; ++p) EXPECT_NEAR(got[p], expected[p], 1e-4f);
  }
}

TEST(SentenceBaggingTest, AModelWithItsOwnLogitsPredictsTheSameOnANarrowerRow) {
  const auto model = RandomModel(2);
  SentimentModel::Weights weights = WeightsOf(*model);
  // The heads are not readable from the model, so a second model of the
  // same rows and fresh heads is the reference.
  std::mt19937_64 rng(3);
  std::normal_distribution<float> normal;
  const auto random = [&](std::size_t n) {
    std::vector<float> v(n);
    for (float& x : v) x = normal(rng);
    return v;
  };
  weights.polarity = random(3 * 5 + 3);
  weights.category = random(2 * 3 + 2);
  weights.category_polarity = random(6 * 4 + 6);
  const auto reference = SentimentModel::Create(model->config(), weights).value();
  const auto collapsed =
      WithSentenceLogits(reference->config(), weights, SentenceLogitsPerFeature(*reference));
  ASSERT_TRUE(collapsed.ok()) << collapsed.status().ToString();
  const SentimentModel& c = **collapsed;
  EXPECT_EQ(c.config().sentence_dim, 0);
  EXPECT_TRUE(c.config().sentence_wide);
  EXPECT_EQ(c.row_width(), reference->row_width() - 5 + kPolarities);
  for (const auto& ids : kSentences) {
    const auto expected = Scores(*reference, ids);
    const auto got = Scores(c, ids);
    for (int p = 0; p < kPolarities; ++p) EXPECT_NEAR(got[p], expected[p], 1e-4f);
    std::vector<float> h(reference->row_width()), hc(c.row_width());
    reference->Embed(ids, h.data());
    c.Embed(ids, hc.data());
    for (int k = 0; k < 2; ++k) {
      EXPECT_NEAR(c.CategoryScore(hc.data(), k), reference->CategoryScore(h.data(), k), 1e-4f);
      EXPECT_EQ(c.CategoryPolarity(hc.data(), k), reference->CategoryPolarity(h.data(), k));
    }
  }
}

TEST(SentenceBaggingTest, AddScaledAveragesViewsAndRefusesASecondWidePart) {
  const auto a = SentenceLogitsPerFeature(*RandomModel(4));
  const auto b = SentenceLogitsPerFeature(*RandomModel(5));
  SentenceView mean{std::vector<float>(a.weights.size(), 0.0f), {}};
  AddScaled(mean, a, 0.5f);
  AddScaled(mean, b, 0.5f);
  for (const auto& ids : kSentences) {
    const auto la = a.Logits(ids), lb = b.Logits(ids), lm = mean.Logits(ids);
    for (int p = 0; p < kPolarities; ++p) EXPECT_NEAR(lm[p], (la[p] + lb[p]) / 2, 1e-4f);
  }
  const auto model = RandomModel(6);
  SentimentModelConfig wide = model->config();
  wide.sentence_wide = true;
  EXPECT_EQ(WithSentenceLogits(wide, WeightsOf(*model), a).status().code(),
            StatusCode::kInvalidArgument);
  SentimentModel::Weights short_rows = WeightsOf(*model);
  short_rows.embedding.pop_back();
  EXPECT_EQ(WithSentenceLogits(model->config(), short_rows, a).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(SentenceBaggingTest, OffsetsMoveTheBoundaryOnlyWhenThatScoresHigher) {
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
