#include "text/regional_vocabulary.h"

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sobremesa::text {
namespace {

// Regional word -> the word SemEval's Spanish reviews use for it (counts in
// restaurants_train_spanish.xml in brackets where the choice mattered).
// Praise slang goes to "excelente" (104 uses there, the most frequent
// strong praise word) whatever its gender: the model reads stems.
const std::unordered_map<std::string_view, std::string_view>& WordMap() {
  static const auto* const kMap = new std::unordered_map<std::string_view, std::string_view>{
      // The waiter: "mozo" in Peru and Argentina, "mesero" in Mexico and
      // Colombia; "camarero" (62) in Spain.
      {"mozo", "camarero"},
      {"moza", "camarera"},
      {"mozos", "camareros"},
      {"mozas", "camareras"},
      {"mesero", "camarero"},
      {"mesera", "camarera"},
      {"meseros", "camareros"},
      {"meseras", "camareras"},
      // Money and prices: "plata" is money across Latin America; prices
      // are in soles here and in euros (40) in SemEval.
      {"plata", "dinero"},
      {"soles", "euros"},
      {"lucas", "euros"},
      {"luca", "euros"},
      {"platillo", "plato"},
      {"platillos", "platos"},
      // Praise slang.
      {"chévere", "excelente"},
      {"chevere", "excelente"},
      {"chéveres", "excelente"},
      {"bacán", "excelente"},
      {"bacan", "excelente"},
      {"bacanes", "excelente"},
      {"bacanazo", "excelente"},
      {"bacanaza", "excelente"},
      {"bacanísimo", "excelente"},
      {"bacanísima", "excelente"},
      {"bravazo", "excelente"},
      {"bravaza", "excelente"},
      {"bravazos", "excelente"},
      {"bravazas", "excelente"},
      {"buenazo", "excelente"},
      {"buenaza", "excelente"},
      {"buenazos", "excelente"},
      {"buenazas", "excelente"},
      {"mostro", "excelente"},
      {"mostra", "excelente"},
      {"mostrazo", "excelente"},
      {"mostraza", "excelente"},
      {"pajaza", "excelente"},
      {"pajísimo", "excelente"},
      {"pajísima", "excelente"},
      {"chido", "excelente"},
      {"chida", "excelente"},
      {"padrísimo", "excelente"},
      {"padrísima", "excelente"},
      {"top", "excelente"},
      {"crack", "excelente"},
      // Colombia's "bacano" and "qué chimba"; Chile's "penca" is bad.
      {"bacano", "excelente"},
      {"bacana", "excelente"},
      {"bacanos", "excelente"},
      {"bacanas", "excelente"},
      {"chimba", "excelente"},
      {"penca", "malo"},
      {"pencas", "malo"},
      {"pendejada", "desastre"},
      // The waiter in Chile.
      {"garzón", "camarero"},
      {"garzona", "camarera"},
      {"garzones", "camareros"},
      // Food and drink words Spain says otherwise: "papas" are "patatas",
      // "jugo" is "zumo", "palta" "aguacate", "chancho" "cerdo", "frejoles"
      // "alubias"; a "huarique" is a small neighbourhood restaurant.
      {"papas", "patatas"},
      {"jugo", "zumo"},
      {"jugos", "zumos"},
      {"palta", "aguacate"},
      {"chancho", "cerdo"},
      {"frejoles", "alubias"},
      {"frijoles", "alubias"},
      {"huarique", "restaurante"},
      {"huariques", "restaurantes"},
      // Parking: "estacionar" and the "carro" are Spain's "aparcar", "coche".
      {"estacionar", "aparcar"},
      {"estacionamiento", "aparcamiento"},
      {"parqueo", "aparcamiento"},
      {"parqueadero", "aparcamiento"},
      {"cochera", "aparcamiento"},
      {"carro", "coche"},
      // Embarrassment ("qué roche") is Spain's "vergüenza" (as in "una
      // vergüenza"); "chamba" is work; "jama" food; "chela" beer; "trago"
      // a mixed drink, Spain's "copa"; "bulla" noise; "taypá" plentiful.
      {"roche", "vergüenza"},
      {"chamba", "trabajo"},
      {"jama", "comida"},
      {"chela", "cerveza"},
      {"chelas", "cervezas"},
      {"trago", "copa"},
      {"tragos", "copas"},
      {"bulla", "ruido"},
      {"taypá", "abundante"},
      {"taipá", "abundante"},
      // Interjection of surprise, either way ("asu, qué rico" / "asu, qué caro").
      {"asu", "vaya"},
      {"asumare", "vaya"},
      // Intensifiers: Rioplatense "re", Peruvian "recontra".
      {"re", "muy"},
      {"recontra", "muy"},
      // Diminutives Snowball does not undo whose ending UndoDiminutive does
      // not read, common in Peruvian praise.
      {"calientito", "caliente"},
      {"calientita", "caliente"},
      {"calientitos", "calientes"},
      {"baratito", "barato"},
      {"baratita", "barata"},
      {"rapidito", "rápido"},
      {"chiquito", "pequeño"},
      {"chiquita", "pequeña"},
      {"chiquitos", "pequeños"},
      {"chiquitas", "pequeñas"},
  };
  return *kMap;
}

struct Phrase {
  std::vector<std::string_view> words;
  std::string_view replacement;
};

// Fixed expressions, one word each after rewriting.
const std::vector<Phrase>& Phrases() {
  static const auto* const kPhrases = new std::vector<Phrase>{
      {{"un", "ojo", "de", "la", "cara"}, "carísimo"},
      {{"de", "la", "pitri", "mitri"}, "excelente"},
      {{"asu", "mare"}, "vaya"},
      {{"al", "toque"}, "rápido"},
      {{"al", "tiro"}, "rápido"},
  };
  return *kPhrases;
}

// Praise a Peruvian "demasiado" intensifies ("demasiado rico" = very tasty).
constexpr std::array<std::string_view, 24> kPraise = {
    "rico",    "rica",    "ricos",     "ricas",     "bueno",      "buena",
    "buenos",  "buenas",  "delicioso", "deliciosa", "deliciosos", "deliciosas",
    "sabroso", "sabrosa", "excelente", "lindo",     "linda",      "bonito",
    "bonita",  "amable",  "amables",   "atento",    "atenta",     "atentos"};

// Words after which "paja" is a noun, not praise.
constexpr std::array<std::string_view, 9> kPajaNoun = {
    "pura", "puro", "hablar", "habló", "hablan", "hablaba", "hablando", "la", "una"};

bool IsWord(const Tokens& tokens, std::size_t i) {
  return i < tokens.size() && tokens[i].kind == TokenKind::kWord;
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool MatchesAt(const Tokens& tokens, std::size_t at, const Phrase& phrase) {
  if (at + phrase.words.size() > tokens.size()) return false;
  for (std::size_t i = 0; i < phrase.words.size(); ++i) {
    if (!IsWord(tokens, at + i) || tokens[at + i].text != phrase.words[i]) return false;
  }
  return true;
}

// Diminutives by their regular endings, which Snowball leaves apart from
// the plain word ("cargaditos" stems to "cargadit", "cargados" to
// "carg"): past participles "-adito" -> "-ado" ("cargadito", "doradita"),
// "-idito" -> "-ido", "-osito" -> "-oso" ("jugosito", "sabrosita"),
// "-quito" -> "-co" ("riquito", "poquito"), "-llito" -> "-llo"
// ("pollito"), "-ecito" -> "-e" ("suavecito", "dulcecita"). Words of
// seven letters or more only, so "bonito", "frito", "visita" stay; the
// few longer words that only look like diminutives are listed.
void UndoDiminutive(std::string& word) {
  // Words the endings misread: no diminutive ("tiradito" is a dish), or
  // one of a word that changes its last consonant ("cervecita", cerveza).
  static constexpr std::array<std::string_view, 11> kNotDiminutives = {
      "mosquito",   "mosquitos", "exquisito", "tiradito",  "tiraditos", "cervecita",
      "cervecitas", "pececito",  "pececitos", "nuevecito", "nuevecita"};
  if (word.size() < 7 || Contains(kNotDiminutives, word)) return;
  struct Ending {
    std::string_view diminutive, plain;
  };
  static constexpr Ending kEndings[] = {
      {"adito", "ado"}, {"adita", "ada"}, {"aditos", "ados"}, {"aditas", "adas"},
      {"idito", "ido"}, {"idita", "ida"}, {"iditos", "idos"}, {"iditas", "idas"},
      {"osito", "oso"}, {"osita", "osa"}, {"ositos", "osos"}, {"ositas", "osas"},
      {"quito", "co"},  {"quita", "ca"},  {"quitos", "cos"},  {"quitas", "cas"},
      {"llito", "llo"}, {"llita", "lla"}, {"llitos", "llos"}, {"llitas", "llas"},
      {"ecito", "e"},   {"ecita", "e"},   {"ecitos", "es"},   {"ecitas", "es"},
  };
  for (const Ending& e : kEndings) {
    if (word.ends_with(e.diminutive)) {
      word.replace(word.size() - e.diminutive.size(), e.diminutive.size(), e.plain);
      return;
    }
  }
}

// Rewrites one word; `previous` is the word before it as already
// rewritten, `next` the word after it as written (null when not a word).
void Rewrite(std::string& word, const Token* previous, const Token* next) {
  if (word == "paja") {
    if (previous == nullptr || !Contains(kPajaNoun, previous->text)) {
      word = "excelente";
    } else if (previous->text != "la" && previous->text != "una") {
      word = "tonterías";  // "pura paja", "hablar paja"
    }
  } else if ((word == "demasiado" || word == "demasiada") && next != nullptr) {
    const auto it = WordMap().find(next->text);
    if (Contains(kPraise, it == WordMap().end() ? std::string_view(next->text) : it->second)) {
      word = "muy";
    }
  } else if (word.starts_with("demor")) {
    // "demorar" is Spain's "tardar" in every form ("se demoró", "la demora").
    word.replace(0, 5, "tard");
  } else if (const auto it = WordMap().find(word); it != WordMap().end()) {
    word = it->second;
  } else {
    UndoDiminutive(word);
  }
}

}  // namespace

void NormalizeRegionalVocabulary(Tokens& tokens, Language language) {
  if (language != Language::kSpanish) return;
  Tokens out;
  out.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size();) {
    const auto phrase = std::find_if(Phrases().begin(), Phrases().end(),
                                     [&](const Phrase& p) { return MatchesAt(tokens, i, p); });
    if (phrase != Phrases().end()) {
      out.push_back({std::string(phrase->replacement), TokenKind::kWord});
      i += phrase->words.size();
      continue;
    }
    if (tokens[i].kind == TokenKind::kWord) {
      const Token* previous =
          !out.empty() && out.back().kind == TokenKind::kWord ? &out.back() : nullptr;
      Rewrite(tokens[i].text, previous, IsWord(tokens, i + 1) ? &tokens[i + 1] : nullptr);
    }
    out.push_back(std::move(tokens[i]));
    ++i;
  }
  tokens = std::move(out);
}

}  // namespace sobremesa::text
