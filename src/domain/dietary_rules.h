#pragma once
// The safety rules that stand above every model: an item that contains one of
// a guest's declared allergens, breaks their dietary needs, or is off tonight
// is never offered to them, whatever a model scores.
//
// Defined here, inline, because rankers check them for every menu item of
// every request (a call each was ~8 % of a hybrid ranking).

#include "domain/entities.h"

namespace sobremesa {

enum class Exclusion : std::uint8_t { kNone, kAllergen, kDiet, kUnavailable };

// True when an item tagged `item_tags` meets every need in `needs`. Vegan
// items count as vegetarian, and vegetarian ones as pescatarian.
inline bool SatisfiesDiet(DietSet item_tags, DietSet needs) {
  DietSet effective = item_tags;
  if (effective.Contains(DietTag::kVegan)) effective.Add(DietTag::kVegetarian);
  if (effective.Contains(DietTag::kVegetarian)) effective.Add(DietTag::kPescatarian);
  return effective.ContainsAll(needs);
}

// Why `item` may not be offered to a guest with `allergies` and `needs`, or
// kNone when it may. Allergens are checked first: they are the dangerous case.
inline Exclusion ExclusionFor(const MenuItem& item, AllergenSet allergies, DietSet needs) {
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
