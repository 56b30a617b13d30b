#include "analysis/category_aspect.h"

#include <gtest/gtest.h>

namespace sobremesa::analysis {
namespace {

TEST(CategoryAspectTest, SemEvalCategoriesMapToTheFiveAspects) {
  const struct {
    const char* category;
    std::optional<Aspect> aspect;
  } cases[] = {
      {"FOOD#QUALITY", Aspect::kFood},
      {"FOOD#STYLE_OPTIONS", Aspect::kFood},
      {"FOOD#PRICES", Aspect::kValue},
      {"DRINKS#QUALITY", Aspect::kDrinks},
      {"DRINKS#PRICES", Aspect::kValue},
      {"SERVICE#GENERAL", Aspect::kService},
      {"AMBIENCE#GENERAL", Aspect::kAmbience},
      {"LOCATION#GENERAL", Aspect::kAmbience},
      {"RESTAURANT#PRICES", Aspect::kValue},
      {"RESTAURANT#GENERAL", std::nullopt},
      {"RESTAURANT#MISCELLANEOUS", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(AspectOfCategory(c.category), c.aspect) << c.category;
}

TEST(CategoryAspectTest, AspectCodesRoundTrip) {
  for (Aspect a : kAllAspects) EXPECT_EQ(ParseAspect(AspectCode(a)), a);
  EXPECT_EQ(ParseAspect("price"), std::nullopt);
}

}  // namespace
}  // namespace sobremesa::analysis
