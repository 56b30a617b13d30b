#include "analysis/only_thing.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/cue_test_util.h"

namespace sobremesa::analysis {
namespace {

// "-" without a marker; else "praise" or "complaint", a colon and the
// opinions it adds ("none" for the evening).
std::string Read(const std::string& text, text::Language language = text::Language::kSpanish) {
  const std::optional<OnlyThing> only =
      ReadTheOnlyThing(testing::CueTokens(text, language), language);
  if (!only) return "-";
  const std::string opinions = testing::DescribeCues(only->opinions);
  return std::string(only->praise ? "praise:" : "complaint:") +
         (opinions.empty() ? "" : " " + opinions);
}

TEST(OnlyThingTest, TheOneComplaintOfAGoodEvening) {
  const struct {
    std::string text;
    text::Language language;
    std::string reading;
  } cases[] = {
      // No cue of its own: a complaint of what it names, else of the evening.
      {"Lo único, la música muy alta.", text::Language::kSpanish, "complaint: ambience:negative"},
      {"Lo único que no me gustó fue el postre", text::Language::kSpanish,
       "complaint: food:negative"},
      {"El único detalle: no había carta de vinos", text::Language::kSpanish,
       "complaint: drinks:negative"},
      {"Todo bien. El único pero, la cuenta tardó en llegar.", text::Language::kSpanish,
       "complaint:"},
      {"The only thing: the bathroom could have been cleaner.", text::Language::kEnglish,
       "complaint: ambience:negative"},
      {"My only complaint is that the dessert came after an age", text::Language::kEnglish,
       "complaint: food:negative"},
      // Its own cue says it (the cue reading adds it): nothing to add.
      {"Lo único, el pisco sour estaba tibio.", text::Language::kSpanish, "complaint:"},
      {"Lo único que puedo decir es que todo estuvo excelente", text::Language::kSpanish,
       "complaint:"},
  };
  for (const auto& c : cases) EXPECT_EQ(Read(c.text, c.language), c.reading) << c.text;
}

TEST(OnlyThingTest, TheOneGoodThingOfABadEvening) {
  EXPECT_EQ(Read("Lo único rescatable fue la chicha morada."), "praise: drinks:positive");
  EXPECT_EQ(Read("Lo único bueno, el pisco sour."), "praise: drinks:positive");
  EXPECT_EQ(Read("Lo único que me gustó fue el ceviche"), "praise: food:positive");
  EXPECT_EQ(Read("The only good thing was the view", text::Language::kEnglish),
            "praise: ambience:positive");
}

TEST(OnlyThingTest, NoMarkerNoReading) {
  EXPECT_EQ(Read("El único restaurante abierto a esa hora"), "-");
  EXPECT_EQ(Read("La comida estuvo rica."), "-");
  EXPECT_EQ(Read("Only two of us ordered dessert", text::Language::kEnglish), "-");
}

}  // namespace
}  // namespace sobremesa::analysis
