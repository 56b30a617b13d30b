#include "domain/vocabulary.h"

#include <array>

#include "domain/code_table.h"

namespace sobremesa {
namespace {

constexpr std::array<std::string_view, kAllergenCount> kAllergenCodes{
    "fish", "shellfish", "dairy", "gluten", "egg", "soy", "peanut", "tree_nut", "sesame"};
constexpr std::array<std::string_view, kAllergenCount> kAllergenNamesEs{
    "pescado", "mariscos", "lácteos", "gluten", "huevo", "soya", "maní", "frutos de cáscara",
    "ajonjolí"};
constexpr std::array<std::string_view, kAllergenCount> kAllergenNamesEn{
    "fish", "shellfish", "dairy", "gluten", "egg", "soy", "peanut", "tree nuts", "sesame"};
constexpr std::array<std::string_view, kDietTagCount> kDietCodes{"vegetarian", "vegan",
                                                                 "pescatarian", "gluten_free"};
constexpr std::array<std::string_view, kCourseCount> kCourseCodes{"starter", "main", "dessert",
                                                                  "drink"};
constexpr std::array<std::string_view, 3> kLanguageCodes{"es", "en", "pt"};

}  // namespace

std::string_view AllergenCode(Allergen a) { return kAllergenCodes[size_t(a)]; }
std::string_view AllergenNameEs(Allergen a) { return kAllergenNamesEs[size_t(a)]; }
std::string_view AllergenNameEn(Allergen a) { return kAllergenNamesEn[size_t(a)]; }
StatusOr<Allergen> ParseAllergen(std::string_view code) {
  return ParseCodeFromTable<Allergen>(code, kAllergenCodes, "allergen");
}

std::string_view DietTagCode(DietTag d) { return kDietCodes[size_t(d)]; }
StatusOr<DietTag> ParseDietTag(std::string_view code) {
  return ParseCodeFromTable<DietTag>(code, kDietCodes, "diet tag");
}

std::string_view CourseCode(Course c) { return kCourseCodes[size_t(c)]; }
StatusOr<Course> ParseCourse(std::string_view code) {
  return ParseCodeFromTable<Course>(code, kCourseCodes, "course");
}

std::string_view LanguageCode(Language l) { return kLanguageCodes[size_t(l)]; }
StatusOr<Language> ParseLanguage(std::string_view code) {
  return ParseCodeFromTable<Language>(code, kLanguageCodes, "language");
}

std::vector<std::string> AllergenCodes(AllergenSet s) {
  std::vector<std::string> out;
  for (int i = 0; i < kAllergenCount; ++i) {
    if (s.Contains(Allergen(i))) out.emplace_back(AllergenCode(Allergen(i)));
  }
  return out;
}

std::vector<std::string> DietTagCodes(DietSet s) {
  std::vector<std::string> out;
  for (int i = 0; i < kDietTagCount; ++i) {
    if (s.Contains(DietTag(i))) out.emplace_back(DietTagCode(DietTag(i)));
  }
  return out;
}

StatusOr<AllergenSet> ParseAllergenList(const std::vector<std::string>& codes) {
  AllergenSet set;
  for (const auto& c : codes) {
    ASSIGN_OR_RETURN(Allergen a, ParseAllergen(c));
    set.Add(a);
  }
  return set;
}

StatusOr<DietSet> ParseDietList(const std::vector<std::string>& codes) {
  DietSet set;
  for (const auto& c : codes) {
    ASSIGN_OR_RETURN(DietTag d, ParseDietTag(c));
    set.Add(d);
  }
  return set;
}

}  // namespace sobremesa
