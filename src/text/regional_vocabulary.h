#pragma once

#include "text/language.h"
#include "text/token.h"

namespace sobremesa::text {

// Rewrites Latin-American (mostly Peruvian) Spanish words to the word a
// reviewer in Spain would write, so that a model trained on SemEval-2016's
// Spanish reviews (restaurants in Spain) reads our guests' text with the
// vocabulary it learnt: "mozo"/"mesero" -> "camarero", "se demoró" ->
// "se tardó", "plata" -> "dinero", "soles" -> "euros", "chévere",
// "bacán", "bravazo", "mostro" -> "excelente", "la cuenta salió un ojo de
// la cara" -> "... salió carísimo", "al toque" -> "rápido", "chela" ->
// "cerveza", "bulla" -> "ruido", "garzón" (Chile) -> "camarero", "papas"
// -> "patatas", "jugo" -> "zumo", "estacionar" -> "aparcar"; diminutives by
// their regular endings ("cargaditos" -> "cargados", "jugosito" ->
// "jugoso"). Applied at training and at serving
// (TextAnalyzer), so the model's features and the trainer are unchanged.
// Words with a second sense change only in the sense's context:
// - "paja" is "great" as an adjective ("estaba paja", "la decoración
//   paja", "paja todo") but "nonsense" after "pura"/"hablar" and a noun
//   (straw) after an article;
// - "demasiado" is "very" before praise ("demasiado rico", Peruvian) and
//   stays "too much" otherwise ("demasiado salado").
// Tokens must be normalised and past NormalizeFoodVocabulary; run before
// MarkNegation. Languages other than Spanish: no change.
void NormalizeRegionalVocabulary(Tokens& tokens, Language language);

}  // namespace sobremesa::text
