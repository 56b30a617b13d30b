#pragma once
// The menu as the simulation sees it: features for taste matching, a hidden
// kitchen quality per item, and the items of each course.

#include <array>
#include <cstdint>
#include <vector>

#include "demo/taste_profile.h"
#include "domain/entities.h"

namespace sobremesa::demo {

// Facts about an item the simulation asks for on every order, computed once.
struct ItemTraits {
  bool cebiche = false;     // sells more in summer
  bool tasting = false;     // a tasting menu, ordered instead of starter and main
  bool onion = false;       // "sin cebolla" is possible
  bool steak = false;       // asks for doneness
  bool sweetened = false;   // "poco azúcar" is possible (non-alcoholic drinks)
};

// Items a table may order, by course; tasting menus apart.
struct AllowedItems {
  std::array<std::vector<size_t>, kCourseCount> by_course;
  std::vector<size_t> tasting;
};

class MenuContext {
 public:
  // Borrows `menu`, which must outlive this object.
  MenuContext(const std::vector<MenuItem>& menu, std::uint64_t seed);

  const std::vector<MenuItem>& menu() const { return menu_; }
  const MenuItem& item(size_t i) const { return menu_[i]; }
  const ItemFeatures& features(size_t i) const { return features_[i]; }
  // How well the kitchen makes the item, around 0; lifts orders and ratings.
  double quality(size_t i) const { return quality_[i]; }
  const std::vector<size_t>& ItemsOf(Course course) const {
    return by_course_[static_cast<size_t>(course)];
  }
  const ItemTraits& traits(size_t i) const { return traits_[i]; }

  // The items that may be served to a table whose host has these allergies
  // and needs. Unavailability is ignored: it is about tonight, and the
  // history is the past.
  AllowedItems AllowedFor(AllergenSet allergies, DietSet needs) const;

 private:
  const std::vector<MenuItem>& menu_;
  std::vector<ItemFeatures> features_;
  std::vector<double> quality_;
  std::vector<ItemTraits> traits_;
  std::array<std::vector<size_t>, kCourseCount> by_course_;
};

}  // namespace sobremesa::demo
