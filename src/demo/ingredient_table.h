#pragma once
// The one table from ingredient to allergens and animal origin. Menu items
// never state allergens or diet tags by hand: both are derived from their
// ingredient lists through this table, so an item cannot silently miss an
// allergen, and an ingredient missing from the table is an error, not "safe".

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/vocabulary.h"

namespace sobremesa::demo {

// What an ingredient comes from, for the vegan/vegetarian/pescatarian tags.
enum class Origin : std::uint8_t { kPlant, kMeat, kFish, kShellfish, kDairy, kEgg, kOtherAnimal };

struct IngredientInfo {
  std::string_view name;  // Spanish, lower case, as written in menu ingredient lists
  AllergenSet allergens;
  Origin origin = Origin::kPlant;
};

// Every known ingredient, sorted by name (bytewise).
std::span<const IngredientInfo> AllIngredients();

// The entry for `name`, or nullopt when the ingredient is unknown.
std::optional<IngredientInfo> FindIngredient(std::string_view name);

// Allergens and diet tags implied by an ingredient list. InvalidArgument
// naming the first unknown ingredient.
struct DerivedLabels {
  AllergenSet allergens;
  DietSet diet_tags;
};
StatusOr<DerivedLabels> DeriveLabels(std::span<const std::string> ingredients);

}  // namespace sobremesa::demo
