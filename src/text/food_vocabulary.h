#pragma once

#include <string_view>

#include "text/token.h"

namespace sobremesa::text {

// Rewrites Peruvian food and drink names to one canonical token, so that a
// model and the menu matcher see one word for what guests spell many ways:
// "cebiche", "seviche", "sebiche", "ceviches" -> "ceviche"; "aji" -> "ají";
// multi-word names become one token joined by '_': "leche de tigre" ->
// "leche_de_tigre", "pisco sour" -> "pisco_sour", "aji de gallina" ->
// "ají_de_gallina". Spelling without accents is accepted everywhere.
// Tokens must be normalised (lower case, NFC). Other tokens are unchanged.
void NormalizeFoodVocabulary(Tokens& tokens);

// Whether `word` (normalised, one word) is part of a Peruvian dish or drink
// name NormalizeFoodVocabulary knows ("ceviche", "cebiche", "lomo",
// "saltado", "pisco", "sour", "tiradito"), not counting the little words
// inside names ("de", "a", "la"). Guests write them in any language.
bool IsDishWord(std::string_view word);

}  // namespace sobremesa::text
