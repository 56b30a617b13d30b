#pragma once

#include <string_view>

#include "text/language.h"
#include "text/token.h"

namespace sobremesa::text {

// Prefix of a word read inside the scope of a negation ("neg:mal").
// Case folding never produces ':' inside a word, so it cannot collide.
inline constexpr std::string_view kNegatedPrefix = "neg:";

// Marks the words that follow a negation cue ("no", "nunca", "sin", "not",
// "never", "...n't") with kNegatedPrefix, so that a bag-of-words model sees
// "no estuvo nada mal" as {no, neg:estuvo, nada, neg:mal} and can learn
// that "neg:mal" is praise. The scope ends after kNegationScope words, at
// punctuation, or at a contrast word ("pero", "but") that opens a new
// clause. Spanish double negation ("no ... nada") stays inside one scope.
// The scope is kept narrow, to what the negation governs:
// - it ends where a new clause opens ("no sé por qué tardaron tanto", "I
//   don't know why"), except the "que" of an obligation ("no tuvimos que
//   esperar nada");
// - after a negated experience ("nunca", "jamás", "never", "no había
//   probado") it ends at a comparison: "nunca comí algo tan salado" says
//   the dish was salty, where "no estaba tan salado" denies it;
// - "sin duda", "no solo", "no doubt", "not only" negate nothing, and "sin
//   embargo" is a contrast.
// Cues themselves are not marked. Unknown language: no change.
inline constexpr int kNegationScope = 4;
void MarkNegation(Tokens& tokens, Language language);

}  // namespace sobremesa::text
