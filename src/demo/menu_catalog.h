#pragma once
// The demo restaurant's carta: a Lima fine-dining menu (tasting menus plus à
// la carte) written as data. Allergens and diet tags are not in the data:
// BuildDemoMenu derives them from the ingredients (ingredient_table.h).

#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"

namespace sobremesa::demo {

struct CatalogEntry {
  std::string_view code;  // becomes the item's external_id
  std::string_view name_es;
  std::string_view name_en;
  Course course;
  std::string_view category;
  std::string_view ingredients;  // ", "-separated names from the ingredient table
  int spice_level;
  int price_soles;
  bool available = true;  // false: off tonight (the fish did not arrive ...)
};

// Splits an entry's ingredient text into names.
std::vector<std::string> SplitIngredients(std::string_view text);

// Every catalogue entry as a MenuItem (id 0, restaurant_id 0), with
// allergens and diet tags derived from the ingredients. InvalidArgument
// naming the item when an ingredient is unknown.
StatusOr<std::vector<MenuItem>> BuildDemoMenu();

}  // namespace sobremesa::demo
