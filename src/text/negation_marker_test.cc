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

template <std::size_t N>
void Expect(const NegationCase (&cases)[N]) {
  for (const NegationCase& c : cases) {
    Tokens tokens = Tokenize(c.input, c.language);
    MarkNegation(tokens, c.language);
    std::string got;
    for (const Token& t : tokens) got += (got.empty() ? "" : " ") + t.text;
    EXPECT_EQ(got, c.expected) << "input: " << c.input;
  }
}

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
  Expect(cases);
}

TEST(NegationMarkerTest, ScopeStopsAtWhatTheNegationDoesNotGovern) {
  const NegationCase cases[] = {
      // A new clause: the delay is asserted, not denied.
      {Language::kSpanish, "no sé por qué tardaron tanto", "no neg:sé neg:por qué tardaron tanto"},
      {Language::kSpanish, "nada que ver con lo que esperábamos",
       "nada que ver con lo que esperábamos"},
      {Language::kEnglish, "i don't know why it took forever",
       "i don't neg:know why it took forever"},
      // An obligation's "que" stays: the waiting is denied.
      {Language::kSpanish, "no tuvimos que esperar nada", "no neg:tuvimos neg:que neg:esperar nada"},
      // A denied experience asserts its comparison ...
      {Language::kSpanish, "nunca comí algo tan salado", "nunca neg:comí neg:algo tan salado"},
      {Language::kSpanish, "no había probado nada tan rico",
       "no neg:había neg:probado nada tan rico"},
      {Language::kEnglish, "i've never had a ceviche so salty",
       "i've never neg:had neg:a neg:ceviche so salty"},
      // ... where a plain negation denies it.
      {Language::kSpanish, "no estaba tan salado", "no neg:estaba neg:tan neg:salado"},
      {Language::kSpanish, "no era tan caro", "no neg:era neg:tan neg:caro"},
      // Not negations at all.
      {Language::kSpanish, "sin duda lo mejor", "sin duda lo mejor"},
      {Language::kSpanish, "no solo rico sino barato", "no solo rico sino barato"},
      {Language::kSpanish, "sin embargo el postre rico", "sin embargo el postre rico"},
      {Language::kEnglish, "no doubt the best", "no doubt the best"},
  };
  Expect(cases);
}

}  // namespace
}  // namespace sobremesa::text
