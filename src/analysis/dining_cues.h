#pragma once

#include <optional>
#include <vector>

#include "domain/text_analysis.h"
#include "text/language.h"
#include "text/token.h"

namespace sobremesa::analysis {

// An opinion a dining cue asserts: "salado" says the food (or the drink it
// speaks of) was bad. No aspect: the cue speaks of the evening ("qué roche").
struct CueOpinion {
  std::optional<Aspect> aspect;
  Sentiment sentiment = Sentiment::kNegative;
};

// Finds the complaint cues of a dining sentence, Spanish or English, in the
// tokens of text::TextAnalyzer::AnalyzeUnstemmed (regional words already
// rewritten to Spain's, words after a negation cue marked "neg:"):
// - food: salado, tibio, frío, crudo, quemado, seco, duro, pasado, grasoso,
//   insípido, soso, aguado, empalagoso, recalentado, "sin sabor" (salty,
//   lukewarm, cold, raw, burnt, dry, tough, bland, greasy ...);
// - service: tardar (and "demorar", rewritten), lento, esperar + a
//   duration ("esperamos una hora", not "esperamos volver"), olvidar,
//   equivocarse, grosero (slow, waited + a duration, forgot, rude);
// - ambience: sucio, ruido, incómodo (dirty, noisy, cramped);
// - value: caro, carísimo, costoso, "un robo", "cobrar de más"
//   (expensive, overpriced, pricey, rip-off).
// The aspect follows what the cue speaks of, found among the nearby words:
// "el pisco sour tibio" is a drink's complaint, cold drinks are praise
// ("las chelas bien frías"), a cold room is the ambience's ("el
// ambiente era frío", "hacía un frío"). Words that describe a dish as
// often as they criticise it (crudo, seco, duro, frío, pasado, "cara")
// count only after a verb or intensifier ("estaba seco", "llegó frío",
// "muy cara"), so "pescado crudo", "el seco de cordero", "vino seco" and
// "la vez pasada" say nothing.
// A negated cue is praise of its aspect: a guest who writes "no estaba
// salado", "no tardó nada", "sin demora", "no es caro" notes a defect that
// was not there. A negated "vergüenza" says nothing.
std::vector<CueOpinion> FindDiningCues(const text::Tokens& tokens, text::Language language);

}  // namespace sobremesa::analysis
