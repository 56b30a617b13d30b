#include "analysis/only_thing.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "text/negation_marker.h"

namespace sobremesa::analysis {
namespace {

std::string_view Plain(const text::Token& t) {
  std::string_view w = t.text;
  if (w.starts_with(text::kNegatedPrefix)) w.remove_prefix(text::kNegatedPrefix.size());
  return w;
}

bool Negated(const text::Token& t) { return t.text.starts_with(text::kNegatedPrefix); }

template <std::size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

// After "único" / "única": what the marker's noun is, when it has one
// ("el único problema"); a bare "lo único" needs none.
constexpr std::array<std::string_view, 12> kSpanishFaults = {
    "problema", "pero",  "detalle", "punto", "queja",    "pega",
    "falla",    "fallo", "malo",    "mala",  "negativo", "defecto"};
constexpr std::array<std::string_view, 13> kEnglishFaults = {
    "thing",    "downside", "complaint", "gripe",    "letdown",   "issue",         "problem",
    "negative", "minus",    "quibble",   "drawback", "criticism", "disappointment"};

// Words of praise that make the marker the one good thing.
constexpr std::array<std::string_view, 13> kSpanishGood = {
    "bueno",     "buena",    "rescatable", "salvable", "rico", "rica",      "decente",
    "excelente", "positivo", "salva",      "valió",    "vale", "destacable"};
constexpr std::array<std::string_view, 9> kEnglishGood = {
    "good", "redeeming", "positive", "saving", "worth", "decent", "great", "nice", "edible"};

// Verbs of liking: praise as written, a complaint denied ("lo único que no
// me gustó").
bool Liking(std::string_view w) {
  return w.starts_with("gust") || w == "like" || w == "liked" || w == "enjoyed" || w == "loved";
}

// Tokens [begin, end) of the marker; begin == tokens.size() when there is none.
struct Marker {
  std::size_t begin, end;
};

Marker FindMarker(const text::Tokens& tokens, text::Language language) {
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    const std::string_view w = Plain(tokens[i]), next = Plain(tokens[i + 1]);
    if (language == text::Language::kSpanish) {
      const bool only = next == "único" || next == "única" || next == "unico" || next == "unica";
      if (!only) continue;
      if (w == "lo") return {i, i + 2};
      const bool article = w == "el" || w == "la" || w == "mi";
      if (article && i + 2 < tokens.size() && In(kSpanishFaults, Plain(tokens[i + 2]))) {
        return {i, i + 3};
      }
    } else if (language == text::Language::kEnglish && w == "only") {
      // "the only thing", "my only real complaint", "the only good thing".
      for (std::size_t d = 1; d <= 2 && i + d < tokens.size(); ++d) {
        if (In(kEnglishFaults, Plain(tokens[i + d]))) return {i, i + d + 1};
      }
    }
  }
  return {tokens.size(), tokens.size()};
}

}  // namespace

std::optional<OnlyThing> ReadTheOnlyThing(const text::Tokens& tokens, text::Language language) {
  const auto [begin, end] = FindMarker(tokens, language);
  if (end >= tokens.size()) return std::nullopt;
  OnlyThing out;
  for (std::size_t i = begin; i < end + 4 && i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    const std::string_view w = Plain(t);
    const bool good =
        language == text::Language::kSpanish ? In(kSpanishGood, w) : In(kEnglishGood, w);
    if ((good || Liking(w)) && !Negated(t)) out.praise = true;
    if (good || Liking(w)) break;
  }
  const text::Tokens after(tokens.begin() + static_cast<std::ptrdiff_t>(end), tokens.end());
  const std::vector<Aspect> named = NamedAspects(after);
  if (out.praise) {
    for (Aspect a : named) out.opinions.push_back({a, Sentiment::kPositive});
    return out;
  }
  const std::vector<CueOpinion> said = FindDiningCues(after, language);
  if (!said.empty()) return out;  // its own cues say what the complaint is (or it is none)
  for (Aspect a : named) out.opinions.push_back({a, Sentiment::kNegative});
  if (named.empty()) out.opinions.push_back({std::nullopt, Sentiment::kNegative});
  return out;
}

}  // namespace sobremesa::analysis
