#include "text/language_identifier.h"

#include <gtest/gtest.h>

#include "text/text_normalizer.h"

namespace sobremesa::text {
namespace {

struct LanguageCase {
  std::string text;
  Language expected;
};

TEST(LanguageIdentifierTest, IdentifiesModelledLanguagesAndRefusesOthers) {
  const LanguageCase cases[] = {
      {"El ceviche estaba buenísimo, volveremos pronto", Language::kSpanish},
      {"La atención fue pésima y nos cobraron de más", Language::kSpanish},
      {"No estuvo nada mal, causa buenaza", Language::kSpanish},
      // Short comments, which a tie between Spanish and Portuguese used to
      // leave unread (the prior decides).
      {"Servicio excelente.", Language::kSpanish},
      {"Uno de mis restaurantes favoritos.", Language::kSpanish},
      {"Repetiremos.", Language::kSpanish},
      {"The waiter was rude and the fish was overcooked", Language::kEnglish},
      {"Great pisco sours, lovely staff!", Language::kEnglish},
      {"A comida estava ótima e o atendimento excelente", Language::kPortuguese},
      {"Não gostei do serviço, muito demorado", Language::kPortuguese},
      {"Das Essen war ausgezeichnet und sehr freundlich", Language::kUnknown},
      {"料理はとても美味しかったです", Language::kUnknown},
      {"Еда была очень вкусной", Language::kUnknown},
      {"ok", Language::kUnknown},
      {"👍👍👍 !!!", Language::kUnknown},
      {"", Language::kUnknown},
      {"12345 678", Language::kUnknown},
  };
  const LanguageIdentifier identifier;
  for (const LanguageCase& c : cases) {
    StatusOr<std::string> normalized = NormalizeText(c.text);
    ASSERT_TRUE(normalized.ok());
    const LanguageGuess guess = identifier.Identify(*normalized);
    EXPECT_EQ(LanguageCode(guess.language), LanguageCode(c.expected))
        << c.text << " (margin " << guess.margin << ")";
  }
}

TEST(LanguageIdentifierTest, PeruvianDishNamesDoNotMakeEnglishSpanish) {
  const LanguageIdentifier identifier;
  EXPECT_EQ(identifier.Identify("lomo saltado was great").language, Language::kEnglish);
  EXPECT_EQ(identifier.Identify("great lomo saltado and chicha morada").language,
            Language::kEnglish);
  // With nothing else to go by, the dish names still vote.
  EXPECT_EQ(identifier.Identify("amazing ceviche!").language, Language::kEnglish);
  EXPECT_EQ(identifier.Identify("el lomo saltado buenazo").language, Language::kSpanish);
  EXPECT_NE(identifier.Identify("ceviche y causa").language, Language::kUnknown);
}

TEST(LanguageIdentifierTest, HandlesOneMebibyteAndInvalidBytes) {
  const LanguageIdentifier identifier;
  std::string long_text;
  while (long_text.size() + 40 < kMaxTextBytes) long_text += "la comida estaba muy rica y barata. ";
  EXPECT_EQ(identifier.Identify(long_text).language, Language::kSpanish);
  EXPECT_EQ(identifier.Identify("\xFF\xFE\x00\x01").language, Language::kUnknown);
}

}  // namespace
}  // namespace sobremesa::text
