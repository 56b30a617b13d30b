#include "text/tokenizer.h"

#include <gtest/gtest.h>

namespace sobremesa::text {
namespace {

std::string Join(const Tokens& tokens) {
  std::string out;
  for (const Token& t : tokens) out += (out.empty() ? "" : "|") + t.text;
  return out;
}

struct TokenizeCase {
  Language language;
  std::string input;  // already normalised
  std::string expected;
};

TEST(TokenizerTest, SplitsWordsEmojiAndPunctuation) {
  const TokenizeCase cases[] = {
      {Language::kSpanish, "buenísimooo!!!", "buenísimo|!"},
      {Language::kSpanish, "¡qué ricoooo 😍😍!", "¡|qué|rico|😍|😍|!"},
      {Language::kSpanish, "muuuy caro... pero bueno", "muy|caro|.|pero|bueno"},
      {Language::kSpanish, "la carne, el arroz y la llama", "la|carne|,|el|arroz|y|la|llama"},
      {Language::kEnglish, "goooood food, couldn't be better", "good|food|,|couldn't|be|better"},
      {Language::kEnglish, "i love it 👍🏽", "i|love|it|👍"},
      {Language::kEnglish, "it’s 100% great", "it's|100|%|great"},
      {Language::kEnglish, "'quoted'", "quoted"},
      {Language::kSpanish, "  \n ", ""},
      {Language::kSpanish, "s/ 45 x2", "s|/|45|x2"},
  };
  for (const TokenizeCase& c : cases) {
    EXPECT_EQ(Join(Tokenize(c.input, c.language)), c.expected) << "input: " << c.input;
  }
}

TEST(TokenizerTest, LabelsTokenKinds) {
  const Tokens tokens = Tokenize("rico 10 🍷 ?", Language::kSpanish);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kNumber);
  EXPECT_EQ(tokens[2].kind, TokenKind::kEmoji);
  EXPECT_EQ(tokens[3].kind, TokenKind::kPunctuation);
}

TEST(TokenizerTest, SkipsInvalidBytesInsteadOfFailing) {
  EXPECT_EQ(Join(Tokenize("ab\xFF"
                          "cd",
                          Language::kEnglish)),
            "ab|cd");
}

}  // namespace
}  // namespace sobremesa::text
