#include "models/sentiment/category_polarity_blend.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::sentiment {
namespace {

constexpr Polarity kNeg = Polarity::kNegative, kPos = Polarity::kPositive;

TEST(CategoryPolarityBlendTest, KeepsNoBlendWhenTheCategoryHeadIsRight) {
  // The category head is right on both; the sentence and view logits would
  // flip one.
  const std::vector<OpinionLogits> opinions = {
      {kPos, {0, 0, 1}, {0, 0, 1}, {0, 0, 1}},
      {kNeg, {1, 0, 0}, {0, 0, 3}, {0, 0, 3}},
  };
  const CategoryPolarityBlend blend =
      ChooseCategoryPolarityBlend(opinions, {0.25f, 0.5f, 1.0f, 2.0f}, {0.5f, 4.0f});
  EXPECT_EQ(blend.sentence, 0.0f);
  EXPECT_EQ(blend.view, 0.0f);
}

TEST(CategoryPolarityBlendTest, ChoosesTheWeightsThatGetTheMostRight) {
  // Category logits lean the wrong way by 1 on two opinions; the sentence
  // leans right by 1, so the blend needs a weight above 1 to mend them, and
  // a weight of 4 breaks the third, where the category head was sure.
  const std::vector<OpinionLogits> opinions = {
      {kPos, {1, 0, 0}, {0, 0, 1}, {}},
      {kNeg, {0, 0, 1}, {1, 0, 0}, {}},
      {kPos, {0, 0, 3}, {1.2f, 0, 0}, {}},
      {kNeg, {0.5f, 0, 0}, {0, 0, 0.1f}, {}},
  };
  EXPECT_EQ(ChooseCategoryPolarityBlend(opinions, {4.0f, 0.5f, 1.5f}, {}).sentence, 1.5f);
  // Only weights that do no better than none: none.
  EXPECT_EQ(ChooseCategoryPolarityBlend(opinions, {0.5f}, {}).sentence, 0.0f);
  EXPECT_EQ(ChooseCategoryPolarityBlend(opinions, {}, {}).sentence, 0.0f);
  EXPECT_EQ(ChooseCategoryPolarityBlend({}, {1.0f}, {1.0f}).sentence, 0.0f);
}

TEST(CategoryPolarityBlendTest, TheViewMendsWhatTheSentenceCannot) {
  // Two opinions of one mixed sentence: the sentence logits are the same for
  // both and cannot mend both; the opinion view's can.
  const std::vector<OpinionLogits> opinions = {
      {kPos, {0.5f, 0, 0}, {1, 0, 0}, {0, 0, 1}},
      {kNeg, {0, 0, 0.5f}, {1, 0, 0}, {1, 0, 0}},
  };
  const CategoryPolarityBlend blend = ChooseCategoryPolarityBlend(opinions, {1.0f}, {0.25f, 1.0f});
  EXPECT_EQ(blend.sentence, 0.0f);
  EXPECT_EQ(blend.view, 1.0f);
}

TEST(CategoryPolarityBlendTest, TheOpinionViewCanLeaveOutAuxiliaryNeutralOpinions) {
  // Features 1 and 2 are praise, 3 a neutral opinion of a SemEval-2016
  // sentence, 5 one of an auxiliary (SemEval-2014) sentence. Without it,
  // feature 5 is unknown and the biases lean toward praise.
  TrainingExample praise{{1}, kPos, {0}, {{0, kPos}}}, more{{2}, kPos, {0}, {{0, kPos}}};
  TrainingExample neutral{{3}, Polarity::kNeutral, {0}, {{0, Polarity::kNeutral}}};
  TrainingExample auxiliary{{5}, Polarity::kNeutral, {}, {{0, Polarity::kNeutral}}};
  auxiliary.categories_known = false;
  const std::vector<const TrainingExample*> data = {&praise, &more, &neutral, &auxiliary};
  const auto largest = [](const std::array<float, kPolarities>& logits) {
    return static_cast<Polarity>(std::max_element(logits.begin(), logits.end()) - logits.begin());
  };
  const SentenceView all = FitOpinionView(data, 8, SentenceViewOptions{});
  EXPECT_EQ(largest(all.Logits({5})), Polarity::kNeutral);
  EXPECT_EQ(largest(all.Logits({3})), Polarity::kNeutral);
  const SentenceView without = FitOpinionView(data, 8, SentenceViewOptions{}, false);
  EXPECT_EQ(largest(without.Logits({5})), kPos);  // never read
  EXPECT_EQ(largest(without.Logits({3})), Polarity::kNeutral);
  EXPECT_EQ(largest(without.Logits({1})), kPos);
}

TEST(CategoryPolarityBlendTest, TheOpinionViewAddsToEveryCategorysPolarity) {
  // 2 buckets, rows of 1 float; 2 categories.
  SentimentModel::Weights weights;
  weights.embedding = {7, 8};
  weights.category_polarity = std::vector<float>(2 * kPolarities, 0.0f);
  weights.category_polarity.insert(weights.category_polarity.end(), 2 * kPolarities, 1.0f);
  SentenceView view;
  view.weights = {1, 2, 3, 4, 5, 6};
  view.bias = {0.5f, 0, -0.5f};
  AddOpinionView(weights, 1, 2, view, 2.0f);
  EXPECT_EQ(weights.embedding, (std::vector<float>{7, 2, 4, 6, 8, 8, 10, 12}));
  EXPECT_EQ(std::vector<float>(weights.category_polarity.end() - 6, weights.category_polarity.end()),
            (std::vector<float>{2, 1, 0, 2, 1, 0}));
}

}  // namespace
}  // namespace sobremesa::sentiment
