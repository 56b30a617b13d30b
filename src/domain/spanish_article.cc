#include "domain/spanish_article.h"

#include <algorithm>
#include <array>
#include <string>

#include "common/utf8.h"
#include "domain/code_table.h"

namespace sobremesa {
namespace {

constexpr std::array<std::string_view, 4> kCodes{"el", "la", "los", "las"};

// Feminine nouns a dish name may start with that end in neither -a nor a
// feminine suffix.
constexpr std::array<std::string_view, 9> kFeminineOtherwise{
    "leche", "carne", "miel", "sal", "flor", "col", "nuez", "fuente", "torre"};
// Feminine nouns stressed on their first a take "el" in the singular.
constexpr std::array<std::string_view, 6> kStressedA{"agua", "ave",   "alga",
                                                     "ala",  "ancla", "hacha"};
// Masculine nouns in -a, and words ending in s that are not plurals.
constexpr std::array<std::string_view, 6> kMasculineInA{"día",  "mapa",     "clima",
                                                        "tema", "programa", "sistema"};
// "Tres leches" is a cake: "el tres leches".
constexpr std::array<std::string_view, 3> kSingularInS{"tres", "gas", "lunes"};

template <size_t N>
bool Listed(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

bool EndsWith(std::string_view word, std::string_view suffix) {
  return word.size() >= suffix.size() && word.substr(word.size() - suffix.size()) == suffix;
}

// The first word, lower-cased.
std::string HeadWord(std::string_view name) {
  const size_t start = name.find_first_not_of(" \t\"'");
  if (start == std::string_view::npos) return "";
  name.remove_prefix(start);
  return ToLowerUtf8(name.substr(0, name.find_first_of(" \t,(:;")));
}

// True when the word's last vowel before the final s carries an accent
// ("anís", "cuscús"): a singular, not a plural.
bool AccentBeforeFinalS(std::string_view word) {
  if (word.size() < 3) return false;
  const std::string_view before = word.substr(word.size() - 3, 2);
  for (std::string_view accented : {"á", "é", "í", "ó", "ú"}) {
    if (before == accented) return true;
  }
  return false;
}

bool FeminineSingular(std::string_view word) {
  if (Listed(kMasculineInA, word)) return false;
  if (Listed(kFeminineOtherwise, word)) return true;
  for (std::string_view suffix : {"a", "ción", "sión", "xión", "dad", "tad", "tud", "umbre"}) {
    if (EndsWith(word, suffix)) return true;
  }
  return false;
}

}  // namespace

std::string_view SpanishArticleCode(SpanishArticle a) { return kCodes[size_t(a)]; }

StatusOr<SpanishArticle> ParseSpanishArticle(std::string_view code) {
  return ParseCodeFromTable<SpanishArticle>(code, kCodes, "Spanish article");
}

SpanishArticle DeriveSpanishArticle(std::string_view name_es) {
  const std::string word = HeadWord(name_es);
  for (size_t i = 0; i < kCodes.size(); ++i) {
    if (word == kCodes[i]) return static_cast<SpanishArticle>(i);
  }
  if (Listed(kStressedA, word)) return SpanishArticle::kEl;
  const bool plural = word.size() > 2 && EndsWith(word, "s") && !Listed(kSingularInS, word) &&
                      !AccentBeforeFinalS(word);
  if (plural) {
    // The singular's gender: "conchitas" -> conchita, "infusiones" -> infusión.
    const bool feminine = FeminineSingular(word.substr(0, word.size() - 1)) ||
                          EndsWith(word, "ciones") || EndsWith(word, "siones") ||
                          EndsWith(word, "dades");
    return feminine ? SpanishArticle::kLas : SpanishArticle::kLos;
  }
  return FeminineSingular(word) ? SpanishArticle::kLa : SpanishArticle::kEl;
}

}  // namespace sobremesa
