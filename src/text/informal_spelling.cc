#include "text/informal_spelling.h"

#include <string_view>
#include <unordered_map>

namespace sobremesa::text {
namespace {

// Chat abbreviations and unaccented words -> their written form. Only
// words whose bare form is not itself a word a diner would mean ("esta",
// "demoro", "comi" are left alone: "esta" is "this", "demoro" a present).
const std::unordered_map<std::string_view, std::string_view>& Spellings() {
  static const auto* const kMap = new std::unordered_map<std::string_view, std::string_view>{
      {"q", "que"},
      {"k", "que"},
      {"xq", "porque"},
      {"pq", "porque"},
      {"porq", "porque"},
      {"tmb", "también"},
      {"tb", "también"},
      {"tbn", "también"},
      {"tambien", "también"},
      {"bn", "bien"},
      {"pa", "para"},
      {"ademas", "además"},
      {"despues", "después"},
      {"aqui", "aquí"},
      {"alla", "allá"},
      {"mas", "más"},
      {"tambn", "también"},
      {"rapido", "rápido"},
      {"rapida", "rápida"},
      {"rapidos", "rápidos"},
      {"rapidas", "rápidas"},
      {"pesimo", "pésimo"},
      {"pesima", "pésima"},
      {"pesimos", "pésimos"},
      {"pesimas", "pésimas"},
      {"increible", "increíble"},
      {"increibles", "increíbles"},
      {"musica", "música"},
      {"sazon", "sazón"},
      {"limon", "limón"},
      {"camaron", "camarón"},
      {"jamon", "jamón"},
      {"cafe", "café"},
      {"menu", "menú"},
      {"bano", "baño"},
      {"banos", "baños"},
      {"llego", "llegó"},
      {"salio", "salió"},
      {"atendio", "atendió"},
      {"olvido", "olvidó"},
      {"equivoco", "equivocó"},

      {"jamas", "jamás"},
      {"ningun", "ningún"},
      {"tipico", "típico"},
      {"exotico", "exótico"},
      {"acido", "ácido"},
      {"acida", "ácida"},
      {"insipido", "insípido"},
      {"insipida", "insípida"},
      {"antipatico", "antipático"},
      {"antipatica", "antipática"},
      {"comodo", "cómodo"},
      {"comoda", "cómoda"},
      {"incomodo", "incómodo"},
      {"incomoda", "incómoda"},
      {"lastima", "lástima"},
      {"facil", "fácil"},
      {"ultimo", "último"},
      {"ultima", "última"},
      {"unico", "único"},
      {"unica", "única"},
  };
  return *kMap;
}

bool EndsWith(const std::string& word, std::string_view suffix) {
  return word.size() > suffix.size() + 2 && word.ends_with(suffix);
}

void Restore(std::string& word) {
  if (const auto it = Spellings().find(word); it != Spellings().end()) {
    word = it->second;
    return;
  }
  // "atencion" -> "atención", "decepcion" -> "decepción" (the plural
  // "-ciones" has no accent).
  if (EndsWith(word, "cion")) {
    word.replace(word.size() - 3, 3, "ión");
    return;
  }
  // "riquisimo" -> "riquísimo".
  for (std::string_view ending : {"isimo", "isima", "isimos", "isimas"}) {
    if (EndsWith(word, ending)) {
      word.replace(word.size() - ending.size(), 1, "í");
      return;
    }
  }
}

}  // namespace

void RestoreInformalSpelling(Tokens& tokens, Language language) {
  if (language != Language::kSpanish) return;
  for (Token& token : tokens) {
    if (token.kind == TokenKind::kWord) Restore(token.text);
  }
}

}  // namespace sobremesa::text
