#include "demo/menu_catalog.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "demo/ingredient_table.h"

namespace sobremesa::demo {
namespace {

const std::vector<MenuItem>& Menu() {
  static const std::vector<MenuItem> menu = [] {
    StatusOr<std::vector<MenuItem>> built = BuildDemoMenu();
    EXPECT_TRUE(built.ok()) << built.status().ToString();
    return built.ok() ? *built : std::vector<MenuItem>{};
  }();
  return menu;
}

const MenuItem& Item(std::string_view code) {
  for (const MenuItem& item : Menu()) {
    if (item.external_id == code) return item;
  }
  ADD_FAILURE() << "no item " << code;
  static const MenuItem kNone;
  return kNone;
}

std::string Codes(AllergenSet s) {
  std::string out;
  for (const std::string& c : AllergenCodes(s)) out += c + " ";
  return out;
}

TEST(MenuCatalogTest, HasAboutAHundredItemsInEveryCourse) {
  EXPECT_GE(Menu().size(), 90u);
  EXPECT_LE(Menu().size(), 150u);
  std::map<Course, int> per_course;
  for (const MenuItem& item : Menu()) ++per_course[item.course];
  for (Course c : {Course::kStarter, Course::kMain, Course::kDessert, Course::kDrink}) {
    EXPECT_GE(per_course[c], 12) << CourseCode(c);
  }
}

TEST(MenuCatalogTest, EveryItemHasBothNamesAUniqueCodeAndIngredients) {
  std::set<std::string> codes;
  for (const MenuItem& item : Menu()) {
    EXPECT_FALSE(item.name_es.empty()) << item.external_id;
    EXPECT_FALSE(item.name_en.empty()) << item.external_id;
    EXPECT_FALSE(item.category.empty()) << item.external_id;
    EXPECT_FALSE(item.ingredients.empty()) << item.external_id;
    EXPECT_TRUE(codes.insert(item.external_id).second) << "duplicate " << item.external_id;
  }
}

TEST(MenuCatalogTest, EveryIngredientIsInTheAllergenTable) {
  for (const MenuItem& item : Menu()) {
    for (const std::string& ingredient : item.ingredients) {
      EXPECT_TRUE(FindIngredient(ingredient).has_value())
          << item.external_id << ": unknown ingredient '" << ingredient << "'";
    }
  }
}

TEST(MenuCatalogTest, AllergensAreTheUnionOfTheIngredientsAllergens) {
  for (const MenuItem& item : Menu()) {
    AllergenSet expected;
    for (const std::string& ingredient : item.ingredients) {
      const auto info = FindIngredient(ingredient);
      if (info) expected = AllergenSet::FromBits(expected.bits() | info->allergens.bits());
    }
    EXPECT_EQ(item.allergens, expected)
        << item.external_id << ": has " << Codes(item.allergens) << "expected " << Codes(expected);
  }
}

TEST(MenuCatalogTest, KnownDishesCarryTheirAllergens) {
  using A = Allergen;
  const struct {
    std::string_view code;
    AllergenSet allergens;
  } kCases[] = {
      {"ceviche_clasico", {A::kFish}},
      {"pisco_sour", {A::kEgg}},
      {"tiradito_nikkei", {A::kFish, A::kSoy, A::kGluten, A::kSesame}},
      {"aji_de_gallina", {A::kGluten, A::kDairy, A::kTreeNut, A::kEgg}},
      {"ocopa", {A::kPeanut, A::kDairy, A::kGluten, A::kEgg}},
      {"lomo_saltado", {A::kSoy, A::kGluten}},
      {"choritos_chalaca", {A::kShellfish}},
      {"barbarian_red_ale", {A::kGluten}},
      {"chicha_morada", {}},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(Item(c.code).allergens, c.allergens)
        << c.code << ": has " << Codes(Item(c.code).allergens) << "expected " << Codes(c.allergens);
  }
}

TEST(MenuCatalogTest, DietTagsFollowTheIngredients) {
  using D = DietTag;
  const struct {
    std::string_view code;
    DietSet tags;
  } kCases[] = {
      {"guiso_tarwi", {D::kVegan, D::kVegetarian, D::kPescatarian, D::kGlutenFree}},
      {"frutas_miel_muna", {D::kVegetarian, D::kPescatarian, D::kGlutenFree}},  // honey
      {"quinotto_hongos", {D::kVegetarian, D::kPescatarian, D::kGlutenFree}},
      {"ceviche_clasico", {D::kPescatarian, D::kGlutenFree}},
      {"lomo_saltado", {}},
      {"picarones", {D::kVegan, D::kVegetarian, D::kPescatarian}},
  };
  for (const auto& c : kCases) EXPECT_EQ(Item(c.code).diet_tags, c.tags) << c.code;
}

TEST(MenuCatalogTest, NoVeganOrVegetarianItemContainsAnimalAllergens) {
  int vegan = 0, gluten_free = 0;
  for (const MenuItem& item : Menu()) {
    const AllergenSet& a = item.allergens;
    const bool flesh = a.Contains(Allergen::kFish) || a.Contains(Allergen::kShellfish);
    if (item.diet_tags.Contains(DietTag::kVegan)) {
      ++vegan;
      EXPECT_FALSE(flesh || a.Contains(Allergen::kDairy) || a.Contains(Allergen::kEgg))
          << item.external_id << " is vegan but has " << Codes(a);
      EXPECT_TRUE(item.diet_tags.Contains(DietTag::kVegetarian)) << item.external_id;
    }
    if (item.diet_tags.Contains(DietTag::kVegetarian)) {
      EXPECT_FALSE(flesh) << item.external_id;
    }
    const bool gf = item.diet_tags.Contains(DietTag::kGlutenFree);
    gluten_free += gf;
    EXPECT_NE(gf, a.Contains(Allergen::kGluten)) << item.external_id;
  }
  EXPECT_GE(vegan, 5);  // vegans find a starter, a main and a dessert
  EXPECT_GE(gluten_free, 30);
}

TEST(MenuCatalogTest, PricesAreRealisticLimaFineDining) {
  const struct {
    std::string_view category;
    Course course;
    int lo, hi;  // soles
  } kBands[] = {
      {"", Course::kStarter, 45, 75}, {"", Course::kMain, 65, 120},
      {"", Course::kDessert, 28, 40}, {"cocktail", Course::kDrink, 32, 45},
      {"wine", Course::kDrink, 35, 60},
  };
  for (const MenuItem& item : Menu()) {
    if (item.category == "degustacion") {
      EXPECT_GE(item.price, 300'00) << item.external_id;
      continue;
    }
    for (const auto& band : kBands) {
      if (item.course != band.course) continue;
      if (!band.category.empty() && item.category != band.category) continue;
      EXPECT_GE(item.price, band.lo * 100) << item.external_id;
      EXPECT_LE(item.price, band.hi * 100) << item.external_id;
    }
    EXPECT_GE(item.spice_level, 0);
    EXPECT_LE(item.spice_level, 3);
  }
}

TEST(MenuCatalogTest, AFewItemsAreOffTonight) {
  int off = 0;
  for (const MenuItem& item : Menu()) off += item.available ? 0 : 1;
  EXPECT_GE(off, 2);
  EXPECT_LE(off, 8);
}

TEST(IngredientTableTest, NamesAreUniqueAndFindable) {
  std::set<std::string_view> names;
  for (const IngredientInfo& info : AllIngredients()) {
    EXPECT_TRUE(names.insert(info.name).second) << "duplicate " << info.name;
    EXPECT_TRUE(FindIngredient(info.name).has_value()) << info.name;
  }
}

TEST(IngredientTableTest, DeriveLabelsRejectsAnUnknownIngredient) {
  const std::vector<std::string> ingredients = {"lenguado", "kriptonita"};
  const StatusOr<DerivedLabels> labels = DeriveLabels(ingredients);
  ASSERT_FALSE(labels.ok());
  EXPECT_NE(labels.status().message().find("kriptonita"), std::string::npos);
}

TEST(IngredientTableTest, SplitIngredientsReadsACommaList) {
  EXPECT_EQ(SplitIngredients("lenguado, ají limo, limón"),
            (std::vector<std::string>{"lenguado", "ají limo", "limón"}));
  EXPECT_TRUE(SplitIngredients("").empty());
}

// The article a waiter says: derived from the name, or stated where the
// name cannot tell (brands, "el coca sour").
TEST(MenuCatalogTest, EveryDishIsSaidWithItsArticle) {
  const std::pair<const char*, const char*> cases[] = {
      {"ceviche_clasico", "el"},    {"causa_limena", "la"},       {"anticuchos_corazon", "los"},
      {"conchitas_parmesana", "las"}, {"suspiro_limena", "el"},   {"agua_mineral", "el"},
      {"tres_leches_lucuma", "el"}, {"coca_sour", "el"},          {"intipalka_malbec", "el"},
      {"cumbres_negra", "la"},      {"barbarian_red_ale", "la"},  {"inca_kola", "la"},
  };
  for (const auto& [code, article] : cases) {
    EXPECT_EQ(SpanishArticleCode(ArticleEs(Item(code))), article) << code;
  }
}

TEST(MenuCatalogTest, OnlyStillWaterIsAStaple) {
  for (const MenuItem& item : Menu()) {
    EXPECT_EQ(item.staple, item.external_id == "agua_mineral") << item.external_id;
  }
}

}  // namespace
}  // namespace sobremesa::demo
