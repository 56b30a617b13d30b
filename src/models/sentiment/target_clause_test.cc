#include "models/sentiment/target_clause.h"

#include <gtest/gtest.h>

#include <string>

namespace sobremesa::sentiment {
namespace {

// The clause of `text` around the first occurrence of `target`, as text.
std::string Clause(std::string_view text, std::string_view target, text::Language language) {
  const std::size_t at = text.find(target);
  EXPECT_NE(at, std::string_view::npos) << target;
  const TextSpan clause = TargetClause(text, {at, at + target.size()}, language);
  return std::string(text.substr(clause.begin, clause.end - clause.begin));
}

TEST(TargetClauseTest, CutsAtContrastWordsAndSentencePunctuation) {
  constexpr auto kEn = text::Language::kEnglish;
  constexpr std::string_view fish = "The fish was great but the rice was bland.";
  EXPECT_EQ(Clause(fish, "fish", kEn), "The fish was great ");
  EXPECT_EQ(Clause(fish, "rice", kEn), " the rice was bland");
  EXPECT_EQ(Clause("Although the food was good; the service was terrible!", "service", kEn),
            " the service was terrible");
  // Case-folded, whole words only: "butter" is no "but".
  EXPECT_EQ(Clause("BUT the butter was rancid", "butter", kEn), " the butter was rancid");
  // A decimal point and a time end nothing; a dash between spaces does.
  EXPECT_EQ(Clause("The wine was 3.50 at 8:30 - the bread stale", "wine", kEn),
            "The wine was 3.50 at 8:30 ");
}

TEST(TargetClauseTest, SpanishWordsNotCommas) {
  constexpr auto kEs = text::Language::kSpanish;
  constexpr std::string_view text = "El ají, picantísimo, y el tiradito rico, aunque salado.";
  EXPECT_EQ(Clause(text, "tiradito", kEs), "El ají, picantísimo, y el tiradito rico, ");
  EXPECT_EQ(Clause("Todo rico. Pero el tiradito, salado", "tiradito", kEs), " el tiradito, salado");
  // "mas" is left alone: guests write it for "más".
  EXPECT_EQ(Clause("Pedimos mas pan y el pan llegó frío", "pan", kEs),
            "Pedimos mas pan y el pan llegó frío");
  // A target holding a boundary is not cut inside.
  constexpr std::string_view dish = "Probamos Sal; Pimienta y Ají. Buenísimo";
  const std::size_t at = dish.find("Sal; Pimienta");
  EXPECT_EQ(TargetClause(dish, {at, at + 13}, kEs), (TextSpan{0, dish.find('.')}));
}

TEST(TargetClauseTest, ClauseSaysMoreThanItsTarget) {
  constexpr std::string_view text = "Service; food; everything was great";
  const TextSpan food{9, 13};
  const TextSpan clause = TargetClause(text, food, text::Language::kEnglish);
  EXPECT_EQ(clause, (TextSpan{8, 13}));
  EXPECT_FALSE(ClauseSaysMore(text, clause, food));
  EXPECT_TRUE(ClauseSaysMore(text, {0, text.size()}, food));
}

}  // namespace
}  // namespace sobremesa::sentiment
