#include "text/language.h"

namespace sobremesa::text {

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kSpanish:
      return "es";
    case Language::kEnglish:
      return "en";
    case Language::kPortuguese:
      return "pt";
    case Language::kUnknown:
      break;
  }
  return "unknown";
}

Language ParseLanguage(std::string_view code) {
  if (code == "es") return Language::kSpanish;
  if (code == "en") return Language::kEnglish;
  if (code == "pt") return Language::kPortuguese;
  return Language::kUnknown;
}

}  // namespace sobremesa::text
