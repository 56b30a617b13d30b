#include "domain/dietary_rules.h"

namespace sobremesa {

bool SatisfiesDiet(DietSet item_tags, DietSet needs) {
  DietSet effective = item_tags;
  if (effective.Contains(DietTag::kVegan)) effective.Add(DietTag::kVegetarian);
  if (effective.Contains(DietTag::kVegetarian)) effective.Add(DietTag::kPescatarian);
  return effective.ContainsAll(needs);
}

Exclusion ExclusionFor(const MenuItem& item, AllergenSet allergies, DietSet needs) {
  if (item.allergens.Intersects(allergies)) return Exclusion::kAllergen;
  // A gluten-free guest is also protected by the allergen: an item carrying
  // gluten is never gluten-free, whatever its tags say.
  if (needs.Contains(DietTag::kGlutenFree) && item.allergens.Contains(Allergen::kGluten)) {
    return Exclusion::kDiet;
  }
  if (!SatisfiesDiet(item.diet_tags, needs)) return Exclusion::kDiet;
  if (!item.available) return Exclusion::kUnavailable;
  return Exclusion::kNone;
}

}  // namespace sobremesa
