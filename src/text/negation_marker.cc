#include "text/negation_marker.h"

#include <algorithm>
#include <array>

namespace sobremesa::text {
namespace {

constexpr std::array<std::string_view, 11> kSpanishCues = {"no",      "nunca",   "jamás", "ni",
                                                           "tampoco", "sin",     "nadie", "ningún",
                                                           "ninguna", "ninguno", "nada"};
constexpr std::array<std::string_view, 7> kPortugueseCues = {"não", "nunca",  "jamais", "nem",
                                                             "sem", "nenhum", "nenhuma"};
constexpr std::array<std::string_view, 10> kEnglishCues = {
    "no", "not", "never", "nor", "without", "nothing", "none", "nobody", "cannot", "hardly"};
constexpr std::array<std::string_view, 9> kContrastWords = {
    "pero", "sino", "aunque", "but", "however", "although", "mas", "porém", "embora"};

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsCue(std::string_view word, Language language) {
  switch (language) {
    case Language::kSpanish:
      return Contains(kSpanishCues, word);
    case Language::kPortuguese:
      return Contains(kPortugueseCues, word);
    case Language::kEnglish:
      return Contains(kEnglishCues, word) || word.ends_with("n't");
    case Language::kUnknown:
      break;
  }
  return false;
}

}  // namespace

void MarkNegation(Tokens& tokens, Language language) {
  int scope_left = 0;
  for (Token& token : tokens) {
    if (token.kind == TokenKind::kPunctuation) {
      scope_left = 0;
    } else if (token.kind != TokenKind::kWord) {
      continue;
    } else if (IsCue(token.text, language)) {
      scope_left = kNegationScope;
    } else if (Contains(kContrastWords, token.text)) {
      scope_left = 0;
    } else if (scope_left > 0) {
      token.text.insert(0, kNegatedPrefix);
      --scope_left;
    }
  }
}

}  // namespace sobremesa::text
