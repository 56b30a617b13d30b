#pragma once
// A tiny menu for the models' tests.

#include <vector>

#include "domain/entities.h"

namespace sobremesa::testing {

inline MenuItem MakeItem(Id id, const char* name, Course course, AllergenSet allergens = {},
                         DietSet tags = {}, bool available = true) {
  MenuItem m;
  m.id = id;
  m.restaurant_id = 1;
  m.name_es = name;
  m.name_en = name;
  m.course = course;
  m.allergens = allergens;
  m.diet_tags = tags;
  m.available = available;
  return m;
}

// 1 cebiche (fish), 2 causa (egg), 3 lomo saltado (soy, gluten), 4 quinotto
// (vegan), 5 pisco sour (egg), 6 chicha morada (vegan), 7 suspiro (dairy,
// egg), 8 paiche (fish, unavailable).
inline std::vector<MenuItem> SmallMenu() {
  using A = Allergen;
  using D = DietTag;
  return {
      MakeItem(1, "cebiche", Course::kStarter, {A::kFish}, {D::kPescatarian, D::kGlutenFree}),
      MakeItem(2, "causa", Course::kStarter, {A::kEgg}, {D::kVegetarian, D::kGlutenFree}),
      MakeItem(3, "lomo saltado", Course::kMain, {A::kSoy, A::kGluten}),
      MakeItem(4, "quinotto", Course::kMain, {}, {D::kVegan, D::kGlutenFree}),
      MakeItem(5, "pisco sour", Course::kDrink, {A::kEgg}, {D::kVegetarian, D::kGlutenFree}),
      MakeItem(6, "chicha morada", Course::kDrink, {}, {D::kVegan, D::kGlutenFree}),
      MakeItem(7, "suspiro", Course::kDessert, {A::kDairy, A::kEgg}, {D::kVegetarian}),
      MakeItem(8, "paiche", Course::kMain, {A::kFish}, {D::kPescatarian}, /*available=*/false),
  };
}

}  // namespace sobremesa::testing
