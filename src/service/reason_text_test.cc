#include "service/reason_text.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

MenuItem Item(Course course) {
  MenuItem m;
  m.id = 1;
  m.course = course;
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

  struct Case { const RankedItem& r; std::string evidence; const RecommendationContext& c;
                Language lang; std::string expected; };
  const Case cases[] = {
      {favourite, "", dinner, Language::kSpanish, "Lo ha pedido en 4 visitas: uno de sus favoritos"},
      {favourite, "", dinner, Language::kEnglish, "You've ordered it on 4 visits: one of your favourites"},
      {tonight, "seco de cordero", dinner, Language::kSpanish, "Marida con seco de cordero de esta noche"},
      {tonight, "lamb stew", dinner, Language::kEnglish, "Pairs with tonight's lamb stew"},
      {history, "tiradito nikkei", dinner, Language::kEnglish, "Guests who enjoy the tiradito nikkei often choose it"},
      {history, "", dinner, Language::kEnglish, "One of our most ordered starters at dinner"},
      {popular, "", lunch, Language::kSpanish, "De las entradas más pedidas al almuerzo"},
      {popular, "", lunch_birthday, Language::kEnglish, "A favourite for birthdays"},
      {like, "tiradito nikkei", dinner, Language::kEnglish, "You enjoyed the tiradito nikkei last time; this is in the same vein"},
      {like, "tiradito nikkei", dinner, Language::kSpanish, "Disfrutó tiradito nikkei la última vez; este va en la misma línea"},
      {like, "", dinner, Language::kEnglish, "One of our most ordered starters at dinner"},
      {shared, "", dinner, Language::kEnglish, "Popular with guests who share your taste"},
      {shared, "", dinner, Language::kSpanish, "Muy elegido por comensales con sus mismos gustos"},
      {before, "", dinner, Language::kSpanish, "Ya lo pidió en una visita anterior"},
      {before, "", dinner, Language::kEnglish, "You had it on an earlier visit"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReasonText(c.r, c.evidence, c.c, c.lang), c.expected);
  }
}

}  // namespace
}  // namespace sobremesa
