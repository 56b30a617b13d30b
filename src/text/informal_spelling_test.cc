#include "text/informal_spelling.h"

#include <gtest/gtest.h>

#include "text/text_analyzer.h"
#include "text/tokenizer.h"

namespace sobremesa::text {
namespace {

std::string Restored(const std::string& input, Language language = Language::kSpanish) {
  Tokens tokens = Tokenize(input, language);
  RestoreInformalSpelling(tokens, language);
  std::string got;
  for (const Token& t : tokens) got += (got.empty() ? "" : " ") + t.text;
  return got;
}

TEST(InformalSpellingTest, RestoresAbbreviationsAndAccents) {
  const std::pair<std::string, std::string> cases[] = {
      {"q rico todo", "que rico todo"},
      {"el servicio pesimo y la comida tmb", "el servicio pésimo y la comida también"},
      {"la atencion rapida", "la atención rápida"},
      {"una decepcion", "una decepción"},
      {"riquisimo el ceviche, buenisimas las papas", "riquísimo el ceviche , buenísimas las papas"},
      {"nunca mas", "nunca más"},
      {"llego frio", "llegó frio"},
  };
  for (const auto& [input, expected] : cases) EXPECT_EQ(Restored(input), expected) << input;
}

TEST(InformalSpellingTest, LeavesWordsWhoseBareFormIsAnotherWord) {
  // "esta" is "this", "demoro" a present, "atenciones" a plural without accent.
  EXPECT_EQ(Restored("esta vez me demoro, muchas atenciones"),
            "esta vez me demoro , muchas atenciones");
  // Short words ending like the rules are no nouns or superlatives.
  EXPECT_EQ(Restored("ocion"), "ocion");
}

TEST(InformalSpellingTest, OnlyTheAnalyzerThatAsksRestoresIt) {
  auto as_written = TextAnalyzer::Create(Language::kSpanish);
  auto restoring =
      TextAnalyzer::Create(Language::kSpanish, TextAnalyzer::Spelling::kRestoreInformal);
  ASSERT_TRUE(as_written.ok() && restoring.ok());
  EXPECT_EQ((*as_written)->AnalyzeUnstemmed("pesimo").value()[0].text, "pesimo");
  EXPECT_EQ((*restoring)->AnalyzeUnstemmed("pesimo").value()[0].text, "pésimo");
}

TEST(InformalSpellingTest, OnlySpanish) {
  EXPECT_EQ(Restored("q mas", Language::kEnglish), "q mas");
}

}  // namespace
}  // namespace sobremesa::text
