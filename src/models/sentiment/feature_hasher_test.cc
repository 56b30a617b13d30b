#include "models/sentiment/feature_hasher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "text/tokenizer.h"

namespace sobremesa::sentiment {
namespace {

std::vector<std::uint32_t> Hash(const std::string& text, const FeatureOptions& options) {
  std::vector<std::uint32_t> ids = {42};  // must be cleared
  HashFeatures(text::Tokenize(text, text::Language::kSpanish), options, ids);
  return ids;
}

TEST(FeatureHasherTest, CountsTokensBigramsAndCharNgrams) {
  struct Case {
    std::string text;
    int max_char_ngram;
    std::size_t expected;
  } cases[] = {
      {"", 5, 0},          {"rico", 0, 1},  // one token
      {"muy rico", 0, 3},                   // two tokens and one bigram
      {"rico", 3, 1 + 4},                   // token + trigrams of "<rico>" (6 code points)
      {"ñam 😍", 3, 3 + 3},  // 2 tokens + bigram + trigrams of "<ñam>" (5 code points)
  };
  for (const Case& c : cases) {
    FeatureOptions options;
    options.min_char_ngram = 3;
    options.max_char_ngram = c.max_char_ngram;
    EXPECT_EQ(Hash(c.text, options).size(), c.expected) << c.text;
  }
}

TEST(FeatureHasherTest, IdsStayInsideTheBuckets) {
  FeatureOptions options;
  options.buckets = 97;
  for (const std::uint32_t id : Hash("el ceviche estaba buenísimo y barato", options)) {
    EXPECT_LT(id, 97u);
  }
}

TEST(FeatureHasherTest, MisspellingsShareCharNgramsUnrelatedWordsDoNot) {
  const FeatureOptions options;
  const auto reference = Hash("delicioso", options);
  const std::set<std::uint32_t> known(reference.begin(), reference.end());
  auto shared = [&](const std::string& word) {
    const auto ids = Hash(word, options);
    return std::count_if(ids.begin(), ids.end(), [&](auto id) { return known.count(id) > 0; });
  };
  EXPECT_GE(shared("delisioso"), 10);
  EXPECT_LE(shared("horrible"), 1);
}

TEST(FeatureHasherTest, NegatedWordsAddThePlainWordAndItsNgrams) {
  FeatureOptions options;
  const text::Tokens plain = {{"mal", text::TokenKind::kWord}};
  const text::Tokens negated = {{"neg:mal", text::TokenKind::kWord}};
  std::vector<std::uint32_t> plain_ids, negated_ids;
  HashFeatures(plain, options, plain_ids);
  HashFeatures(negated, options, negated_ids);
  // neg:mal itself, then everything "mal" contributes.
  ASSERT_EQ(negated_ids.size(), plain_ids.size() + 1);
  EXPECT_EQ(std::vector<std::uint32_t>(negated_ids.begin() + 1, negated_ids.end()), plain_ids);
  EXPECT_NE(negated_ids.front(), plain_ids.front());
  options.negated_words_add_plain = false;  // version 1 models: n-grams of "<neg:mal>"
  HashFeatures(negated, options, negated_ids);
  EXPECT_EQ(std::count(negated_ids.begin(), negated_ids.end(), plain_ids.front()), 0);
}

TEST(FeatureHasherTest, LexiconWordsAddTheFeatureOfTheirBin) {
  FeatureOptions options;
  const auto features = [&](const std::string& word) {
    std::vector<std::uint32_t> ids;
    HashFeatures({{word, text::TokenKind::kWord}}, options, ids);
    return ids;
  };
  const auto without = features("ric");
  options.lexicon = std::make_shared<const text::SentimentLexicon>(
      text::SentimentLexicon::FromBins({{"ric", 2}, {"sabros", 2}, {"horribl", -3}}).value());
  const auto rico = features("ric");
  // Its own features as before, then one for its bin...
  ASSERT_EQ(rico.size(), without.size() + 1);
  EXPECT_EQ(std::vector<std::uint32_t>(rico.begin(), rico.end() - 1), without);
  // ...which every word of that bin shares, and no other bin or word has.
  EXPECT_EQ(features("sabros").back(), rico.back());
  EXPECT_NE(features("horribl").back(), rico.back());
  // A word the lexicon does not hold adds nothing.
  const auto lexicon = options.lexicon;
  options.lexicon.reset();
  const auto mesa_without = features("mes");
  const auto denied_without = features("neg:ric");
  options.lexicon = lexicon;
  EXPECT_EQ(features("mes"), mesa_without);
  // A negated word adds a bin feature of its own, not the plain one, and
  // all denied words of a bin share it.
  const auto denied = features("neg:ric");
  ASSERT_EQ(denied.size(), denied_without.size() + 1);
  EXPECT_NE(denied.back(), rico.back());
  EXPECT_EQ(std::count(denied.begin(), denied.end(), rico.back()), 0);
  EXPECT_EQ(features("neg:sabros").back(), denied.back());
}

TEST(FeatureHasherTest, LexiconFeatureIdsAreTheBinFeatures) {
  FeatureOptions options;
  EXPECT_TRUE(LexiconFeatureIds(options).empty());
  options.lexicon = std::make_shared<const text::SentimentLexicon>(
      text::SentimentLexicon::FromBins({{"ric", 2}, {"horribl", -3}}).value());
  const std::vector<std::uint32_t> ids = LexiconFeatureIds(options);
  EXPECT_EQ(ids.size(), 12u);  // 6 bins, plain and negated (no collision in 2^18 buckets)
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  for (const std::string word : {"ric", "horribl", "neg:ric", "neg:horribl"}) {
    std::vector<std::uint32_t> word_ids;
    HashFeatures({{word, text::TokenKind::kWord}}, options, word_ids);
    EXPECT_TRUE(std::binary_search(ids.begin(), ids.end(), word_ids.back())) << word;
    // The word's own features are not among them.
    EXPECT_FALSE(std::binary_search(ids.begin(), ids.end(), word_ids.front())) << word;
  }
}

}  // namespace
}  // namespace sobremesa::sentiment
