#pragma once

#include <cstddef>
#include <string_view>

#include "text/language.h"

namespace sobremesa::sentiment {

// Where an opinion's target sits in its sentence: bytes [begin, end) of
// the UTF-8 text (SemEval-2016's <Opinion target from to>, or a linked
// menu item's mention).
struct TextSpan {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool operator==(const TextSpan&) const = default;
};

// How a target-aware opinion read (SentimentPredictor::
// PredictCategoryPolarity with a target) weighs the clause its target sits
// in against the whole sentence: its polarity logits are
// (1 - clause_share) x the sentence's + clause_share x the clause's, both
// read by the same model. One sentence often holds opinions of different
// polarities ("the fish was great but the rice was bland"); the whole
// sentence gives both one verdict.
struct TargetRead {
  float clause_share = 0.0f;  // 0: the whole sentence alone (no target read)
};

// The clause of `text` around `target`: from just after the last clause
// boundary before the target to the first one after it. Boundaries are
// sentence punctuation (. ! ? ; : and a dash between spaces; not a
// decimal point or a time) and contrast words (IsClauseContrastWord,
// matched as whole words, ASCII case-folded), which stay out of the
// clause. Commas and "and" / "y" are no boundaries: cutting there lost
// Slot 3 accuracy (they join the praise of one thing as often as they
// separate two). The target itself is never cut. `target` must lie
// within `text`.
TextSpan TargetClause(std::string_view text, TextSpan target, text::Language language);

// Whether `clause` holds a word (a letter or digit) outside `target`: a
// clause that is only the target ("Service; food; everything was great")
// says nothing of it, and the whole sentence is read instead.
bool ClauseSaysMore(std::string_view text, TextSpan clause, TextSpan target);

// Words that open a contrasting clause ("but", "although", "pero",
// "aunque", ...): a clause ends before them. Wider than the sentence
// stacker's contrast flag (which marks a sentence as possibly mixed): words
// like "while", "mientras" only separate clauses.
bool IsClauseContrastWord(std::string_view lowercase_word, text::Language language);

// The target read when none is asked for, chosen on five held-out splits
// of the training reviews (docs/evaluation/sentiment-history.md, "A
// target-aware Slot 3 read"): a clause share of 0.75 for every language
// we model (Slot 3 ES +0.98, EN +0.57; shares 0.25-1 and cutting at
// commas or "and" measured too).
TargetRead DefaultTargetRead(text::Language language);

}  // namespace sobremesa::sentiment
