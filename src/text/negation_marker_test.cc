#include "text/negation_marker.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace sobremesa::text {
namespace {

struct NegationCase {
  Language language;
  std::string input;
  std::string expected;
};

TEST(NegationMarkerTest, MarksWordsInScope) {
  const NegationCase cases[] = {
      {Language::kSpanish, "no estuvo nada mal", "no neg:estuvo nada neg:mal"},
      {Language::kSpanish, "no me gustó, pero el postre sí",
       "no neg:me neg:gustó , pero el postre sí"},
      {Language::kSpanish, "no fue para nada rico ni barato y punto",
       "no neg:fue neg:para nada neg:rico ni neg:barato neg:y neg:punto"},
      {Language::kSpanish, "nunca volveré a este lugar tan caro",
       "nunca neg:volveré neg:a neg:este neg:lugar tan caro"},
      {Language::kEnglish, "the food wasn't good but the wine was",
       "the food wasn't neg:good but the wine was"},
      {Language::kEnglish, "not bad at all!", "not neg:bad neg:at neg:all !"},
      {Language::kPortuguese, "não gostei da comida", "não neg:gostei neg:da neg:comida"},
      {Language::kUnknown, "no bueno", "no bueno"},
  };
  for (const NegationCase& c : cases) {
    Tokens tokens = Tokenize(c.input, c.language);
    MarkNegation(tokens, c.language);
    std::string got;
    for (const Token& t : tokens) got += (got.empty() ? "" : " ") + t.text;
    EXPECT_EQ(got, c.expected) << "input: " << c.input;
  }
}

}  // namespace
}  // namespace sobremesa::text
