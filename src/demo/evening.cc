#include "demo/evening.h"

namespace sobremesa::demo {
namespace {

bool IsDrink(const MenuItem* item) { return item->course == Course::kDrink; }

// Brands (wines, beers, Inca Kola) keep their capitals mid-sentence.
bool IsBrand(const MenuItem& item) {
  return item.category == "wine" || item.category == "beer" || item.external_id == "inca_kola" ||
         item.category == "pisco";
}

std::string NameIn(const MenuItem& item, Language language) {
  std::string name = language == Language::kEnglish ? item.name_en : item.name_es;
  // "(copa)" and "(glass)" are menu notes, not how people speak.
  const size_t paren = name.find(" (");
  if (paren != std::string::npos) name.resize(paren);
  return name;
}

}  // namespace

double Evening::FoodLiking() const {
  double sum = 0;
  int n = 0;
  for (size_t i = 0; i < host_items.size(); ++i) {
    if (IsDrink(host_items[i])) continue;
    sum += host_liking[i];
    ++n;
  }
  return n ? sum / n : 0.0;
}

const MenuItem* Evening::Best(bool drinks) const {
  const MenuItem* best = nullptr;
  double top = 0;
  for (size_t i = 0; i < host_items.size(); ++i) {
    if (IsDrink(host_items[i]) != drinks) continue;
    if (!best || host_liking[i] > top) best = host_items[i], top = host_liking[i];
  }
  return best;
}

const MenuItem* Evening::Worst(bool drinks) const {
  const MenuItem* worst = nullptr;
  double low = 0;
  for (size_t i = 0; i < host_items.size(); ++i) {
    if (IsDrink(host_items[i]) != drinks) continue;
    if (!worst || host_liking[i] < low) worst = host_items[i], low = host_liking[i];
  }
  return worst;
}

std::string FillDish(std::string_view fragment, const MenuItem& item, Language language) {
  const size_t at = fragment.find("{dish}");
  if (at == std::string_view::npos) return std::string(fragment);
  std::string name = NameIn(item, language);
  // Mid-sentence, "Cebiche clásico" becomes "cebiche clásico" (names start with ASCII).
  if (at > 0 && !IsBrand(item) && !name.empty() && name[0] >= 'A' && name[0] <= 'Z') {
    name[0] = static_cast<char>(name[0] - 'A' + 'a');
  }
  return std::string(fragment.substr(0, at)) + name + std::string(fragment.substr(at + 6));
}

std::string PickText(std::span<const std::string_view> fragments, const MenuItem* item,
                     Language language, DemoRandom& rng) {
  const std::string_view fragment = rng.Pick(fragments);
  return item ? FillDish(fragment, *item, language) : std::string(fragment);
}

}  // namespace sobremesa::demo
