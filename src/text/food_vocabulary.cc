#include "text/food_vocabulary.h"

#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace sobremesa::text {
namespace {

// Variant spelling -> canonical word. Plurals are folded too because the
// Snowball stemmer does not know these words ("ajíes" would stay apart).
const std::unordered_map<std::string_view, std::string_view>& WordVariants() {
  static const auto* const kVariants = new std::unordered_map<std::string_view, std::string_view>{
      {"cebiche", "ceviche"},
      {"seviche", "ceviche"},
      {"sebiche", "ceviche"},
      {"ceviches", "ceviche"},
      {"cebiches", "ceviche"},
      {"seviches", "ceviche"},
      {"cevichito", "ceviche"},
      {"aji", "ají"},
      {"ajies", "ají"},
      {"ajíes", "ají"},
      {"ajís", "ají"},
      {"rocotos", "rocoto"},
      {"tiraditos", "tiradito"},
      {"anticuchos", "anticucho"},
      {"picarones", "picarón"},
      {"picaron", "picarón"},
      {"chicharron", "chicharrón"},
      {"chicharrones", "chicharrón"},
      {"causas", "causa"},
      {"piscos", "pisco"},
      {"chilcanos", "chilcano"},
      {"maracuya", "maracuyá"},
      {"huacatay", "huacatay"},
      {"choclos", "choclo"},
      {"camotes", "camote"},
      {"yucas", "yuca"},
      {"cuyes", "cuy"},
      {"lucuma", "lúcuma"},
      {"chirimoya", "chirimoya"},
      {"tacutacu", "tacu_tacu"},
  };
  return *kVariants;
}

struct Phrase {
  std::vector<std::string_view> words;
  std::string_view canonical;
};

// Multi-word dishes and drinks, after single-word variants are applied.
const std::vector<Phrase>& Phrases() {
  static const auto* const kPhrases = new std::vector<Phrase>{
      {{"leche", "de", "tigre"}, "leche_de_tigre"},
      {{"ají", "de", "gallina"}, "ají_de_gallina"},
      {{"lomo", "saltado"}, "lomo_saltado"},
      {{"pisco", "sour"}, "pisco_sour"},
      {{"maracuyá", "sour"}, "maracuyá_sour"},
      {{"chicha", "morada"}, "chicha_morada"},
      {{"causa", "limeña"}, "causa_limeña"},
      {{"arroz", "con", "pato"}, "arroz_con_pato"},
      {{"arroz", "chaufa"}, "arroz_chaufa"},
      {{"seco", "de", "cordero"}, "seco_de_cordero"},
      {{"pulpo", "al", "olivo"}, "pulpo_al_olivo"},
      {{"suspiro", "a", "la", "limeña"}, "suspiro_a_la_limeña"},
      {{"suspiro", "limeño"}, "suspiro_a_la_limeña"},
      {{"mazamorra", "morada"}, "mazamorra_morada"},
      {{"papa", "a", "la", "huancaína"}, "papa_a_la_huancaína"},
      {{"papa", "a", "la", "huancaina"}, "papa_a_la_huancaína"},
      {{"tacu", "tacu"}, "tacu_tacu"},
      {{"inca", "kola"}, "inca_kola"},
  };
  return *kPhrases;
}

bool MatchesAt(const Tokens& tokens, std::size_t at, const Phrase& phrase) {
  if (at + phrase.words.size() > tokens.size()) return false;
  for (std::size_t i = 0; i < phrase.words.size(); ++i) {
    const Token& t = tokens[at + i];
    if (t.kind != TokenKind::kWord || t.text != phrase.words[i]) return false;
  }
  return true;
}

void ApplyWordVariants(Tokens& tokens) {
  for (Token& token : tokens) {
    if (token.kind != TokenKind::kWord) continue;
    const auto it = WordVariants().find(token.text);
    if (it != WordVariants().end()) token.text = it->second;
  }
}

// Length of the phrase starting at `at` (rewriting tokens[at]), or 1.
std::size_t JoinPhraseAt(Tokens& tokens, std::size_t at) {
  for (const Phrase& phrase : Phrases()) {
    if (!MatchesAt(tokens, at, phrase)) continue;
    tokens[at].text = phrase.canonical;
    return phrase.words.size();
  }
  return 1;
}

}  // namespace

bool IsDishWord(std::string_view word) {
  static const auto* const kWords = [] {
    auto* words = new std::unordered_set<std::string_view>();
    for (const auto& [variant, canonical] : WordVariants()) {
      words->insert(variant);
      words->insert(canonical);
    }
    for (const Phrase& phrase : Phrases()) {
      for (std::string_view w : phrase.words) {
        if (w.size() > 2) words->insert(w);  // not "de", "a", "la", "al"
      }
    }
    return words;
  }();
  return kWords->contains(word);
}

void NormalizeFoodVocabulary(Tokens& tokens) {
  ApplyWordVariants(tokens);
  Tokens joined;
  joined.reserve(tokens.size());
  for (std::size_t i = 0; i < tokens.size();) {
    const std::size_t length = JoinPhraseAt(tokens, i);
    joined.push_back(std::move(tokens[i]));
    i += length;
  }
  tokens = std::move(joined);
}

}  // namespace sobremesa::text
