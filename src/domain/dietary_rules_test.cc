#include "domain/dietary_rules.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

MenuItem Item(AllergenSet allergens, DietSet tags, bool available = true) {
  MenuItem m;
  m.name_es = "plato";
  m.allergens = allergens;
  m.diet_tags = tags;
  m.available = available;
  return m;
}

TEST(DietaryRulesTest, ItemWithGuestAllergenIsExcluded) {
  const MenuItem cebiche = Item({Allergen::kFish}, {DietTag::kPescatarian, DietTag::kGlutenFree});
  EXPECT_EQ(ExclusionFor(cebiche, {Allergen::kFish}, {}), Exclusion::kAllergen);
  EXPECT_EQ(ExclusionFor(cebiche, {Allergen::kShellfish}, {}), Exclusion::kNone);
}

TEST(DietaryRulesTest, AllergenWinsOverUnavailability) {
  const MenuItem item = Item({Allergen::kPeanut}, {}, /*available=*/false);
  EXPECT_EQ(ExclusionFor(item, {Allergen::kPeanut}, {}), Exclusion::kAllergen);
  EXPECT_EQ(ExclusionFor(item, {}, {}), Exclusion::kUnavailable);
}

TEST(DietaryRulesTest, DietHierarchyVeganIsVegetarianIsPescatarian) {
  EXPECT_TRUE(SatisfiesDiet({DietTag::kVegan}, {DietTag::kVegetarian}));
  EXPECT_TRUE(SatisfiesDiet({DietTag::kVegan}, {DietTag::kPescatarian}));
  EXPECT_TRUE(SatisfiesDiet({DietTag::kVegetarian}, {DietTag::kPescatarian}));
  EXPECT_FALSE(SatisfiesDiet({DietTag::kVegetarian}, {DietTag::kVegan}));
  EXPECT_FALSE(SatisfiesDiet({DietTag::kPescatarian}, {DietTag::kVegetarian}));
  EXPECT_FALSE(SatisfiesDiet({}, {DietTag::kGlutenFree}));
}

TEST(DietaryRulesTest, GlutenTaggedItemNeverPassesAsGlutenFree) {
  // A mis-tagged item: the allergen is the truth.
  const MenuItem item = Item({Allergen::kGluten}, {DietTag::kGlutenFree});
  EXPECT_EQ(ExclusionFor(item, {}, {DietTag::kGlutenFree}), Exclusion::kDiet);
}

TEST(DietaryRulesTest, MisTaggedItemNeverPassesForADietItsAllergensBreak) {
  const struct {
    AllergenSet allergens;
    DietTag tag_and_need;
  } kCases[] = {
      {{Allergen::kDairy}, DietTag::kVegan},      {{Allergen::kEgg}, DietTag::kVegan},
      {{Allergen::kFish}, DietTag::kVegan},       {{Allergen::kShellfish}, DietTag::kVegetarian},
      {{Allergen::kFish}, DietTag::kVegetarian},
  };
  for (const auto& c : kCases) {
    const MenuItem item = Item(c.allergens, {c.tag_and_need});
    EXPECT_EQ(ExclusionFor(item, {}, {c.tag_and_need}), Exclusion::kDiet)
        << AllergenCodes(c.allergens)[0] << " in an item tagged " << DietTagCode(c.tag_and_need);
  }
  // What the diet allows stays allowed: egg and dairy are vegetarian, fish
  // is pescatarian.
  EXPECT_EQ(ExclusionFor(Item({Allergen::kEgg, Allergen::kDairy}, {DietTag::kVegetarian}), {},
                         {DietTag::kVegetarian}),
            Exclusion::kNone);
  EXPECT_EQ(ExclusionFor(Item({Allergen::kFish}, {DietTag::kPescatarian}), {},
                         {DietTag::kPescatarian}),
            Exclusion::kNone);
}

}  // namespace
}  // namespace sobremesa
