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

// Finds the complaint and praise cues of a dining sentence, Spanish or
// English, in the tokens of text::TextAnalyzer::AnalyzeUnstemmed (regional
// words already rewritten to Spain's, words after a negation cue marked
// "neg:"). Complaints:
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
// Praise cues carry an aspect the same way, and denied praise is a
// complaint ("la comida no estaba rica", "no volveremos", "no lo
// recomiendo"):
// - food (or the drink named): rico, riquísimo, delicioso, sabroso,
//   exquisito, jugoso, "una delicia", "te chupas los dedos"; English
//   delicious, tasty, juicy, "to die for";
// - service: atento, amable, rápido ("al toque"), "buena onda"; friendly,
//   attentive, quick;
// - ambience: acogedor; cozy; value: barato, "buen precio", "precio justo";
// - whatever is named near, else the evening: excelente (and the slang
//   rewritten to it: buenazo, chévere, bacán, "paja", mostro), maravilla,
//   espectacular, increíble, impecable, perfecto, buen, bonito, lindo,
//   "de lujo", "de primera", "de otro nivel", "lo mejor"; amazing, great,
//   perfect, "hands down", "on point", "the best"; emoji 😍👌🔥❤🤤😋👏🙌💯;
//   praise of the venue ("buen lugar", "great place") is of the evening;
// - the evening: volveremos, recomiendo, recomendadísimo, imperdible, "10
//   de 10", "nada que reclamar"; "we'll be back", "coming back", recommend.
// - what follows them in the clause, else the evening: recommendations to
//   others ("tienes que probar el lomo", "tienen que ir", "hay que probar",
//   "no dejen de probar"; "you have to try", "must try") and denied regret
//   ("no me arrepiento", "no te arrepentirás"; "you won't regret it");
//   regret itself is a complaint. "a must" praises what is named near.
// Shrugs and similes: "nada del otro mundo", "ni fu ni fa", "poca cosa",
// "una pena", "lástima", "regular", "sobrevalorado", "nunca más", "duro
// como suela", "un horno" (ambience), "una fortuna" (value), "tiempo de
// espera" (service); worth: "vale la pena" (denied, a complaint), "lo
// vale" (value); "atender" denied is a service complaint ("nadie nos
// atendió"); "cobrar" two times, without notice or with the "servicio" is
// an overcharge.
// General complaints take what is named near the same way: mal, malo,
// pésimo, horrible, terrible, decepción, desastre, "mala cara" (service),
// "nada que ver" (the evening), 😡👎🙄; bad, awful, disappointing, "took
// forever" (service). "no estuvo nada mal", "not bad at all" are praise.
// Senses: "rico" of a person or a place is rich ("un señor muy rico",
// "gente rica") and says nothing; "causa" is the dish except as a cause
// ("a causa de la bulla") or a friend hailed ("Causa, el mozo ..."); "buenas
// noches" and a leading "Bueno, ..." are no praise; "asu" (rewritten to
// "vaya") is surprise either way, so the words after it decide.
std::vector<CueOpinion> FindDiningCues(const text::Tokens& tokens, text::Language language);

// The emoji cues of FindDiningCues alone, in any language: praise
// (😍👌🔥❤🤤😋👏🙌💯🤩...) or complaint (😡🤮👎😒🙄🤢😞🙃...)
// of the evening. For texts with no words ("😍😍🔥🔥"), whose language no one can name.
std::vector<CueOpinion> FindEmojiCues(const text::Tokens& tokens);

// The aspects the words of a sentence name (the nouns the cues attach to:
// "mozo" service, "cuenta" value, "pisco_sour" drinks, a dish food; "el
// 10 % de servicio" is the bill), in kAllAspects order, each once.
std::vector<Aspect> NamedAspects(const text::Tokens& tokens);

}  // namespace sobremesa::analysis
