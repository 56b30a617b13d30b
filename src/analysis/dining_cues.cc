#include "analysis/dining_cues.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "text/negation_marker.h"

namespace sobremesa::analysis {
namespace {

// How the thing a cue speaks of changes its aspect.
enum class Target {
  kFixed,        // always the cue's aspect ("tardó": the service, whatever was late)
  kFoodOrDrink,  // the drink's when it speaks of one ("el pisco sour aguado")
  kColdFood,     // cold drinks are good; a cold room is the ambience's
  kHotDrink,     // a complaint only about a drink ("la cerveza caliente")
  kService,      // a complaint only about people ("el mozo pesado", not "un plato pesado")
  kAny,          // whatever it speaks of, else the evening ("qué vergüenza")
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
};

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
    {"quemad", Form::kAdjective, kFood},
    {"requemad", Form::kAdjective, kFood},
    {"grasos", Form::kAdjective, kFood},
    {"grasient", Form::kAdjective, kFood},
    {"aceitos", Form::kAdjective, kFood},
    {"recalentad", Form::kAdjective, kFood},
    {"chiclos", Form::kAdjective, kFood},
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
    {"pesad", Form::kAdjective, kService, Target::kService},
    {"suci", Form::kAdjective, kAmbience},
    {"ruido", Form::kExact, kAmbience},
    {"ruidos", Form::kAdjective, kAmbience},
    {"incómod", Form::kAdjective, kAmbience},
    {"incomod", Form::kAdjective, kAmbience},
    {"car", Form::kAdjective, kValue},
    {"costos", Form::kAdjective, kValue},
    {"vergüenza", Form::kExact, std::nullopt, Target::kAny, false, kNone},
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
    {"cramped", Form::kExact, kAmbience},
    {"overpriced", Form::kExact, kValue},
    {"pricey", Form::kExact, kValue},
    {"expensive", Form::kExact, kValue},
};

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
constexpr std::array<std::string_view, 26> kDrinkWords = {
    "pisco_sour", "maracuyá_sour", "chicha_morada", "inca_kola", "chilcano", "pisco",    "copa",
    "copas",      "cóctel",        "cócteles",      "coctel",    "cocteles", "cerveza",  "cervezas",
    "bebida",     "bebidas",       "limonada",      "jugo",      "jugos",    "refresco", "gaseosa",
    "vinos",      "drink",         "drinks",        "cocktail",  "beer"};
constexpr std::array<std::string_view, 35> kFoodWords = {
    "comida",   "comidas", "plato",     "platos", "entrada", "entradas",   "fondo",
    "fondos",   "postre",  "postres",   "carne",  "pescado", "pollo",      "arroz",
    "papa",     "papas",   "sopa",      "pan",    "porción", "porciones",  "ceviche",
    "tiradito", "causa",   "anticucho", "cuy",    "pulpo",   "chicharrón", "picarón",
    "food",     "dish",    "dishes",    "meal",   "fish",    "meat",       "soup"};
constexpr std::array<std::string_view, 15> kServiceWords = {
    "camarero", "camarera", "camareros", "camareras", "atención",
    "servicio", "personal", "sommelier", "trato",     "anfitriona",
    "waiter",   "waitress", "service",   "staff",     "server"};
constexpr std::array<std::string_view, 16> kAmbienceWords = {
    "local", "lugar",   "ambiente",   "baño",   "baños", "mesa",  "mesas",      "música",
    "salón", "terraza", "decoración", "sillas", "room",  "place", "atmosphere", "music"};
constexpr std::array<std::string_view, 8> kValueWords = {"cuenta", "precio", "precios", "euros",
                                                         "dinero", "bill",   "price",   "prices"};
// "vino" is a wine only after these ("el vino", "copa de vino"); else "came".
constexpr std::array<std::string_view, 8> kWineDeterminers = {"el",   "un",  "del", "de",
                                                              "buen", "mal", "su",  "this"};

std::string_view Plain(const text::Token& t) {
  std::string_view w = t.text;
  if (w.starts_with(text::kNegatedPrefix)) w.remove_prefix(text::kNegatedPrefix.size());
  return w;
}

std::optional<Aspect> AspectOfWord(const text::Tokens& tokens, std::size_t i) {
  if (tokens[i].kind != text::TokenKind::kWord) return std::nullopt;
  const std::string_view w = Plain(tokens[i]);
  if (Contains(kDrinkWords, w)) return Aspect::kDrinks;
  if (w == "vino" || w == "wine") {
    const bool noun = w == "wine" || (i > 0 && Contains(kWineDeterminers, Plain(tokens[i - 1])));
    return noun ? std::optional(Aspect::kDrinks) : std::nullopt;
  }
  if (Contains(kFoodWords, w) || w.find('_') != std::string_view::npos) return Aspect::kFood;
  if (Contains(kServiceWords, w)) return Aspect::kService;
  if (Contains(kAmbienceWords, w)) return Aspect::kAmbience;
  if (Contains(kValueWords, w)) return Aspect::kValue;
  return std::nullopt;
}

// The aspect of the nearest word naming one: up to 5 words before the cue
// (where Spanish puts the subject), else up to 3 after it.
std::optional<Aspect> NearbyAspect(const text::Tokens& tokens, std::size_t at) {
  for (std::size_t d = 1; d <= 5 && d <= at; ++d) {
    if (auto a = AspectOfWord(tokens, at - d)) return a;
  }
  for (std::size_t d = 1; d <= 3 && at + d < tokens.size(); ++d) {
    if (auto a = AspectOfWord(tokens, at + d)) return a;
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
  const std::optional<Aspect> near = NearbyAspect(tokens, at);
  const bool drink = near == Aspect::kDrinks;
  switch (cue.target) {
    case Target::kFixed:
      return {true, cue.aspect};
    case Target::kFoodOrDrink:
      return {true, drink ? Aspect::kDrinks : Aspect::kFood};
    case Target::kColdFood: {
      const bool weather = (cue.stem == "frí" || cue.stem == "fri") && at > 0 &&
                           Contains(kColdWeather, Plain(tokens[at - 1]));
      if (weather || near == Aspect::kAmbience) return {true, Aspect::kAmbience};
      return {true, drink ? Aspect::kDrinks : Aspect::kFood};
    }
    case Target::kHotDrink:
      return {drink, Aspect::kDrinks};
    case Target::kService:
      return {near == Aspect::kService, Aspect::kService};
    case Target::kAny:
      return {true, near};
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
  static constexpr std::array<std::string_view, 5> kExtra = {"más", "demás", "hasta", "doble",
                                                             "extra"};
  for (std::size_t d = 1; d <= 3 && at + d < tokens.size(); ++d) {
    if (Contains(kExtra, Plain(tokens[at + d]))) return true;
  }
  return false;
}

}  // namespace

std::vector<CueOpinion> FindDiningCues(const text::Tokens& tokens, text::Language language) {
  std::span<const Cue> cues;
  if (language == text::Language::kSpanish) cues = kSpanishCues;
  if (language == text::Language::kEnglish) cues = kEnglishCues;
  std::vector<CueOpinion> out;
  if (cues.empty()) return out;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != text::TokenKind::kWord) continue;
    const bool negated = tokens[i].text.starts_with(text::kNegatedPrefix);
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
      const bool drink = NearbyAspect(tokens, i) == Aspect::kDrinks;
      out.push_back({drink ? Aspect::kDrinks : kFood, Sentiment::kNegative});
      continue;
    }
    const auto cue =
        std::find_if(cues.begin(), cues.end(), [&](const Cue& c) { return Matches(c, word); });
    if (cue == cues.end()) continue;
    // "cara" is also a face: only "muy cara", "salió cara" are prices.
    const bool needs_predicate = cue->needs_predicate || word == "cara" || word == "caras";
    if (needs_predicate && !AfterPredicate(tokens, i)) continue;
    const Reading reading = Read(*cue, tokens, i);
    if (!reading.says) continue;
    // Cold drinks are as they should be ("las chelas bien frías"); a dry
    // or raw drink is a description ("un vino seco").
    if (cue->target == Target::kColdFood && reading.aspect == Aspect::kDrinks) {
      const bool cold = cue->stem == "frí" || cue->stem == "fri" || cue->stem == "cold";
      if (cold && !negated) out.push_back({Aspect::kDrinks, kPositive});
    } else if (!negated) {
      out.push_back({reading.aspect, Sentiment::kNegative});
    } else if (cue->negated != kNone) {
      out.push_back({reading.aspect, cue->negated});
    }
  }
  return out;
}

}  // namespace sobremesa::analysis
