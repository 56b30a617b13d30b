#include "analysis/category_aspect.h"

namespace sobremesa::analysis {

std::optional<Aspect> AspectOfCategory(std::string_view category) {
  const std::size_t hash = category.find('#');
  const std::string_view entity = category.substr(0, hash);
  const std::string_view attribute =
      hash == std::string_view::npos ? std::string_view() : category.substr(hash + 1);
  if (attribute == "PRICES") return Aspect::kValue;
  if (entity == "FOOD") return Aspect::kFood;
  if (entity == "DRINKS") return Aspect::kDrinks;
  if (entity == "SERVICE") return Aspect::kService;
  if (entity == "AMBIENCE" || entity == "LOCATION") return Aspect::kAmbience;
  return std::nullopt;
}

}  // namespace sobremesa::analysis
