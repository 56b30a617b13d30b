#include "analysis/menu_matcher.h"

#include <gtest/gtest.h>

#include "text/text_normalizer.h"

namespace sobremesa::analysis {
namespace {

MenuItem Item(Id id, std::string es, std::string en, Course course = Course::kMain) {
  MenuItem m;
  m.id = id;
  m.name_es = std::move(es);
  m.name_en = std::move(en);
  m.course = course;
  return m;
}

const std::vector<MenuItem>& Menu() {
  static const std::vector<MenuItem> menu = {
      Item(1, "Ceviche clásico", "Classic ceviche", Course::kStarter),
      Item(2, "Ceviche nikkei", "Nikkei ceviche", Course::kStarter),
      Item(3, "Tiradito nikkei", "Nikkei tiradito", Course::kStarter),
      Item(4, "Anticuchos de corazón", "Beef heart skewers", Course::kStarter),
      Item(5, "Ají de gallina", "Creamy chili chicken"),
      Item(6, "Arroz con pato", "Rice with duck"),
      Item(7, "Seco de cordero", "Lamb stew"),
      Item(8, "Causa limeña", "Lima-style causa", Course::kStarter),
      Item(9, "Suspiro a la limeña", "Suspiro limeño", Course::kDessert),
      Item(10, "Pisco sour", "Pisco sour", Course::kDrink),
      Item(11, "Picarones", "Picarones", Course::kDessert),
      Item(12, "Lomo saltado", "Wok-tossed beef tenderloin"),
  };
  return menu;
}

std::vector<Id> Ids(std::string_view text, text::Language language = text::Language::kSpanish) {
  static const MenuMatcher matcher(Menu());
  auto normalized = text::NormalizeText(text);
  EXPECT_TRUE(normalized.ok());
  std::vector<Id> ids;
  for (const DishMention& m : matcher.Match(*normalized, language)) ids.push_back(m.item_id);
  return ids;
}

TEST(MenuMatcherTest, FindsDishesAsGuestsWriteThem) {
  const struct {
    const char* text;
    std::vector<Id> ids;
  } cases[] = {
      {"el tiradito estaba salado", {3}},
      {"El TIRADITO nikkei, buenazo", {3}},
      {"el tiradto estaba salado", {3}},        // misspelt
      {"el lomo saltado estaba salado", {12}},  // "salado" is not "saltado"
      {"el saltado estaba frío", {12}},
      {"aji de gallina sin sabor", {5}},            // no accent
      {"los anticuchos, lo mejor", {4}},            // plural, one word
      {"el pato estaba seco", {6}},                 // a word only one dish has
      {"el seco estaba rico", {7}},                 // the dish "seco"
      {"el arroz estaba seco", {6}},                // the adjective "seco"
      {"a causa de la lluvia llegamos tarde", {}},  // the word "causa"
      {"la causa limeña y el suspiro", {8, 9}},
      {"pedimos cebiche y picarones", {1, 11}},  // spelling, generic ceviche
      {"el ceviche nikkei no tanto", {2}},
      {"dos pisco sours para empezar", {10}},
      {"the duck rice was dry", {6}},
      {"The nikkei ceviche was great", {2}},
      {"Nada que ver con la carta", {}},
      {"", {}},
  };
  for (const auto& c : cases) {
    const auto language =
        std::string_view(c.text).starts_with("the") || std::string_view(c.text).starts_with("The")
            ? text::Language::kEnglish
            : text::Language::kSpanish;
    EXPECT_EQ(Ids(c.text, language), c.ids) << "text: " << c.text;
  }
}

// Issue 4 review, on the demo menu's names: a dish is linked only on the
// words that identify it.
TEST(MenuMatcherTest, LinksOnlyOnWordsThatIdentifyADish) {
  const MenuMatcher matcher({
      Item(1, "Cebiche clásico de lenguado", "Classic sole ceviche", Course::kStarter),
      Item(2, "Cebiche mixto", "Mixed seafood ceviche", Course::kStarter),
      Item(3, "Cebiche de hongos y mango", "Mushroom and mango ceviche", Course::kStarter),
      Item(4, "Causa limeña de pollo", "Lima causa with chicken", Course::kStarter),
      Item(5, "Pescado a lo macho", "Sea bass in spicy seafood sauce"),
  });
  const auto ids = [&matcher](std::string_view text) {
    std::vector<Id> out;
    for (const DishMention& m : matcher.Match(*text::NormalizeText(text), text::Language::kSpanish))
      out.push_back(m.item_id);
    return out;
  };
  EXPECT_EQ(ids("Lo mejor de la noche"), std::vector<Id>{});  // "lo" is no dish word
  EXPECT_EQ(ids("#Lima"), std::vector<Id>{});                 // a place is no dish
  EXPECT_EQ(ids("La comida peruana, lo máximo"), std::vector<Id>{});
  // "cebiche" alone is any of three: none of them, rather than a guess.
  EXPECT_EQ(ids("#cebiche #peru #foodie"), std::vector<Id>{});
  EXPECT_EQ(ids("El cebiche estaba salado"), std::vector<Id>{});
  // Named specifically, each is found.
  EXPECT_EQ(ids("El cebiche de lenguado estaba salado"), std::vector<Id>{1});
  EXPECT_EQ(ids("el cebiche mixto"), std::vector<Id>{2});
  EXPECT_EQ(ids("la causa limeña"), std::vector<Id>{4});
  EXPECT_EQ(ids("el pescado a lo macho"), std::vector<Id>{5});
  EXPECT_EQ(ids("el macho"), std::vector<Id>{5});
}

TEST(MenuMatcherTest, NamesTheItemInTheSentenceLanguage) {
  const MenuMatcher matcher(Menu());
  auto en = matcher.Match(*text::NormalizeText("the lamb stew was cold"), text::Language::kEnglish);
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].name, "Lamb stew");
  auto es =
      matcher.Match(*text::NormalizeText("el seco de cordero frío"), text::Language::kSpanish);
  ASSERT_EQ(es.size(), 1u);
  EXPECT_EQ(es[0].name, "Seco de cordero");
}

TEST(MenuMatcherTest, EmptyMenuMatchesNothing) {
  const MenuMatcher matcher({});
  EXPECT_TRUE(matcher.Match("el ceviche", text::Language::kSpanish).empty());
}

}  // namespace
}  // namespace sobremesa::analysis
