#include "text/negation_marker.h"

#include <algorithm>
#include <array>

namespace sobremesa::text {
namespace {

constexpr std::array<std::string_view, 11> kSpanishCues = {"no",      "nunca",   "jamás", "ni",
                                                           "tampoco", "sin",     "nadie", "ningún",
                                                           "ninguna", "ninguno", "nada"};
constexpr std::array<std::string_view, 7> kPortugueseCues = {"não", "nunca",  "jamais", "nem",
                                                             "sem", "nenhum", "nenhuma"};
constexpr std::array<std::string_view, 10> kEnglishCues = {
    "no", "not", "never", "nor", "without", "nothing", "none", "nobody", "cannot", "hardly"};
constexpr std::array<std::string_view, 9> kContrastWords = {
    "pero", "sino", "aunque", "but", "however", "although", "mas", "porém", "embora"};

// Words that open a clause the negation does not reach: "no sé por qué
// tardaron tanto" denies knowing, not the delay; "I don't know why it took
// so long" likewise.
constexpr std::array<std::string_view, 16> kClauseOpeners = {
    "que", "qué",  "porque",  "cuando", "donde", "cómo", "quien", "quién",
    "why", "that", "because", "when",   "where", "how",  "who",   "which"};
// "tuvimos que esperar", "hay que pedir": "que" of an obligation stays in
// the clause ("no tuvimos que esperar nada" denies the waiting).
constexpr std::array<std::string_view, 16> kObligation = {
    "tuvimos", "tuve", "tuvo", "tuvieron", "tenemos", "tengo",  "tiene",  "tienen",
    "tenía",   "hay",  "había", "hubo",    "habría",  "tendrá", "tendrás", "tendremos"};
// Words after which a cue negates nothing: "sin duda lo mejor", "no solo
// rico sino barato", "no doubt the best", "not only".
constexpr std::array<std::string_view, 6> kNotNegated = {"duda",  "dudas", "solo",
                                                         "sólo",  "doubt", "only"};
// Negations of experience: after them a comparison asserts its adjective
// ("nunca comí algo tan salado" is a salty dish; "never had a ceviche so
// good"), where "no estaba tan salado" denies it.
constexpr std::array<std::string_view, 3> kNever = {"nunca", "jamás", "never"};
constexpr std::array<std::string_view, 9> kPerfect = {"había",   "habíamos", "he",  "hemos", "ha",
                                                      "habían",  "had",      "have", "has"};
constexpr std::array<std::string_view, 4> kComparison = {"tan", "so", "such", "tanto"};

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool IsCue(std::string_view word, Language language) {
  switch (language) {
    case Language::kSpanish:
      return Contains(kSpanishCues, word);
    case Language::kPortuguese:
      return Contains(kPortugueseCues, word);
    case Language::kEnglish:
      return Contains(kEnglishCues, word) || word.ends_with("n't");
    case Language::kUnknown:
      break;
  }
  return false;
}

// The word token after `i`, or "" when the next token is not a word.
std::string_view NextWord(const Tokens& tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || tokens[i + 1].kind != TokenKind::kWord) return {};
  return tokens[i + 1].text;
}

// The word before `i` without its negation mark, or "" when it is no word.
std::string_view PreviousWord(const Tokens& tokens, std::size_t i) {
  if (i == 0 || tokens[i - 1].kind != TokenKind::kWord) return {};
  std::string_view w = tokens[i - 1].text;
  if (w.starts_with(kNegatedPrefix)) w.remove_prefix(kNegatedPrefix.size());
  return w;
}

bool IsPerfect(std::string_view word) {
  return Contains(kPerfect, word) || word.ends_with("'ve") || word.ends_with("'d");
}

}  // namespace

void MarkNegation(Tokens& tokens, Language language) {
  if (language == Language::kUnknown) return;
  int scope_left = 0;
  bool experience = false;  // the scope denies an experience ("nunca", "no había probado")
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    Token& token = tokens[i];
    if (token.kind == TokenKind::kPunctuation) {
      scope_left = 0;
      continue;
    }
    if (token.kind != TokenKind::kWord) continue;
    const std::string_view word = token.text;
    if (IsCue(word, language)) {
      // "sin embargo" is "however": a contrast, not a negation.
      if (NextWord(tokens, i) == "embargo") {
        scope_left = 0;
      } else if (!Contains(kNotNegated, NextWord(tokens, i))) {
        // A second cue inside a scope ("no ... nada") continues it.
        experience = (scope_left > 0 && experience) || Contains(kNever, word);
        scope_left = kNegationScope;
      }
    } else if (Contains(kContrastWords, word)) {
      scope_left = 0;
    } else if (scope_left > 0 && Contains(kClauseOpeners, word) &&
               !(word == "que" && Contains(kObligation, PreviousWord(tokens, i)))) {
      scope_left = 0;
    } else if (scope_left > 0 && Contains(kComparison, word) && experience) {
      scope_left = 0;
    } else if (scope_left > 0) {
      experience = experience || IsPerfect(word);
      token.text.insert(0, kNegatedPrefix);
      --scope_left;
    }
  }
}

}  // namespace sobremesa::text
