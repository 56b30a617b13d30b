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
      {tonight, &seco, dinner, Language::kSpanish, "Marida con el seco de cordero de esta noche"},
      {tonight, &seco, dinner, Language::kEnglish, "Pairs with tonight's lamb stew"},
      {history, &tiradito, dinner, Language::kEnglish, "Guests who enjoy the tiradito nikkei often choose it"},
      {history, nullptr, dinner, Language::kEnglish, "One of our most ordered starters at dinner"},
      {popular, nullptr, lunch, Language::kSpanish, "De las entradas más pedidas al almuerzo"},
      {popular, nullptr, lunch_birthday, Language::kEnglish, "A favourite for birthdays"},
      {like, &tiradito, dinner, Language::kEnglish, "You enjoyed the tiradito nikkei last time; this is in the same vein"},
      {like, &tiradito, dinner, Language::kSpanish, "Disfrutó el tiradito nikkei la última vez; este va en la misma línea"},
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
            "Va muy bien con el pescado a lo macho");
  EXPECT_EQ(ReasonText(dessert_pairs, &main, dinner, Language::kSpanish),
            "Va muy bien después del pescado a lo macho");
}

// A waiter says the dish's article, and the words about the suggested
// item agree with it: "la ha pedido", "estos van", "elegidas".
TEST(ReasonTextTest, SpanishSaysTheArticleAndAgreesWithTheSuggestedDish) {
  const MenuItem causa = Item(Course::kStarter, "Causa limeña de pollo");
  const MenuItem anticuchos = Item(Course::kStarter, "Anticuchos de corazón");
  const MenuItem conchitas = Item(Course::kStarter, "Conchitas a la parmesana");
  const MenuItem suspiro = Item(Course::kDessert, "Suspiro a la limeña");
  const MenuItem lomo = Item(Course::kMain, "Lomo saltado");
  const RecommendationContext dinner;
  RecommendationContext birthday;
  birthday.occasion = OccasionKind::kBirthday;
  const struct {
    RankedItem ranked;
    const MenuItem* evidence;
    const RecommendationContext& context;
    const char* expected;
  } cases[] = {
      {{&causa, 0.9f, ReasonKind::kFavourite, 0, 3, false}, nullptr, dinner,
       "La ha pedido en 3 visitas: una de sus favoritas"},
      {{&anticuchos, 0.9f, ReasonKind::kFavourite, 0, 3, false}, nullptr, dinner,
       "Los ha pedido en 3 visitas: de sus favoritos"},
      {{&conchitas, 0.6f, ReasonKind::kOrderedBefore, 0, 1, false}, nullptr, dinner,
       "Ya las pidió en una visita anterior"},
      {{&anticuchos, 0.7f, ReasonKind::kLikeHistory, 1, 0, false}, &causa, dinner,
       "Disfrutó la causa limeña de pollo la última vez; estos van en la misma línea"},
      {{&causa, 0.7f, ReasonKind::kPairsWith, 1, 0, true}, &lomo, dinner,
       "Va muy bien con el lomo saltado"},
      {{&anticuchos, 0.7f, ReasonKind::kPairsWith, 1, 0, true}, &lomo, dinner,
       "Van muy bien con el lomo saltado"},
      {{&suspiro, 0.7f, ReasonKind::kPairsWith, 1, 0, true}, &lomo, dinner,
       "Va muy bien después del lomo saltado"},
      {{&suspiro, 0.7f, ReasonKind::kPairsWith, 1, 0, true}, &causa, dinner,
       "Va muy bien después de la causa limeña de pollo"},
      {{&causa, 0.7f, ReasonKind::kPairsWith, 1, 0, false}, &conchitas, dinner,
       "Quienes disfrutan las conchitas a la parmesana suelen elegirla"},
      {{&conchitas, 0.6f, ReasonKind::kSharedTaste, 0, 0, false}, nullptr, dinner,
       "Muy elegidas por comensales con sus mismos gustos"},
      {{&causa, 0.5f, ReasonKind::kPopular, 0, 0, false}, nullptr, birthday,
       "Una favorita para cumpleaños"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ReasonText(c.ranked, c.evidence, c.context, Language::kSpanish), c.expected);
  }
}

// A wine's "(copa)", a dessert's subtitle and a pisco's ", neat" are read
// on the menu, not said at the table; a brand keeps its capitals.
TEST(ReasonTextTest, SaysTheNameWithoutTheMenusQualifiers) {
  MenuItem malbec = Item(Course::kDrink, "Intipalka Malbec (copa)", "Intipalka Malbec (glass)");
  malbec.article_es = SpanishArticle::kEl;
  const MenuItem pisco = Item(Course::kDrink, "Pisco Quebranta (copa)", "Quebranta pisco, neat");
  const MenuItem suspiro =
      Item(Course::kDessert, "Suspiro a la limeña", "Lima sigh: manjar and port meringue");
  const MenuItem lomo = Item(Course::kMain, "Lomo saltado", "Wok-tossed beef tenderloin");
  const RankedItem wine_tonight{&malbec, 0.8f, ReasonKind::kPairsWith, 1, 0, true};
  const RankedItem after_pisco{&suspiro, 0.8f, ReasonKind::kPairsWith, 1, 0, false};
  const RankedItem liked_suspiro{&lomo, 0.8f, ReasonKind::kLikeHistory, 1, 0, false};
  const RecommendationContext dinner;
  EXPECT_EQ(ReasonText(wine_tonight, &lomo, dinner, Language::kEnglish),
            "Pairs with tonight's Wok-tossed beef tenderloin");
  EXPECT_EQ(ReasonText(after_pisco, &pisco, dinner, Language::kSpanish),
            "Quienes disfrutan el Pisco Quebranta suelen elegirlo");
  EXPECT_EQ(ReasonText(after_pisco, &pisco, dinner, Language::kEnglish),
            "Guests who enjoy the Quebranta pisco often choose it");
  EXPECT_EQ(ReasonText(after_pisco, &malbec, dinner, Language::kEnglish),
            "Guests who enjoy the Intipalka Malbec often choose it");
  EXPECT_EQ(ReasonText(liked_suspiro, &suspiro, dinner, Language::kEnglish),
            "You enjoyed the Lima sigh last time; this is in the same vein");
  EXPECT_EQ(ReasonText(liked_suspiro, &suspiro, dinner, Language::kSpanish),
            "Disfrutó el suspiro a la limeña la última vez; este va en la misma línea");
}

}  // namespace
}  // namespace sobremesa
