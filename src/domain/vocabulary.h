#pragma once
// The fixed vocabularies shared by menu items and guests. Codes are stable
// API and storage values; display names in Spanish and English are separate.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sobremesa {

enum class Allergen : std::uint8_t {
  kFish, kShellfish, kDairy, kGluten, kEgg, kSoy, kPeanut, kTreeNut, kSesame,
};
inline constexpr int kAllergenCount = 9;

enum class DietTag : std::uint8_t { kVegetarian, kVegan, kPescatarian, kGlutenFree };
inline constexpr int kDietTagCount = 4;

enum class Course : std::uint8_t { kStarter, kMain, kDessert, kDrink };
inline constexpr int kCourseCount = 4;

enum class Language : std::uint8_t { kSpanish, kEnglish, kPortuguese };

// A small bit set over one of the enums above.
template <typename E>
class EnumSet {
 public:
  constexpr EnumSet() = default;
  constexpr EnumSet(std::initializer_list<E> values) {
    for (E v : values) Add(v);
  }
  static constexpr EnumSet FromBits(std::uint32_t bits) {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr void Add(E v) { bits_ |= Bit(v); }
  constexpr bool Contains(E v) const { return bits_ & Bit(v); }
  constexpr bool Intersects(EnumSet o) const { return bits_ & o.bits_; }
  constexpr bool ContainsAll(EnumSet o) const { return (bits_ & o.bits_) == o.bits_; }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint32_t bits() const { return bits_; }
  friend constexpr bool operator==(EnumSet, EnumSet) = default;

 private:
  static constexpr std::uint32_t Bit(E v) { return 1u << static_cast<unsigned>(v); }
  std::uint32_t bits_ = 0;
};

using AllergenSet = EnumSet<Allergen>;
using DietSet = EnumSet<DietTag>;

// Codes: "fish", "shellfish", "dairy", "gluten", "egg", "soy", "peanut",
// "tree_nut", "sesame".
std::string_view AllergenCode(Allergen a);
std::string_view AllergenNameEs(Allergen a);
std::string_view AllergenNameEn(Allergen a);
// NotFound-free parse: InvalidArgument listing the valid codes on failure.
StatusOr<Allergen> ParseAllergen(std::string_view code);

// Codes: "vegetarian", "vegan", "pescatarian", "gluten_free".
std::string_view DietTagCode(DietTag d);
StatusOr<DietTag> ParseDietTag(std::string_view code);

// Codes: "starter", "main", "dessert", "drink".
std::string_view CourseCode(Course c);
StatusOr<Course> ParseCourse(std::string_view code);

// Codes: "es", "en", "pt".
std::string_view LanguageCode(Language l);
StatusOr<Language> ParseLanguage(std::string_view code);

// All members of a set as codes, in enum order.
std::vector<std::string> AllergenCodes(AllergenSet s);
std::vector<std::string> DietTagCodes(DietSet s);
// Parses a list of codes; the first unknown code fails the whole list.
StatusOr<AllergenSet> ParseAllergenList(const std::vector<std::string>& codes);
StatusOr<DietSet> ParseDietList(const std::vector<std::string>& codes);

}  // namespace sobremesa
