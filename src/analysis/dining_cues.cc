#include "analysis/dining_cues.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "text/negation_marker.h"

namespace sobremesa::analysis {
namespace {

// How the thing a cue speaks of changes its aspect.
enum class Target {
  kFixed,        // always the cue's aspect ("tardó": the service, whatever was late)
  kFoodOrDrink,  // the drink's when it speaks of one ("el pisco sour aguado")
  kColdFood,     // cold drinks are good; a cold room is the ambience's
  kHotDrink,     // a complaint only about a drink ("la cerveza caliente")
  kOnlyAbout,    // an opinion only of its aspect ("el mozo pesado", not "un plato
                 // pesado"; "precios altos", not "techos altos")
  kAny,          // whatever it speaks of, else the evening ("qué vergüenza");
                 // praise of the venue ("buen lugar") is of the evening
  kEvening,      // always the evening ("volveremos", "no lo recomiendo")
  kWhatFollows,  // what it names after it, else the evening: a recommendation
                 // ("tienes que probar el lomo saltado", "must try the causa")
                 // or a regret ("no me arrepiento de haber pedido el pulpo")
};

enum class Form { kAdjective, kExact, kVerb };

struct Cue {
  std::string_view stem;
  Form form;
  std::optional<Aspect> aspect;
  Target target = Target::kFixed;
  bool needs_predicate = false;
  // What the cue says under negation: a defect denied is praise ("no
  // estaba salado", "no tardó nada", "no es caro"); kNeutral = nothing.
  Sentiment negated = Sentiment::kPositive;
  // What it says as written: a complaint, or praise (Praise below).
  Sentiment says = Sentiment::kNegative;
};

// Praise says the opposite, and denied praise is a complaint ("no
// volveremos", "la comida no estaba rica", "no lo recomiendo").
constexpr Cue Praise(std::string_view stem, Form form, std::optional<Aspect> aspect,
                     Target target) {
  return {stem, form, aspect, target, false, Sentiment::kNegative, Sentiment::kPositive};
}

constexpr auto kFood = Aspect::kFood;
constexpr auto kService = Aspect::kService;
constexpr auto kAmbience = Aspect::kAmbience;
constexpr auto kValue = Aspect::kValue;
constexpr auto kPositive = Sentiment::kPositive;
constexpr auto kNone = Sentiment::kNeutral;

// Spanish, after text::NormalizeRegionalVocabulary ("demoró" is "tardó",
// "roche" "vergüenza"). kAdjective stems take o/a/os/as and the
// superlative ísimo...; kVerb stems any ending; kExact is the word itself.
constexpr Cue kSpanishCues[] = {
    {"salad", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"tibi", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"aguad", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"empalagos", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"insípid", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"insipid", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"sos", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"desabrid", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"pasad", Form::kAdjective, kFood, Target::kFoodOrDrink, true},
    {"frí", Form::kAdjective, kFood, Target::kColdFood, true},
    {"fri", Form::kAdjective, kFood, Target::kColdFood, true},
    {"sec", Form::kAdjective, kFood, Target::kColdFood, true},
    {"crud", Form::kAdjective, kFood, Target::kColdFood, true},
    {"dur", Form::kAdjective, kFood, Target::kColdFood, true},
    {"helad", Form::kAdjective, kFood, Target::kColdFood, true},  // "la sopa helada"
    {"quemad", Form::kAdjective, kFood},
    {"requemad", Form::kAdjective, kFood},
    {"grasos", Form::kAdjective, kFood},
    {"grasient", Form::kAdjective, kFood},
    {"aceitos", Form::kAdjective, kFood},
    {"recalentad", Form::kAdjective, kFood},
    {"chiclos", Form::kAdjective, kFood},
    {"congelad", Form::kAdjective, kFood},  // "papas congeladas": frozen, not made there
    {"ácid", Form::kAdjective, kFood, Target::kFoodOrDrink, true},
    {"caliente", Form::kExact, Aspect::kDrinks, Target::kHotDrink},
    {"calientes", Form::kExact, Aspect::kDrinks, Target::kHotDrink},
    {"tard", Form::kVerb, kService},
    {"lent", Form::kAdjective, kService},
    {"lentitud", Form::kExact, kService},
    {"olvidó", Form::kExact, kService},
    {"olvidaron", Form::kExact, kService},
    {"olvidaba", Form::kExact, kService},
    {"olvidaban", Form::kExact, kService},
    {"equivocó", Form::kExact, kService},
    {"equivocaron", Form::kExact, kService},
    {"groser", Form::kAdjective, kService},
    {"malcriad", Form::kAdjective, kService},
    {"maleducad", Form::kAdjective, kService},
    {"antipátic", Form::kAdjective, kService},
    {"pesad", Form::kAdjective, kService, Target::kOnlyAbout},
    {"alt", Form::kAdjective, kValue, Target::kOnlyAbout},  // "precios altos"
    {"suci", Form::kAdjective, kAmbience},
    {"ruido", Form::kExact, kAmbience},
    {"ruidos", Form::kAdjective, kAmbience},
    {"incómod", Form::kAdjective, kAmbience},
    {"incomod", Form::kAdjective, kAmbience},
    {"apretad", Form::kAdjective, kAmbience},
    {"car", Form::kAdjective, kValue},
    {"costos", Form::kAdjective, kValue},
    {"vergüenza", Form::kExact, std::nullopt, Target::kAny, false, kNone},
    // Complaints of whatever is near, else of the evening; "no estuvo nada
    // mal" is praise.
    {"mal", Form::kExact, std::nullopt, Target::kAny},
    {"mal", Form::kAdjective, std::nullopt, Target::kAny},
    {"pésim", Form::kAdjective, std::nullopt, Target::kAny},
    {"horrible", Form::kExact, std::nullopt, Target::kAny},
    {"horribles", Form::kExact, std::nullopt, Target::kAny},
    {"terrible", Form::kExact, std::nullopt, Target::kAny},
    {"terribles", Form::kExact, std::nullopt, Target::kAny},
    {"asqueros", Form::kAdjective, std::nullopt, Target::kAny},
    {"decepción", Form::kExact, std::nullopt, Target::kAny},
    {"decepcion", Form::kVerb, std::nullopt, Target::kAny},  // decepcionó, decepcionante
    {"sobrevalorad", Form::kAdjective, std::nullopt, Target::kAny},
    {"lástima", Form::kExact, std::nullopt, Target::kAny, false, kNone},
    {"regular", Form::kExact, std::nullopt, Target::kAny, false, kNone},
    {"regularcit", Form::kAdjective, std::nullopt, Target::kAny, false, kNone},
    {"repetitiv", Form::kAdjective, kFood, Target::kFoodOrDrink},
    {"apurad", Form::kAdjective, kService},  // "se sintió apurado": rushed
    // Being served is no praise, but nobody serving is a complaint
    // ("nadie nos atendió", "no te atienden").
    {"atend", Form::kVerb, kService, Target::kFixed, false, Sentiment::kNegative, kNone},
    {"atiend", Form::kVerb, kService, Target::kFixed, false, Sentiment::kNegative, kNone},
    {"desastre", Form::kExact, std::nullopt, Target::kAny},
    // Regret is a complaint, denied regret praise ("no me arrepiento", "no
    // te arrepentirás", "no se van a arrepentir").
    {"arrepient", Form::kVerb, std::nullopt, Target::kWhatFollows},
    {"arrepent", Form::kVerb, std::nullopt, Target::kWhatFollows},
    // Praise (after the regional rewriting: buenazo, chévere, bacán,
    // "paja", mostro, top, crack are "excelente"; "al toque" is "rápido").
    // "rico" is also rich ("un señor muy rico"): see PraisesPeople.
    Praise("ric", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("riqu", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("delicios", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("delicia", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("sabros", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("exquisit", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("jugos", Form::kAdjective, kFood, Target::kFoodOrDrink),
    Praise("excelente", Form::kExact, std::nullopt, Target::kAny),
    Praise("excelentes", Form::kExact, std::nullopt, Target::kAny),
    Praise("maravilla", Form::kExact, std::nullopt, Target::kAny),
    Praise("maravillos", Form::kAdjective, std::nullopt, Target::kAny),
    Praise("espectacular", Form::kExact, std::nullopt, Target::kAny),
    Praise("espectaculares", Form::kExact, std::nullopt, Target::kAny),
    Praise("increíble", Form::kExact, std::nullopt, Target::kAny),
    Praise("increíbles", Form::kExact, std::nullopt, Target::kAny),
    Praise("impecable", Form::kExact, std::nullopt, Target::kAny),
    Praise("impecables", Form::kExact, std::nullopt, Target::kAny),
    Praise("genial", Form::kExact, std::nullopt, Target::kAny),
    Praise("perfect", Form::kAdjective, std::nullopt, Target::kAny),
    Praise("buen", Form::kExact, std::nullopt, Target::kAny),
    Praise("buen", Form::kAdjective, std::nullopt, Target::kAny),
    Praise("bonit", Form::kAdjective, std::nullopt, Target::kAny),
    Praise("lind", Form::kAdjective, std::nullopt, Target::kAny),
    Praise("precios", Form::kAdjective, std::nullopt, Target::kAny),  // precioso, not precios
    Praise("agradable", Form::kExact, std::nullopt, Target::kAny),
    Praise("agradables", Form::kExact, std::nullopt, Target::kAny),
    Praise("atent", Form::kAdjective, kService, Target::kFixed),
    Praise("amable", Form::kExact, kService, Target::kFixed),
    Praise("amables", Form::kExact, kService, Target::kFixed),
    Praise("amabilidad", Form::kExact, kService, Target::kFixed),
    Praise("cordial", Form::kExact, kService, Target::kFixed),
    Praise("rápid", Form::kAdjective, kService, Target::kFixed),
    Praise("acogedor", Form::kExact, kAmbience, Target::kFixed),
    Praise("acogedora", Form::kExact, kAmbience, Target::kFixed),
    Praise("barat", Form::kAdjective, kValue, Target::kFixed),
    Praise("volver", Form::kExact, std::nullopt, Target::kEvening),
    Praise("volveremos", Form::kExact, std::nullopt, Target::kEvening),
    Praise("vuelvo", Form::kExact, std::nullopt, Target::kEvening),
    Praise("volvemos", Form::kExact, std::nullopt, Target::kEvening),
    Praise("regreso", Form::kExact, std::nullopt, Target::kEvening),
    Praise("regresamos", Form::kExact, std::nullopt, Target::kEvening),
    Praise("volveré", Form::kExact, std::nullopt, Target::kEvening),
    Praise("volvería", Form::kExact, std::nullopt, Target::kEvening),
    Praise("volveríamos", Form::kExact, std::nullopt, Target::kEvening),
    Praise("regresaremos", Form::kExact, std::nullopt, Target::kEvening),
    Praise("regresaré", Form::kExact, std::nullopt, Target::kEvening),
    Praise("regresaría", Form::kExact, std::nullopt, Target::kEvening),
    Praise("recomiend", Form::kVerb, std::nullopt, Target::kEvening),
    Praise("recomendad", Form::kAdjective, std::nullopt, Target::kEvening),
    Praise("recomendable", Form::kExact, std::nullopt, Target::kEvening),
    Praise("imperdible", Form::kExact, std::nullopt, Target::kEvening),
    // "no te pierdas el cebiche": a miss denied is praise of what it names.
    {"pierdas", Form::kExact, std::nullopt, Target::kAny},
    {"pierdan", Form::kExact, std::nullopt, Target::kAny},
};

constexpr Cue kEnglishCues[] = {
    {"salty", Form::kExact, kFood, Target::kFoodOrDrink},
    {"lukewarm", Form::kExact, kFood, Target::kFoodOrDrink},
    {"bland", Form::kExact, kFood, Target::kFoodOrDrink},
    {"tasteless", Form::kExact, kFood, Target::kFoodOrDrink},
    {"watery", Form::kExact, kFood, Target::kFoodOrDrink},
    {"cold", Form::kExact, kFood, Target::kColdFood, true},
    {"raw", Form::kExact, kFood, Target::kColdFood, true},
    {"dry", Form::kExact, kFood, Target::kColdFood, true},
    {"tough", Form::kExact, kFood, Target::kColdFood, true},
    {"undercooked", Form::kExact, kFood},
    {"overcooked", Form::kExact, kFood},
    {"burnt", Form::kExact, kFood},
    {"burned", Form::kExact, kFood},
    {"greasy", Form::kExact, kFood},
    {"soggy", Form::kExact, kFood},
    {"stale", Form::kExact, kFood},
    {"slow", Form::kExact, kService},
    {"forgot", Form::kExact, kService},
    {"forgotten", Form::kExact, kService},
    {"rude", Form::kExact, kService},
    {"inattentive", Form::kExact, kService},
    {"dirty", Form::kExact, kAmbience},
    {"noisy", Form::kExact, kAmbience},
    {"loud", Form::kExact, kAmbience},
    {"freezing", Form::kExact, kFood, Target::kColdFood},  // a freezing room, not a drink
    {"sloppy", Form::kExact, std::nullopt, Target::kAny},
    {"indifferent", Form::kExact, kService},
    {"downhill", Form::kExact, std::nullopt, Target::kAny},  // "has gone downhill"
    {"smelled", Form::kExact, std::nullopt, Target::kAny},
    {"smelly", Form::kExact, std::nullopt, Target::kAny},
    {"stank", Form::kExact, std::nullopt, Target::kAny},
    {"cramped", Form::kExact, kAmbience},
    {"overpriced", Form::kExact, kValue},
    {"pricey", Form::kExact, kValue},
    {"expensive", Form::kExact, kValue},
    {"bad", Form::kExact, std::nullopt, Target::kAny},  // "not bad at all" is praise
    {"terrible", Form::kExact, std::nullopt, Target::kAny},
    {"awful", Form::kExact, std::nullopt, Target::kAny},
    {"horrible", Form::kExact, std::nullopt, Target::kAny},
    {"disappointing", Form::kExact, std::nullopt, Target::kAny},
    {"mediocre", Form::kExact, std::nullopt, Target::kAny},
    {"overrated", Form::kExact, std::nullopt, Target::kAny},
    {"weak", Form::kExact, kFood, Target::kFoodOrDrink},  // "the pisco sour was weak"
    Praise("delicious", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("tasty", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("yummy", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("juicy", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("flavorful", Form::kExact, kFood, Target::kFoodOrDrink),
    Praise("amazing", Form::kExact, std::nullopt, Target::kAny),
    Praise("excellent", Form::kExact, std::nullopt, Target::kAny),
    Praise("perfect", Form::kExact, std::nullopt, Target::kAny),
    Praise("great", Form::kExact, std::nullopt, Target::kAny),
    Praise("awesome", Form::kExact, std::nullopt, Target::kAny),
    Praise("fantastic", Form::kExact, std::nullopt, Target::kAny),
    Praise("outstanding", Form::kExact, std::nullopt, Target::kAny),
    Praise("lovely", Form::kExact, std::nullopt, Target::kAny),
    Praise("friendly", Form::kExact, kService, Target::kFixed),
    Praise("attentive", Form::kExact, kService, Target::kFixed),
    Praise("quick", Form::kExact, kService, Target::kFixed),
    Praise("cozy", Form::kExact, kAmbience, Target::kFixed),
    Praise("recommend", Form::kExact, std::nullopt, Target::kEvening),
    {"regret", Form::kExact, std::nullopt, Target::kWhatFollows},  // "you won't regret it"
    {"regrets", Form::kExact, std::nullopt, Target::kWhatFollows},  // "no regrets"
    {"regretted", Form::kExact, std::nullopt, Target::kWhatFollows},
    // "don't miss the doncella", "you can't miss the lomo saltado": praise
    // of what it names; undenied, "hit or miss" is a complaint.
    {"miss", Form::kExact, std::nullopt, Target::kAny},
};

// Fixed expressions, matched word by word before the single-word cues
// (their words then say nothing more: "de lujo" is not "lujo"). Negated
// when their first word is.
struct PhraseCue {
  std::array<std::string_view, 3> words;  // "" pads the shorter ones
  Cue cue;
};

// Recommendations to others: praise of what they name after them ("tienes
// que probar el cebiche"), else of the evening ("tienen que ir"); denied
// ("no tienes que probarlo") they say nothing. "no dejen de probar" says
// it by denying the miss, and undenied nothing.
constexpr Cue kRecommendation = {"",    Form::kExact, std::nullopt, Target::kWhatFollows,
                                 false, kNone,        kPositive};
constexpr Cue kDontMiss = {"",    Form::kExact, std::nullopt, Target::kWhatFollows,
                           false, kPositive,    kNone};

constexpr PhraseCue kSpanishPhrases[] = {
    {{"tienes", "que", "probar"}, kRecommendation},
    {{"tienen", "que", "probar"}, kRecommendation},
    {{"hay", "que", "probar"}, kRecommendation},
    {{"tienes", "que", "probarlo"}, kRecommendation},
    {{"tienen", "que", "probarlo"}, kRecommendation},
    {{"hay", "que", "probarlo"}, kRecommendation},
    {{"tienes", "que", "ir"}, kRecommendation},
    {{"tienen", "que", "ir"}, kRecommendation},
    {{"hay", "que", "ir"}, kRecommendation},
    {{"tienes", "que", "venir"}, kRecommendation},
    {{"tienen", "que", "venir"}, kRecommendation},
    {{"dejen", "de", "probar"}, kDontMiss},
    {{"dejes", "de", "probar"}, kDontMiss},
    {{"dejen", "de", "ir"}, kDontMiss},
    {{"dejes", "de", "ir"}, kDontMiss},
    {{"dejen", "de", "venir"}, kDontMiss},
    {{"de", "lujo"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"de", "primera"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"de", "otro", "nivel"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"de", "otro", "mundo"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"del", "otro", "mundo"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"lo", "mejor"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"el", "mejor"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"la", "mejor"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"los", "mejores"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"las", "mejores"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"10", "de", "10"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"10", "/", "10"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"buen", "precio"}, Praise("", Form::kExact, kValue, Target::kFixed)},
    {{"precio", "justo"}, Praise("", Form::kExact, kValue, Target::kFixed)},
    {{"buena", "onda"}, Praise("", Form::kExact, kService, Target::kFixed)},
    {{"los", "dedos"}, Praise("", Form::kExact, kFood, Target::kFixed)},  // "te chupas los dedos"
    {{"nada", "que", "reclamar"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"nada", "que", "envidiar"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    // "nada que ver con lo que esperábamos" (not "no tiene nada que ver").
    {{"nada", "que", "ver"}, {"", Form::kExact, std::nullopt, Target::kEvening, false, kNone}},
    // "no te lo puedes perder": a miss denied.
    {{"puedes", "perder"}, {"", Form::kExact, std::nullopt, Target::kEvening}},
    {{"pueden", "perder"}, {"", Form::kExact, std::nullopt, Target::kEvening}},
    {{"mala", "cara"}, {"", Form::kExact, kService, Target::kFixed, false, kNone}},
    {{"lo", "peor"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    // Faint praise and shrugs: "nada del otro mundo", "ni fu ni fa", "poca
    // cosa", "una pena"; read before "del otro mundo" (praise).
    {{"nada", "del", "otro"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"ni", "fu", "ni"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"poca", "cosa"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"una", "pena"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"qué", "pena"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"un", "caos"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"nunca", "más"}, {"", Form::kExact, std::nullopt, Target::kEvening, false, kNone}},
    // Similes of a tough dish, a hot room, a price: "duro como suela".
    {{"como", "suela"}, {"", Form::kExact, kFood, Target::kFoodOrDrink, false, kNone}},
    {{"como", "chicle"}, {"", Form::kExact, kFood, Target::kFoodOrDrink, false, kNone}},
    {{"un", "horno"}, {"", Form::kExact, kAmbience, Target::kFixed, false, kNone}},
    {{"una", "fortuna"}, {"", Form::kExact, kValue, Target::kFixed, false, kNone}},
    {{"tiempo", "de", "espera"}, {"", Form::kExact, kService, Target::kFixed}},
    // Worth it: "vale la pena" (denied, a complaint), "lo vale", "vale cada sol".
    {{"vale", "la", "pena"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"lo", "vale"}, Praise("", Form::kExact, kValue, Target::kFixed)},
    {{"vale", "cada"}, Praise("", Form::kExact, kValue, Target::kFixed)},
    {{"te", "mueres"}, Praise("", Form::kExact, kFood, Target::kFoodOrDrink)},
    {{"una", "joya"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    // "no está a la altura" (of its name, its price): denied, a complaint.
    {{"a", "la", "altura"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"una", "joyita"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"un", "vicio"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"el", "peor"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
    {{"la", "peor"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
};

constexpr PhraseCue kEnglishPhrases[] = {
    {{"have", "to", "try"}, kRecommendation},
    {{"has", "to", "try"}, kRecommendation},
    {{"got", "to", "try"}, kRecommendation},
    {{"have", "to", "go"}, kRecommendation},
    {{"must", "try"}, kRecommendation},
    {{"must", "visit"}, kRecommendation},
    {{"must", "go"}, kRecommendation},
    // "the causa is a must": of what it names, before or after.
    {{"a", "must"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"to", "die", "for"}, Praise("", Form::kExact, kFood, Target::kFoodOrDrink)},
    {{"hands", "down"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"on", "point"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"the", "best"}, Praise("", Form::kExact, std::nullopt, Target::kAny)},
    {{"be", "back"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"coming", "back"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"come", "back"}, Praise("", Form::kExact, std::nullopt, Target::kEvening)},
    {{"took", "forever"}, {"", Form::kExact, kService}},
    {{"takes", "forever"}, {"", Form::kExact, kService}},
    {{"take", "forever"}, {"", Form::kExact, kService}},
    {{"taking", "forever"}, {"", Form::kExact, kService}},
    {{"the", "worst"}, {"", Form::kExact, std::nullopt, Target::kAny, false, kNone}},
};

// Emoji guests use as a verdict: of what is near, else of the evening.
// Not "👍", an acknowledgement as often as praise.
constexpr std::string_view kPraiseEmoji[] = {"😍", "👌", "🔥",    "❤", "🤤", "😋",   "👏",
                                             "🙌", "💯", "🥰", "⭐", "🤩", "😊",   "💛",
                                             "💕", "🔝", "🙏",    "✨", "😎",    "🤙"};
// "🙃" is irony ("Excelente servicio, solo se olvidaron de nosotros 🙃").
constexpr std::string_view kComplaintEmoji[] = {"😡", "🤮", "👎", "😒", "🙄", "😤", "🤢", "😠",
                                                "😞", "😔",    "😕", "😩", "💩",    "😬", "🙃", "🤬"};

constexpr std::array<std::string_view, 10> kAdjectiveEndings = {
    "o", "a", "os", "as", "ísimo", "ísima", "ísimos", "ísimas", "azo", "aza"};

bool Matches(const Cue& cue, std::string_view word) {
  if (cue.form == Form::kExact) return word == cue.stem;
  if (!word.starts_with(cue.stem)) return false;
  const std::string_view ending = word.substr(cue.stem.size());
  if (cue.form == Form::kVerb)
    return !ending.empty() && ending != "e" && ending != "es";  // "tarde"
  return std::find(kAdjectiveEndings.begin(), kAdjectiveEndings.end(), ending) !=
         kAdjectiveEndings.end();
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}
template <std::size_t N>
bool Contains(const std::string_view (&words)[N], std::string_view w) {
  return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// Verbs and intensifiers that make the next adjective a judgement
// ("estaba seco", "llegó frío", "muy cara"), not a description.
constexpr std::array<std::string_view, 45> kPredicates = {
    "estaba", "estaban",  "estuvo", "estuvieron", "está",      "están",     "es",       "son",
    "era",    "eran",     "fue",    "fueron",     "llegó",     "llegaron",  "vino",     "vinieron",
    "salió",  "salieron", "quedó",  "quedaron",   "sirvieron", "trajeron",  "muy",      "algo",
    "medio",  "bien",     "súper",  "super",      "demasiado", "demasiada", "bastante", "poco",
    "tan",    "todo",     "toda",   "was",        "were",      "arrived",   "too",      "very",
    "bit",    "came",     "hacía",  "hace",       "hizo"};

// Words that make "frío" the weather of the room ("hacía un frío").
constexpr std::array<std::string_view, 7> kColdWeather = {"un",   "mucho", "hacía", "hace",
                                                          "hizo", "qué",   "el"};

// What a word names, to attach a cue to: food, drinks, service, ambience,
// value. Dish names joined by the food vocabulary ("lomo_saltado") are food
// unless they are drinks.
constexpr std::string_view kDrinkWords[] = {
    "pisco_sour", "maracuyá_sour", "chicha_morada", "inca_kola", "chilcano",   "chilcanos",
    "pisco",      "copa",          "copas",         "cóctel",    "cócteles",   "coctel",
    "cocteles",   "zumo",          "zumos",         "michelada", "micheladas", "café",
    "cerveza",    "cervezas",      "bebida",        "bebidas",   "limonada",   "jugo",
    "jugos",      "refresco",      "gaseosa",       "vinos",     "drink",      "drinks",
    "cocktail",   "cocktails",     "beer",          "sours",     "pisco_sours",
    "maridaje",   "pairing",       "malbec"};
constexpr std::string_view kFoodWords[] = {
    "comida", "comidas", "plato", "platos", "entrada", "entradas", "fondo", "fondos", "postre",
    "postres", "carne", "pescado", "pollo", "arroz", "papa", "papas", "sopa", "pan", "porción",
    "porciones", "ceviche", "tiradito", "causa", "anticucho", "anticuchos", "cuy", "pulpo",
    "chicharrón", "picarón", "picarones", "mariscos", "sazón", "cocina", "chef", "suspiro", "food",
    "dish", "dishes", "meal", "fish", "meat", "soup", "chicken", "steak", "dessert", "desserts",
    "fries", "mains", "flavor",
    // Dishes of Lima's cevicherías, chifas, pollerías and criollo places
    // named with one word (multi-word ones are joined, "lomo_saltado").
    "lomo", "pato", "patata", "patatas", "tallarín", "tallarines", "wantán", "chaufa", "sushi",
    "maki", "makis", "tacos", "bife", "cabrito", "cerdo", "pollada", "mero", "sudado", "parihuela",
    "chupe", "conchas", "erizo", "calamares", "langostinos", "camarones", "tamales", "risotto",
    "menú", "degustación", "alubias", "cancha", "canchita",
    // English dishes and courses tourists name.
    "duck", "lamb", "pork", "octopus", "scallops", "bread", "rice", "sides", "starters",
    "appetizers", "portions", "portion"};
constexpr std::string_view kServiceWords[] = {
    "camarero", "camarera",  "camareros", "camareras",  "atención",  "servicio",
    "personal", "sommelier", "trato",     "anfitriona", "anfitrión", "bartender",
    "barman",   "waiter",    "waitress",  "waiters",    "service",   "staff",
    "server",   "servers",   "host",      "hostess"};
constexpr std::string_view kAmbienceWords[] = {
    "local",   "lugar",      "ambiente", "baño",       "baños",       "mesa",   "mesas",
    "música",  "salón",      "terraza",  "decoración", "sillas",      "vista",  "room",
    "place",   "atmosphere", "music",    "vibe",       "decor",       "view",   "aparcamiento",
    "aparcar", "brisa",      "aire",     "calor",      "iluminación", "parking",
    "estacionamiento", "bathroom", "bathrooms", "restroom", "restrooms", "toilets", "lighting",
    "terrace", "patio"};
// Ambience words that name the whole restaurant: praise of them is of the
// evening ("buen lugar", "great place"), a complaint still the room's.
constexpr std::string_view kVenueWords[] = {"local", "lugar", "place", "sitio"};
constexpr std::string_view kValueWords[] = {"cuenta", "precio",  "precios",  "euros",
                                            "dinero", "propina", "propinas", "cobro",
                                            "bill",   "price",   "prices",   "tip"};
// "vino" is a wine only after these ("el vino", "copa de vino"); else "came".
constexpr std::array<std::string_view, 8> kWineDeterminers = {"el",   "un",  "del", "de",
                                                              "buen", "mal", "su",  "this"};

std::string_view Plain(const text::Token& t) {
  std::string_view w = t.text;
  if (w.starts_with(text::kNegatedPrefix)) w.remove_prefix(text::kNegatedPrefix.size());
  return w;
}

// "causa" is the dish ("la causa estaba seca") unless it is a cause ("a
// causa de la bulla", "por causa de") or a Lima "friend" called at the
// start of a sentence ("Causa, el mozo se demoró").
bool CausaIsTheDish(const text::Tokens& tokens, std::size_t i) {
  if (i > 0) {
    const std::string_view before = Plain(tokens[i - 1]);
    return before != "a" && before != "por" && before != "mi" && before != "oe";
  }
  return i + 1 >= tokens.size() || tokens[i + 1].kind != text::TokenKind::kPunctuation;
}

std::optional<Aspect> AspectOfWord(const text::Tokens& tokens, std::size_t i) {
  if (tokens[i].kind != text::TokenKind::kWord) return std::nullopt;
  const std::string_view w = Plain(tokens[i]);
  if (Contains(kDrinkWords, w)) return Aspect::kDrinks;
  if (w == "vino" || w == "wine") {
    const bool noun = w == "wine" || (i > 0 && Contains(kWineDeterminers, Plain(tokens[i - 1])));
    return noun ? std::optional(Aspect::kDrinks) : std::nullopt;
  }
  if (w == "causa" && !CausaIsTheDish(tokens, i)) return std::nullopt;
  if (Contains(kFoodWords, w) || w.find('_') != std::string_view::npos) return Aspect::kFood;
  // "el 10 % de servicio" is the service charge on the bill.
  if (w == "servicio" && i >= 2 && (Plain(tokens[i - 1]) == "%" || Plain(tokens[i - 2]) == "%")) {
    return Aspect::kValue;
  }
  if (Contains(kServiceWords, w)) return Aspect::kService;
  if (Contains(kAmbienceWords, w)) return Aspect::kAmbience;
  if (Contains(kValueWords, w)) return Aspect::kValue;
  return std::nullopt;
}

// The nearest word naming an aspect: up to 5 words before the cue (where
// Spanish puts the subject), else up to 3 after it. `venue` when that word
// names the whole restaurant ("lugar", "place").
struct Nearby {
  std::optional<Aspect> aspect;
  bool venue = false;
};

Nearby NearbyAspect(const text::Tokens& tokens, std::size_t at) {
  const auto at_word = [&](std::size_t i) -> Nearby {
    if (Plain(tokens[i]) == "sitio") return {Aspect::kAmbience, true};
    const std::optional<Aspect> a = AspectOfWord(tokens, i);
    return {a, a && Contains(kVenueWords, Plain(tokens[i]))};
  };
  for (std::size_t d = 1; d <= 5 && d <= at; ++d) {
    if (Nearby n = at_word(at - d); n.aspect) return n;
  }
  for (std::size_t d = 1; d <= 3 && at + d < tokens.size(); ++d) {
    if (Nearby n = at_word(at + d); n.aspect) return n;
  }
  return {};
}

// What the words after a recommendation or a regret name, up to the end
// of the clause ("tienes que probar el lomo saltado, ..."); empty for the
// evening, as is the whole restaurant ("tienen que ir a este lugar").
std::optional<Aspect> FollowingAspect(const text::Tokens& tokens, std::size_t at) {
  for (std::size_t d = 1; d <= 5 && at + d < tokens.size(); ++d) {
    if (tokens[at + d].kind == text::TokenKind::kPunctuation) break;
    if (Plain(tokens[at + d]) == "sitio" || Contains(kVenueWords, Plain(tokens[at + d]))) break;
    if (const std::optional<Aspect> a = AspectOfWord(tokens, at + d)) return a;
  }
  return std::nullopt;
}

bool AfterPredicate(const text::Tokens& tokens, std::size_t at) {
  for (std::size_t d = 1; d <= 2 && d <= at; ++d) {
    if (tokens[at - d].kind != text::TokenKind::kWord) return false;
    if (Contains(kPredicates, Plain(tokens[at - d]))) return true;
  }
  return false;
}

// What a cue says given what it speaks of: `says` false when it is no
// opinion there ("caliente" of a dish); `aspect` empty for the evening.
struct Reading {
  bool says = false;
  std::optional<Aspect> aspect;
};

Reading Read(const Cue& cue, const text::Tokens& tokens, std::size_t at) {
  const Nearby nearby = NearbyAspect(tokens, at);
  const std::optional<Aspect> near = nearby.aspect;
  const bool drink = near == Aspect::kDrinks;
  switch (cue.target) {
    case Target::kFixed:
      return {true, cue.aspect};
    case Target::kFoodOrDrink:
      // "una brisa rica", "rico ambiente": Lima's "rico" of the room.
      if (near == Aspect::kAmbience && cue.says == kPositive && !nearby.venue) {
        return {true, Aspect::kAmbience};
      }
      return {true, drink ? Aspect::kDrinks : Aspect::kFood};
    case Target::kColdFood: {
      const bool weather = (cue.stem == "frí" || cue.stem == "fri") && at > 0 &&
                           Contains(kColdWeather, Plain(tokens[at - 1]));
      if (weather || near == Aspect::kAmbience) return {true, Aspect::kAmbience};
      return {true, drink ? Aspect::kDrinks : Aspect::kFood};
    }
    case Target::kHotDrink:
      return {drink, Aspect::kDrinks};
    case Target::kOnlyAbout:
      return {near == cue.aspect, cue.aspect};
    case Target::kAny:
      if (nearby.venue && cue.says == Sentiment::kPositive) return {true, std::nullopt};
      return {true, near};
    case Target::kEvening:
      return {true, std::nullopt};
    case Target::kWhatFollows:
      return {true, FollowingAspect(tokens, at)};
  }
  return {};
}

// Words of time after "esperar" that make it waiting, not hoping.
constexpr std::array<std::string_view, 16> kDurations = {
    "hora",      "horas",    "minutos",   "min",    "rato",  "montón", "mucho", "muchísimo",
    "demasiado", "bastante", "eternidad", "siglos", "media", "nada",   "hour",  "minutes"};

// "esperamos una hora" (not "esperamos volver"); "waited an hour".
std::optional<CueOpinion> Waiting(const text::Tokens& tokens, std::size_t at, std::string_view word,
                                  bool negated) {
  if (!word.starts_with("esper") && !word.starts_with("waited")) return std::nullopt;
  if (word == "espera" && !negated) return std::nullopt;  // "la espera" alone says little
  for (std::size_t d = 1; d <= 3 && at + d < tokens.size(); ++d) {
    const text::Token& t = tokens[at + d];
    if (t.kind == text::TokenKind::kNumber || Contains(kDurations, Plain(t))) {
      return CueOpinion{kService, negated ? kPositive : Sentiment::kNegative};
    }
  }
  return std::nullopt;
}

// "un robo", "una estafa", "nos cobraron de más", "te cobran hasta el agua".
bool Overcharge(const text::Tokens& tokens, std::size_t at, std::string_view word) {
  static constexpr std::array<std::string_view, 4> kTheft = {"robo", "asalto", "estafa", "abuso"};
  if (Contains(kTheft, word)) {
    return at > 0 && (Plain(tokens[at - 1]) == "un" || Plain(tokens[at - 1]) == "una");
  }
  if (!word.starts_with("cobr")) return false;
  static constexpr std::array<std::string_view, 8> kExtra = {
      "más", "demás", "hasta", "doble", "extra", "veces", "avisar", "servicio"};
  // "te cobran el cubierto y el 10 % sin avisar".
  for (std::size_t d = 1; d <= 8 && at + d < tokens.size(); ++d) {
    if (Contains(kExtra, Plain(tokens[at + d]))) return true;
  }
  return false;
}

// Cues for emoji (kPraiseEmoji, kComplaintEmoji).
constexpr Cue kEmojiPraise = Praise("", Form::kExact, std::nullopt, Target::kAny);
constexpr Cue kEmojiComplaint = {"", Form::kExact, std::nullopt, Target::kAny, false, kNone};

std::optional<Sentiment> EmojiSays(std::string_view emoji) {
  if (Contains(kPraiseEmoji, emoji)) return kPositive;
  if (Contains(kComplaintEmoji, emoji)) return Sentiment::kNegative;
  return std::nullopt;
}

// How many tokens `phrase` covers from `at` (its words, whatever their
// kind: "10 / 10"), 0 when it is not there.
std::size_t PhraseLength(const text::Tokens& tokens, std::size_t at, const PhraseCue& phrase) {
  std::size_t n = 0;
  for (std::string_view w : phrase.words) {
    if (w.empty()) break;
    if (at + n >= tokens.size() || Plain(tokens[at + n]) != w) return 0;
    ++n;
  }
  return n;
}

// The first phrase at `at` and its length; null if none.
std::pair<const PhraseCue*, std::size_t> PhraseAt(const text::Tokens& tokens, std::size_t at,
                                                  std::span<const PhraseCue> phrases) {
  for (const PhraseCue& p : phrases) {
    if (const std::size_t n = PhraseLength(tokens, at, p); n > 0) return {&p, n};
  }
  return {nullptr, 0};
}

// "no tiene nada que ver": "nada que ver" there means unrelated, no verdict.
bool AfterHaving(const text::Tokens& tokens, std::size_t at) {
  if (at == 0) return false;
  const std::string_view before = Plain(tokens[at - 1]);
  return before.starts_with("tien") || before.starts_with("tení") || before == "tuvo";
}

// Words naming people or places that "rico" calls rich, not tasty ("un
// señor muy rico", "un barrio rico", "para gente rica").
constexpr std::string_view kRichOnes[] = {
    "señor", "señora",  "gente",  "dueño", "dueños", "dueña",   "barrio",   "zona",      "distrito",
    "país",  "familia", "hombre", "mujer", "tipo",   "persona", "personas", "millonario"};

// A cue word read in another sense here: "rico" of people, "bueno" as a
// discourse marker ("Bueno, ...") or a greeting ("buenas noches").
bool NotAnOpinionHere(const text::Tokens& tokens, std::size_t at, std::string_view word) {
  if (word.starts_with("ric") || word.starts_with("riqu")) {
    for (std::size_t d = 1; d <= 3 && d <= at; ++d) {
      if (Contains(kRichOnes, Plain(tokens[at - d]))) return true;
    }
    for (std::size_t d = 1; d <= 2 && at + d < tokens.size(); ++d) {
      if (Contains(kRichOnes, Plain(tokens[at + d]))) return true;
    }
    return at > 0 && (Plain(tokens[at - 1]) == "los" || Plain(tokens[at - 1]) == "nuevos");
  }
  if (word == "bueno" || word == "buenas" || word == "buenos") {
    const bool first = at == 0;
    const bool then_pause =
        at + 1 >= tokens.size() || tokens[at + 1].kind == text::TokenKind::kPunctuation;
    if (first && then_pause) return true;
    static constexpr std::string_view kGreetings[] = {"noches", "tardes", "días"};
    return at + 1 < tokens.size() && Contains(kGreetings, Plain(tokens[at + 1]));
  }
  return false;
}

}  // namespace

std::vector<CueOpinion> FindDiningCues(const text::Tokens& tokens, text::Language language) {
  std::span<const Cue> cues;
  std::span<const PhraseCue> phrases;
  if (language == text::Language::kSpanish) {
    cues = kSpanishCues;
    phrases = kSpanishPhrases;
  }
  if (language == text::Language::kEnglish) {
    cues = kEnglishCues;
    phrases = kEnglishPhrases;
  }
  std::vector<CueOpinion> out;
  if (cues.empty()) return FindEmojiCues(tokens);
  // What `cue` at `at` says, negated or not, of what is near.
  const auto add = [&](const Cue& cue, std::size_t at, bool negated) {
    const Reading reading = Read(cue, tokens, at);
    if (!reading.says) return;
    const Sentiment said = negated ? cue.negated : cue.says;
    if (said != kNone) out.push_back({reading.aspect, said});
  };
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind == text::TokenKind::kEmoji) {
      if (const std::optional<Sentiment> e = EmojiSays(tokens[i].text)) {
        add(*e == kPositive ? kEmojiPraise : kEmojiComplaint, i, false);
      }
      continue;
    }
    const bool negated = tokens[i].text.starts_with(text::kNegatedPrefix);
    if (const auto [phrase, n] = PhraseAt(tokens, i, phrases); phrase != nullptr) {
      // Read from its last word: what it praises follows it ("lo mejor fue
      // el cebiche", "hands down the best ceviche").
      if (!(phrase->words[0] == "nada" && AfterHaving(tokens, i))) {
        add(phrase->cue, i + n - 1, negated);
      }
      i += n - 1;
      continue;
    }
    if (tokens[i].kind != text::TokenKind::kWord) continue;
    const std::string_view word = Plain(tokens[i]);
    if (auto waiting = Waiting(tokens, i, word, negated)) {
      out.push_back(*waiting);
      continue;
    }
    if (language == text::Language::kSpanish && !negated && Overcharge(tokens, i, word)) {
      out.push_back({kValue, Sentiment::kNegative});
      continue;
    }
    // "sin sabor", "no tenía sabor", "sin gracia".
    if (negated && (word == "sabor" || word == "gracia")) {
      const bool drink = NearbyAspect(tokens, i).aspect == Aspect::kDrinks;
      out.push_back({drink ? Aspect::kDrinks : kFood, Sentiment::kNegative});
      continue;
    }
    const auto cue =
        std::find_if(cues.begin(), cues.end(), [&](const Cue& c) { return Matches(c, word); });
    if (cue == cues.end()) continue;
    // "cara" is also a face: only "muy cara", "salió cara" are prices.
    const bool needs_predicate = cue->needs_predicate || word == "cara" || word == "caras";
    if (needs_predicate && !AfterPredicate(tokens, i)) continue;
    if (NotAnOpinionHere(tokens, i, word)) continue;
    // Cold drinks are as they should be ("las chelas bien frías"); a dry
    // or raw drink is a description ("un vino seco").
    if (cue->target == Target::kColdFood && Read(*cue, tokens, i).aspect == Aspect::kDrinks) {
      const bool cold =
          cue->stem == "frí" || cue->stem == "fri" || cue->stem == "cold" || cue->stem == "helad";
      if (cold && !negated) out.push_back({Aspect::kDrinks, kPositive});
      continue;
    }
    add(*cue, i, negated);
  }
  return out;
}

std::vector<CueOpinion> FindEmojiCues(const text::Tokens& tokens) {
  std::vector<CueOpinion> out;
  for (const text::Token& t : tokens) {
    if (t.kind != text::TokenKind::kEmoji) continue;
    if (const std::optional<Sentiment> e = EmojiSays(t.text)) out.push_back({std::nullopt, *e});
  }
  return out;
}

std::vector<Aspect> NamedAspects(const text::Tokens& tokens) {
  std::vector<Aspect> out;
  for (Aspect a : kAllAspects) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (AspectOfWord(tokens, i) == a) {
        out.push_back(a);
        break;
      }
    }
  }
  return out;
}

}  // namespace sobremesa::analysis
