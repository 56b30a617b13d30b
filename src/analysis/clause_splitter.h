#pragma once

#include <string_view>
#include <vector>

namespace sobremesa::analysis {

// A clause of one sentence, as the document analyzer reads it: a view into
// the sentence, and whether it speaks of an earlier visit that a later
// clause supersedes ("Antes era buenazo, | ahora ni fu ni fa").
struct Clause {
  std::string_view text;
  bool past = false;
};

// Fewer words than this and a clause joins its neighbour: "rico, pero
// salado" stays one clause (the model reads too little in "salado" alone,
// and the cues already make the food mixed there).
inline constexpr int kMinClauseWords = 3;

// Splits a sentence (Spanish or English, as written; the words of both
// are looked for, which cannot clash) where it joins
// opinions that may differ, so each can be read on its own ("The sashimi
// was superb | but our waitress ignored us for half an hour"):
// - before a contrast word: pero, aunque, "sin embargo", salvo, excepto,
//   "por lo demás"; but, although, though, however, except, whereas,
//   despite, "everything else"; a concession that opens the sentence
//   ("Aunque el local es sencillo, la comida ...", "Though the wait was
//   long, ...") ends at its first comma instead, and a "pero" / "but" /
//   "sin embargo" that opens it joins it to the sentence before, no cut;
// - after a semicolon;
// - before a word of the present (ahora, hoy, "esta vez"; now, today,
//   "this time") when a word of the past comes earlier (SpeaksOfThePast).
// Clauses shorter than kMinClauseWords words join the clause before them
// (the first, the one after). A clause that speaks of the past and is
// followed by another is `past`. Always at least one clause when the
// sentence has a word; the views point into `sentence`.
std::vector<Clause> SplitClauses(std::string_view sentence);

// Whether a sentence followed by one that OpensWithThePresent speaks of
// an earlier visit: antes (not "antes de"), solía, "me encantaba", "la
// primera vez", "el año pasado", "hace dos años"; "used to", "last time",
// "the first time", "last year", "years ago", "I'd been"; and, there,
// era / eran, was / were ("It used to be ... / Era mi favorito. Now ...").
bool SpeaksOfThePast(std::string_view text);

// Whether `text` opens with a word of the present ("Now it's watered
// down", "Esta vez ...", "Hoy ..."): the sentence before it, if it speaks
// of the past, is superseded.
bool OpensWithThePresent(std::string_view text);

}  // namespace sobremesa::analysis
