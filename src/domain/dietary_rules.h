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

// The allergens an item meeting `needs` cannot carry: a vegan dish has no
// fish, shellfish, dairy or egg, a vegetarian one no fish or shellfish, a
// gluten-free one no gluten.
inline AllergenSet AllergensRuledOutBy(DietSet needs) {
  AllergenSet ruled_out;
  if (needs.Contains(DietTag::kVegan) || needs.Contains(DietTag::kVegetarian)) {
    ruled_out.Add(Allergen::kFish);
    ruled_out.Add(Allergen::kShellfish);
  }
  if (needs.Contains(DietTag::kVegan)) {
    ruled_out.Add(Allergen::kDairy);
    ruled_out.Add(Allergen::kEgg);
  }
  if (needs.Contains(DietTag::kGlutenFree)) ruled_out.Add(Allergen::kGluten);
  return ruled_out;
}

// Why `item` may not be offered to a guest with `allergies` and `needs`, or
// kNone when it may. Allergens are checked first: they are the dangerous case.
inline Exclusion ExclusionFor(const MenuItem& item, AllergenSet allergies, DietSet needs) {
  if (item.allergens.Intersects(allergies)) return Exclusion::kAllergen;
  // The allergens are the truth about a mis-tagged item: one tagged vegan
  // that carries dairy is not vegan, whatever its tags say.
  if (item.allergens.Intersects(AllergensRuledOutBy(needs))) return Exclusion::kDiet;
  if (!SatisfiesDiet(item.diet_tags, needs)) return Exclusion::kDiet;
  if (!item.available) return Exclusion::kUnavailable;
  return Exclusion::kNone;
}

}  // namespace sobremesa
