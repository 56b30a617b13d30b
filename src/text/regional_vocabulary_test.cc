#include "text/regional_vocabulary.h"

#include <gtest/gtest.h>

#include "text/food_vocabulary.h"
#include "text/tokenizer.h"

namespace sobremesa::text {
namespace {

std::string Rewritten(const std::string& input, Language language = Language::kSpanish) {
  Tokens tokens = Tokenize(input, language);
  NormalizeFoodVocabulary(tokens);
  NormalizeRegionalVocabulary(tokens, language);
  std::string got;
  for (const Token& t : tokens) got += (got.empty() ? "" : " ") + t.text;
  return got;
}

struct RegionalCase {
  std::string input;
  std::string expected;
};

TEST(RegionalVocabularyTest, RewritesLatinAmericanWordsToSpainsWords) {
  const RegionalCase cases[] = {
      {"el mozo se demoró mucho", "el camarero se tardó mucho"},
      {"las meseras y los mozos", "las camareras y los camareros"},
      {"la demora fue larga", "la tarda fue larga"},
      {"mucha plata, 120 soles", "mucha dinero , 120 euros"},
      {"todo chévere, el pisco sour bravazo", "todo excelente , el pisco_sour excelente"},
      {"qué roche", "qué vergüenza"},
      {"la cuenta salió un ojo de la cara", "la cuenta salió carísimo"},
      {"nos atendieron al toque", "nos atendieron rápido"},
      {"unas chelas bien heladitas", "unas cervezas bien heladas"},
      {"la atención re lenta", "la atención muy lenta"},
  };
  for (const RegionalCase& c : cases) EXPECT_EQ(Rewritten(c.input), c.expected) << c.input;
}

TEST(RegionalVocabularyTest, PajaIsPraiseOnlyAsAnAdjective) {
  const RegionalCase cases[] = {
      {"el tiradito estaba paja", "el tiradito estaba excelente"},
      {"la decoración paja", "la decoración excelente"},
      {"paja todo", "excelente todo"},
      {"habló pura paja", "habló pura tonterías"},
      {"hablar paja del vino", "hablar tonterías del vino"},
      {"una paja en el vaso", "una paja en el vaso"},
  };
  for (const RegionalCase& c : cases) EXPECT_EQ(Rewritten(c.input), c.expected) << c.input;
}

TEST(RegionalVocabularyTest, DemasiadoIntensifiesPraiseButStaysTooMuchOtherwise) {
  EXPECT_EQ(Rewritten("el ceviche demasiado rico"), "el ceviche muy rico");
  EXPECT_EQ(Rewritten("demasiado bacán"), "muy excelente");
  EXPECT_EQ(Rewritten("demasiado salado"), "demasiado salado");
  EXPECT_EQ(Rewritten("demasiado"), "demasiado");
}

TEST(RegionalVocabularyTest, DiminutivesByTheirRegularEndings) {
  const RegionalCase cases[] = {
      {"los tragos bien cargaditos", "los copas bien cargados"},
      {"el pollito jugosito", "el pollo jugoso"},
      {"riquito y suavecito", "rico y suave"},
      {"la causa correctita", "la causa correctita"},  // "-tita" is no ending read
      {"una sopa cocidita", "una sopa cocida"},
      // Words that only look like diminutives, or too short to be one.
      {"el tiradito bonito y frito", "el tiradito bonito y frito"},
      {"un mosquito", "un mosquito"},
      {"una cervecita", "una cervecita"},
  };
  for (const RegionalCase& c : cases) EXPECT_EQ(Rewritten(c.input), c.expected) << c.input;
}

TEST(RegionalVocabularyTest, OtherCountriesAndSpainsFoodWords) {
  const RegionalCase cases[] = {
      {"el garzón penca", "el camarero malo"},
      {"qué chimba, todo bacano", "qué excelente , todo excelente"},
      {"asu mare", "vaya"},
      {"papas fritas y jugo de fresa", "patatas fritas y zumo de fresa"},
      {"no hay donde estacionar el carro", "no hay donde aparcar el coche"},
  };
  for (const RegionalCase& c : cases) EXPECT_EQ(Rewritten(c.input), c.expected) << c.input;
}

TEST(RegionalVocabularyTest, OnlySpanishIsRewritten) {
  EXPECT_EQ(Rewritten("the mozo was top", Language::kEnglish), "the mozo was top");
  EXPECT_EQ(Rewritten("o mozo", Language::kPortuguese), "o mozo");
}

}  // namespace
}  // namespace sobremesa::text
