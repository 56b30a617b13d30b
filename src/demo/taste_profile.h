#pragma once
// A guest's hidden tastes and the menu features they act on. The generator
// lets tastes drive what guests order and how they rate it; the tastes are
// never written to the store, so a model has real signal to find and nothing
// to copy.

#include <array>

#include "domain/entities.h"

namespace sobremesa::demo {

enum class Taste : std::uint8_t {
  kSeafood, kCriollo, kNikkei, kAndino, kSpicy, kSweet, kWine, kPisco, kNonAlcoholic,
};
inline constexpr int kTasteCount = 9;

struct TasteProfile {
  // Affinity per Taste, roughly in [-2, 2]; 0 is indifferent.
  std::array<double, kTasteCount> affinity{};
  // 0 (price is no object) .. 1 (counts every sol).
  double price_sensitivity = 0.3;

  double operator[](Taste t) const { return affinity[static_cast<size_t>(t)]; }
  double& operator[](Taste t) { return affinity[static_cast<size_t>(t)]; }
};

// How much an item carries each feature, in [0, 1], plus its price relative
// to the median of its course (0 = median, +1 = twice the median).
struct ItemFeatures {
  std::array<double, kTasteCount> weight{};
  double relative_price = 0;

  double operator[](Taste t) const { return weight[static_cast<size_t>(t)]; }
};

// Features of `item`; `course_median_price` is the median price of its course.
ItemFeatures FeaturesOf(const MenuItem& item, Centimos course_median_price);

// How much a guest with `taste` likes an item with `features` (unbounded,
// around 0; each taste unit moves it by about one).
double Affinity(const TasteProfile& taste, const ItemFeatures& features);

}  // namespace sobremesa::demo
