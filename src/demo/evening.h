#pragma once
// One table's evening as the guest lived it: what the host ate and how they
// liked it, whether the kitchen was slow. Feedback and social mentions are
// written from it, so their text and stars match the visit.

#include <string>
#include <string_view>
#include <vector>

#include "demo/demo_random.h"
#include "domain/entities.h"

namespace sobremesa::demo {

struct Evening {
  Language language = Language::kSpanish;
  std::string_view occasion;
  std::vector<const MenuItem*> host_items;  // borrowed from the menu
  std::vector<double> host_liking;          // parallel to host_items, around 0
  bool kitchen_delayed = false;
  bool tourist = false;
  double price_sensitivity = 0.3;

  // Mean liking of the host's food (not drinks); 0 when none.
  double FoodLiking() const;
  // The food or drink item the host liked most / least; nullptr when none.
  const MenuItem* Best(bool drinks) const;
  const MenuItem* Worst(bool drinks) const;
};

// The item's name as a guest writing in `language` would put it in a
// sentence, where "{dish}" stands in `fragment`.
std::string FillDish(std::string_view fragment, const MenuItem& item, Language language);

// A random fragment of a kind, with "{dish}" filled when `item` is given.
std::string PickText(std::span<const std::string_view> fragments, const MenuItem* item,
                     Language language, DemoRandom& rng);

}  // namespace sobremesa::demo
