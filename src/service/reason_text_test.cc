#include "service/reason_text.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

MenuItem Item(Course course, std::string name_es = "", std::string name_en = "") {
  MenuItem m;
  m.id = 1;
  m.course = course;
  m.name_es = std::move(name_es);
  m.name_en = std::move(name_en);
  return m;
}

TEST(ReasonTextTest, ReadsTheEvidenceInTheGuestsLanguage) {
  const MenuItem pisco = Item(Course::kDrink);
  const MenuItem causa = Item(Course::kStarter);
  RankedItem favourite{&causa, 0.9f, ReasonKind::kFavourite, 0, 4, false};
  RankedItem tonight{&pisco, 0.8f, ReasonKind::kPairsWith, 7, 0, true};
  RankedItem history{&causa, 0.7f, ReasonKind::kPairsWith, 7, 0, false};
  RankedItem popular{&causa, 0.5f, ReasonKind::kPopular, 0, 0, false};
  RankedItem like{&causa, 0.6f, ReasonKind::kLikeHistory, 7, 0, false};
  RankedItem shared{&causa, 0.6f, ReasonKind::kSharedTaste, 0, 0, false};
  RankedItem before{&causa, 0.6f, ReasonKind::kOrderedBefore, 0, 1, false};
  RecommendationContext dinner;
  RecommendationContext lunch_birthday;
  lunch_birthday.daypart = Daypart::kLunch;
  lunch_birthday.occasion = OccasionKind::kBirthday;
  RecommendationContext lunch;
  lunch.daypart = Daypart::kLunch;

  const MenuItem seco = Item(Course::kMain, "seco de cordero", "lamb stew");
  const MenuItem tiradito = Item(Course::kStarter, "tiradito nikkei", "tiradito nikkei");
  struct Case { const RankedItem& r; const MenuItem* evidence; const RecommendationContext& c;
                Language lang; std::string expected; };
  const Case cases[] = {
      {favourite, nullptr, dinner, Language::kSpanish, "Lo ha pedido en 4 visitas: uno de sus favoritos"},
      {favourite, nullptr, dinner, Language::kEnglish, "You've ordered it on 4 visits: one of your favourites"},
      {tonight, &seco, dinner, Language::kSpanish, "Marida con seco de cordero de esta noche"},
      {tonight, &seco, dinner, Language::kEnglish, "Pairs with tonight's lamb stew"},
      {history, &tiradito, dinner, Language::kEnglish, "Guests who enjoy the tiradito nikkei often choose it"},
      {history, nullptr, dinner, Language::kEnglish, "One of our most ordered starters at dinner"},
      {popular, nullptr, lunch, Language::kSpanish, "De las entradas más pedidas al almuerzo"},
      {popular, nullptr, lunch_birthday, Language::kEnglish, "A favourite for birthdays"},
      {like, &tiradito, dinner, Language::kEnglish, "You enjoyed the tiradito nikkei last time; this is in the same vein"},
      {like, &tiradito, dinner, Language::kSpanish, "Disfrutó tiradito nikkei la última vez; este va en la misma línea"},
      {like, nullptr, dinner, Language::kEnglish, "One of our most ordered starters at dinner"},
      {shared, nullptr, dinner, Language::kEnglish, "Popular with guests who share your taste"},
      {shared, nullptr, dinner, Language::kSpanish, "Muy elegido por comensales con sus mismos gustos"},
      {before, nullptr, dinner, Language::kSpanish, "Ya lo pidió en una visita anterior"},
      {before, nullptr, dinner, Language::kEnglish, "You had it on an earlier visit"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReasonText(c.r, c.evidence, c.c, c.lang), c.expected);
  }
}

// "Goes well after the sea bass" was said of a starter suggested once the
// table had ordered a main: it comes with it, not after.
TEST(ReasonTextTest, AfterOnlyForALaterCourseThanTonightsDish) {
  const MenuItem main = Item(Course::kMain, "Pescado a lo macho", "Sea bass in spicy seafood sauce");
  const MenuItem starter = Item(Course::kStarter), dessert = Item(Course::kDessert);
  const RankedItem starter_pairs{&starter, 0.8f, ReasonKind::kPairsWith, 1, 0, true};
  const RankedItem dessert_pairs{&dessert, 0.8f, ReasonKind::kPairsWith, 1, 0, true};
  const RecommendationContext dinner;
  EXPECT_EQ(ReasonText(starter_pairs, &main, dinner, Language::kEnglish),
            "Goes well with the Sea bass in spicy seafood sauce");
  EXPECT_EQ(ReasonText(starter_pairs, &main, dinner, Language::kSpanish),
            "Va muy bien con Pescado a lo macho");
  EXPECT_EQ(ReasonText(dessert_pairs, &main, dinner, Language::kSpanish),
            "Va muy bien después de Pescado a lo macho");
}

}  // namespace
}  // namespace sobremesa
