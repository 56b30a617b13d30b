#pragma once

#include <optional>
#include <vector>

#include "analysis/dining_cues.h"
#include "text/language.h"
#include "text/token.h"

namespace sobremesa::analysis {

// What "lo único" / "the only thing" says of a sentence.
struct OnlyThing {
  // The one good thing of a bad evening ("Lo único rescatable fue la chicha
  // morada", "the only good thing was the view"): the rest was bad, so the
  // sentence complains whatever its words praise.
  bool praise = false;
  // Opinions to add to the sentence's cues: for the one complaint of a good
  // evening ("Lo único, la música muy alta", "My only complaint is that the
  // courses came too fast") whose words hold no cue of their own, a
  // complaint of each aspect named after the marker, else of the evening;
  // for the one good thing, praise of each aspect named after it.
  std::vector<CueOpinion> opinions;
};

// Finds "lo único", "el único problema / pero / detalle", "la única queja"
// and "the only thing / downside / complaint / gripe / letdown / issue /
// problem" in the tokens of text::TextAnalyzer::AnalyzeUnstemmed (words
// after a negation cue marked "neg:"), and reads it as the one complaint,
// or, when a word of praise follows within four words ("bueno",
// "rescatable", "que me gustó", "good", "redeeming", "I liked"; not
// denied: "lo único que no me gustó" is a complaint), as the one good
// thing. A complaint marker followed only by praise cues ("lo único que
// puedo decir es excelente") says nothing. Empty when no marker.
std::optional<OnlyThing> ReadTheOnlyThing(const text::Tokens& tokens, text::Language language);

}  // namespace sobremesa::analysis
