#include "domain/vocabulary.h"

#include <gtest/gtest.h>

#include "domain/entities.h"

namespace sobremesa {
namespace {

TEST(VocabularyTest, AllergenCodesRoundTrip) {
  for (int i = 0; i < kAllergenCount; ++i) {
    const auto a = static_cast<Allergen>(i);
    auto parsed = ParseAllergen(AllergenCode(a));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, a);
  }
  EXPECT_EQ(AllergenCode(Allergen::kTreeNut), "tree_nut");
  EXPECT_EQ(AllergenNameEs(Allergen::kPeanut), "maní");
}

TEST(VocabularyTest, UnknownCodeListsValidOnes) {
  auto parsed = ParseAllergen("nuts");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().message(),
            "unknown allergen 'nuts' (valid: fish, shellfish, dairy, gluten, egg, soy, peanut, "
            "tree_nut, sesame)");
}

TEST(VocabularyTest, ListsParseWholeOrFail) {
  auto set = ParseAllergenList({"fish", "sesame"});
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(AllergenCodes(*set), (std::vector<std::string>{"fish", "sesame"}));
  EXPECT_FALSE(ParseDietList({"vegan", "keto"}).ok());
}

TEST(VocabularyTest, EntityCodesRoundTrip) {
  EXPECT_EQ(*ParseReservationStatus("no_show"), ReservationStatus::kNoShow);
  EXPECT_EQ(EventTypeCode(EventType::kSentBack), "sent_back");
  EXPECT_FALSE(ParseEventType("clicked").ok());
}

}  // namespace
}  // namespace sobremesa
