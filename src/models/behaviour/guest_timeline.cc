#include "models/behaviour/guest_timeline.h"

namespace sobremesa {

void CountDish(const MenuItem& item, VisitDishes& dishes) {
  if (item.course == Course::kDrink) {
    dishes.drinks += 1;
    return;
  }
  if (item.course == Course::kDessert) return;
  dishes.food += 1;
  if (item.allergens.Contains(Allergen::kFish) || item.allergens.Contains(Allergen::kShellfish)) {
    dishes.seafood += 1;
  } else if (item.diet_tags.Contains(DietTag::kVegetarian) || item.diet_tags.Contains(DietTag::kVegan)) {
    dishes.vegetarian += 1;
  } else {
    dishes.meat += 1;
  }
}

bool IsCelebration(const std::string& occasion) {
  return occasion == "birthday" || occasion == "anniversary" || occasion == "celebration";
}

void SetOccasion(const std::string& occasion, TimelineVisit& visit) {
  visit.celebration = IsCelebration(occasion);
  visit.business = occasion == "business";
  visit.date = occasion == "date";
}

}  // namespace sobremesa
