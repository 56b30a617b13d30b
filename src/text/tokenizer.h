#pragma once

#include <string_view>

#include "text/language.h"
#include "text/token.h"

namespace sobremesa::text {

// Splits normalised text (text_normalizer.h) into tokens:
// - words: letters, combining marks and inner apostrophes ("couldn't");
//   runs of three or more equal letters are squeezed ("buenísimooo" ->
//   "buenísimo"), to one letter in Spanish (doubled letters are rare: only
//   "ll", "rr", "cc", "ee" appear and never tripled) and to two in English
//   and Portuguese ("goooood" -> "good");
// - numbers: runs of digits;
// - emoji and other symbols (Unicode So): one token each; skin-tone
//   modifiers, variation selectors and joiners are dropped;
// - punctuation: one token a mark, repeats collapsed ("!!!" -> "!").
// Whitespace and everything else separates tokens. Input must be valid
// UTF-8; invalid bytes are skipped (NormalizeText rejects them earlier).
Tokens Tokenize(std::string_view normalized, Language language);

}  // namespace sobremesa::text
