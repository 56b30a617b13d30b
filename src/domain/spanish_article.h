#pragma once
// The Spanish definite article of a dish's name: what a waiter says before it
// ("el cebiche", "la causa", "los anticuchos", "las conchitas", "el agua"),
// and the gender and number the words around it agree with ("la ha pedido",
// "estos van en la misma línea"). A menu may state it per item (field
// article_es, docs/import.md); when it does not, DeriveSpanishArticle reads it
// from the name.

#include <cstdint>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

enum class SpanishArticle : std::uint8_t { kEl, kLa, kLos, kLas };

// Codes: "el", "la", "los", "las".
std::string_view SpanishArticleCode(SpanishArticle a);
// InvalidArgument listing the four codes for anything else.
StatusOr<SpanishArticle> ParseSpanishArticle(std::string_view code);

inline bool IsFeminine(SpanishArticle a) {
  return a == SpanishArticle::kLa || a == SpanishArticle::kLas;
}
inline bool IsPlural(SpanishArticle a) {
  return a == SpanishArticle::kLos || a == SpanishArticle::kLas;
}

// The article of `name_es`'s first word, the head noun of a Spanish dish name
// ("Causa limeña de pollo", "Anticuchos de corazón"): the name's own article
// when it starts with one; plural for a word ending in an unaccented vowel or
// consonant plus "s"; feminine for -a, -ción, -sión, -dad, -tud, -umbre and a
// few listed nouns (leche, carne, miel ...); "el" before a feminine noun
// stressed on its first a (el agua); masculine otherwise. Brand names take
// the article of what they are (la Cumbres, a beer): state those in the menu.
SpanishArticle DeriveSpanishArticle(std::string_view name_es);

}  // namespace sobremesa
