#include "demo/menu_context.h"

#include <algorithm>
#include <string_view>

#include "demo/demo_random.h"
#include "domain/dietary_rules.h"

namespace sobremesa::demo {
namespace {

// The house signatures everybody orders and the kitchen nails.
constexpr std::string_view kSignatures[] = {"ceviche_clasico", "lomo_saltado", "pisco_sour",
                                            "suspiro_limena", "arroz_con_pato", "causa_limena"};

Centimos MedianPrice(const std::vector<MenuItem>& menu, const std::vector<size_t>& items) {
  std::vector<Centimos> prices;
  for (size_t i : items) prices.push_back(menu[i].price);
  if (prices.empty()) return 0;
  std::sort(prices.begin(), prices.end());
  return prices[prices.size() / 2];
}

bool Has(const MenuItem& item, std::string_view ingredient) {
  return std::find(item.ingredients.begin(), item.ingredients.end(), ingredient) !=
         item.ingredients.end();
}

ItemTraits TraitsOf(const MenuItem& item) {
  ItemTraits t;
  t.cebiche = item.category == "cebiche";
  t.tasting = item.category == "degustacion";
  t.onion = Has(item, "cebolla roja");
  t.steak = Has(item, "lomo fino") || Has(item, "bistec de res");
  t.sweetened = item.category == "non_alcoholic" && Has(item, "azúcar");
  return t;
}

}  // namespace

MenuContext::MenuContext(const std::vector<MenuItem>& menu, std::uint64_t seed) : menu_(menu) {
  for (size_t i = 0; i < menu.size(); ++i) {
    by_course_[static_cast<size_t>(menu[i].course)].push_back(i);
  }
  DemoRandom rng = DemoRandom::ForStream(seed, 3);
  for (size_t i = 0; i < menu.size(); ++i) {
    const Centimos median = MedianPrice(menu, ItemsOf(menu[i].course));
    features_.push_back(FeaturesOf(menu[i], median));
    const bool signature = std::find(std::begin(kSignatures), std::end(kSignatures),
                                     menu[i].external_id) != std::end(kSignatures);
    quality_.push_back(0.35 * rng.Normal() + (signature ? 0.5 : 0.0));
    traits_.push_back(TraitsOf(menu[i]));
  }
}

AllowedItems MenuContext::AllowedFor(AllergenSet allergies, DietSet needs) const {
  AllowedItems allowed;
  for (size_t i = 0; i < menu_.size(); ++i) {
    const Exclusion e = ExclusionFor(menu_[i], allergies, needs);
    if (e != Exclusion::kNone && e != Exclusion::kUnavailable) continue;
    if (traits_[i].tasting) {
      allowed.tasting.push_back(i);
    } else {
      allowed.by_course[static_cast<size_t>(menu_[i].course)].push_back(i);
    }
  }
  return allowed;
}

}  // namespace sobremesa::demo
