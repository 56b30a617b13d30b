#pragma once

#include "text/language.h"
#include "text/token.h"

namespace sobremesa::text {

// Restores the spelling of Spanish guests who type fast: chat
// abbreviations ("q" -> "que", "xq" -> "porque", "tmb" -> "también",
// "bn" -> "bien") and the written accents they leave out, where the bare
// form is no other word a review would use: every "-cion" noun
// ("atencion" -> "atención"), every "-isimo" superlative ("riquisimo" ->
// "riquísimo"), and a short list of frequent review words ("rapido",
// "pesimo", "increible", "tambien", "despues", "mas", "llego", "salio").
// SemEval's Spanish reviews (and the dining cues) spell them with their
// accents, so the cues read "pesimo" as "pésimo" (TextAnalyzer's
// Spelling::kRestoreInformal; the models read text as written). Tokens
// must be normalised (case-folded); run before the food and regional
// vocabularies. Languages other than Spanish: no change.
void RestoreInformalSpelling(Tokens& tokens, Language language);

}  // namespace sobremesa::text
