#pragma once
// The languages the text pipeline models. Guests write Spanish (Lima
// regulars), English and some Portuguese (tourists); anything else is
// kUnknown and is stored as such rather than guessed.

#include <string_view>

namespace sobremesa::text {

enum class Language { kUnknown, kSpanish, kEnglish, kPortuguese };

// ISO 639-1 code ("es", "en", "pt") or "unknown".
std::string_view LanguageCode(Language language);

// Inverse of LanguageCode; any other string is kUnknown.
Language ParseLanguage(std::string_view code);

}  // namespace sobremesa::text
