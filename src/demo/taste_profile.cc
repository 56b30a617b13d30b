#include "demo/taste_profile.h"

#include <algorithm>

namespace sobremesa::demo {
namespace {

bool HasIngredientPrefix(const MenuItem& item, std::string_view prefix) {
  return std::any_of(item.ingredients.begin(), item.ingredients.end(),
                     [&](const std::string& i) { return i.starts_with(prefix); });
}

double SeafoodWeight(const MenuItem& item) {
  return item.allergens.Contains(Allergen::kFish) || item.allergens.Contains(Allergen::kShellfish)
             ? 1.0
             : 0.0;
}

double SweetWeight(const MenuItem& item) {
  if (item.course == Course::kDessert) return 1.0;
  if (item.category == "cocktail") return 0.3;
  return item.category == "non_alcoholic" ? 0.4 : 0.0;
}

}  // namespace

ItemFeatures FeaturesOf(const MenuItem& item, Centimos course_median_price) {
  ItemFeatures f;
  auto set = [&f](Taste t, double v) { f.weight[static_cast<size_t>(t)] = v; };
  const std::string& c = item.category;
  set(Taste::kSeafood, SeafoodWeight(item));
  set(Taste::kCriollo, c == "criollo" ? 1.0 : (c == "marino" || c == "degustacion") ? 0.4 : 0.0);
  set(Taste::kNikkei, c == "nikkei" ? 1.0 : c == "chifa" ? 0.6 : 0.0);
  set(Taste::kAndino, c == "andino" || c == "amazonico" ? 1.0 : c == "degustacion" ? 0.6 : 0.0);
  set(Taste::kSpicy, item.spice_level / 3.0);
  set(Taste::kSweet, SweetWeight(item));
  set(Taste::kWine, c == "wine" ? 1.0 : 0.0);
  set(Taste::kPisco, c == "pisco" ? 1.0 : HasIngredientPrefix(item, "pisco") ? 0.8 : 0.0);
  set(Taste::kNonAlcoholic, c == "non_alcoholic" || c == "hot_drink" ? 1.0 : 0.0);
  if (course_median_price > 0) {
    f.relative_price = static_cast<double>(item.price - course_median_price) /
                       static_cast<double>(course_median_price);
  }
  return f;
}

double Affinity(const TasteProfile& taste, const ItemFeatures& features) {
  double score = 0;
  for (size_t i = 0; i < kTasteCount; ++i) score += taste.affinity[i] * features.weight[i];
  return score - 1.5 * taste.price_sensitivity * features.relative_price;
}

}  // namespace sobremesa::demo
