#pragma once
// The phrases guests write with, by kind and language. Feedback and social
// mentions are assembled from them so that the text matches the evening:
// the dishes really ordered, how they liked them, a slow kitchen, the
// occasion. "{dish}" in a fragment is replaced by a dish name.

#include <span>
#include <string_view>

#include "domain/vocabulary.h"

namespace sobremesa::demo {

enum class Fragment : std::uint8_t {
  kOpenerGreat,      // a wonderful evening
  kOpenerGood,       // a good evening
  kOpenerBad,        // a disappointing one
  kDishLoved,        // "{dish}" was excellent
  kDishDisliked,     // "{dish}" was not good
  kFoodGoodServiceSlow,  // the mixed evening: great food, slow service
  kServiceSlow,
  kServiceGreat,
  kDrinksGreat,
  kPricey,
  kBirthday,
  kAnniversary,
  kBusiness,
  kClosingGood,
  kClosingBad,
  kSocialHype,       // instagram/tiktok caption around "{dish}"
  kHashtags,
};

// Never empty for any kind and language.
std::span<const std::string_view> Fragments(Fragment kind, Language language);

}  // namespace sobremesa::demo
