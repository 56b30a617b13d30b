#pragma once
// The safety rules that stand above every model: an item that contains one of
// a guest's declared allergens, breaks their dietary needs, or is off tonight
// is never offered to them, whatever a model scores.

#include "domain/entities.h"

namespace sobremesa {

enum class Exclusion : std::uint8_t { kNone, kAllergen, kDiet, kUnavailable };

// True when an item tagged `item_tags` meets every need in `needs`. Vegan
// items count as vegetarian, and vegetarian ones as pescatarian.
bool SatisfiesDiet(DietSet item_tags, DietSet needs);

// Why `item` may not be offered to a guest with `allergies` and `needs`, or
// kNone when it may. Allergens are checked first: they are the dangerous case.
Exclusion ExclusionFor(const MenuItem& item, AllergenSet allergies, DietSet needs);

}  // namespace sobremesa
