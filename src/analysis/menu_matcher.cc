#include "analysis/menu_matcher.h"

#include <algorithm>
#include <array>

#include "text/food_vocabulary.h"
#include "text/text_normalizer.h"
#include "text/tokenizer.h"

namespace sobremesa::analysis {
namespace {

// Words that name no dish on their own: articles, pronouns and prepositions
// ("lo mejor de la noche" is not "pescado a lo macho"), and the adjectives
// menus put on many dishes ("clásico", "de la casa").
constexpr std::array<std::string_view, 49> kStopWords = {
    "lo",     "le",       "por",     "para",        "o",           "que",     "se",      "to",
    "an",
    "de",     "del",      "la",      "el",          "los",         "las",     "al",      "a",
    "con",    "y",        "en",      "un",          "una",         "su",      "the",     "of",
    "with",   "and",      "in",      "our",         "classic",     "clasico", "clasica", "casa",
    "house",  "especial", "special", "tradicional", "traditional", "menu",    "dia",     "style",
    "estilo", "fresh",    "fresco",  "fresca",      "nuestro",     "nuestra", "mi",      "my"};

// Dish words that are also everyday words ("estaba seco", "a causa de"):
// in a guest's text they name the dish only after an article.
constexpr std::array<std::string_view, 6> kAmbiguousDishWords = {"seco", "causa",  "sol",
                                                                 "mar",  "tierra", "punto"};
constexpr std::array<std::string_view, 10> kArticles = {"el",  "la",  "los", "las", "un",
                                                        "una", "del", "the", "our", "su"};

// Places, and the adjectives of places: part of a dish's name ("causa
// limeña", "Lima causa") but no dish alone ("#Lima", "comida peruana").
constexpr std::array<std::string_view, 14> kPlaceWords = {
    "lima",     "limena",   "limeno", "peru",      "peruano",    "peruana",    "callao",
    "chalaco",  "chalaca",  "cusco",  "cusqueno",  "arequipa",   "arequipeno", "arequipena"};

template <std::size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool IsStopWord(std::string_view w) { return In(kStopWords, w); }

// Lower-case Latin letters with a diacritic (UTF-8 C3 xx, after case
// folding) to their base letter; other bytes are copied.
std::string StripAccents(std::string_view word) {
  static constexpr std::string_view kFrom =
      "\xa0\xa1\xa2\xa3\xa4\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf\xb1\xb2\xb3\xb4\xb5\xb6\xb9\xba\xbb"
      "\xbc";
  static constexpr std::string_view kTo = "aaaaaceeeeiiiinooooouuuu";
  std::string out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (static_cast<unsigned char>(word[i]) == 0xC3 && i + 1 < word.size()) {
      const std::size_t k = kFrom.find(word[i + 1]);
      if (k != std::string_view::npos) {
        out += kTo[k];
        ++i;
        continue;
      }
    }
    out += word[i];
  }
  return out;
}

// "anticuchos" -> "anticucho", "limones" -> "limon", "causas" -> "causa";
// Spanish and English plurals alike, good enough to compare names.
std::string Singular(std::string word) {
  if (word.size() <= 3 || word.back() != 's') return word;
  const std::size_t n = word.size();
  if (n > 4 && word[n - 2] == 'e' &&
      std::string_view("lrndzj").find(word[n - 3]) != std::string_view::npos) {
    word.resize(n - 2);
  } else if (word[n - 2] != 's') {
    word.resize(n - 1);
  }
  return word;
}

// Optimal string alignment distance when at most `limit`, else limit + 1.
// Words longer than kMaxFuzzyLength are compared exactly only.
constexpr int kMaxFuzzyLength = 31;
int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > limit || n > kMaxFuzzyLength || m > kMaxFuzzyLength) return limit + 1;
  // Three rows on the stack: this runs for every long word of every sentence.
  std::array<int, kMaxFuzzyLength + 1> prev2{}, prev{}, cur{};
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}

// Short words are too close to other words to forgive a typo: "salado"
// is one edit from "saltado" (lomo saltado) and means salty.
int AllowedEdits(std::size_t length) { return length >= 10 ? 2 : length >= 7 ? 1 : 0; }

}  // namespace

std::vector<std::string> MatchableWords(std::string_view normalized, text::Language language,
                                        bool menu_name) {
  text::Tokens tokens = text::Tokenize(normalized, language);
  text::NormalizeFoodVocabulary(tokens);
  std::vector<std::string> words;
  std::string previous;
  for (const text::Token& t : tokens) {
    if (t.kind != text::TokenKind::kWord) {
      previous.clear();
      continue;
    }
    std::string_view rest = t.text;
    while (!rest.empty()) {
      const std::size_t cut = rest.find('_');
      std::string word = Singular(StripAccents(rest.substr(0, cut)));
      const bool ambiguous =
          !menu_name && In(kAmbiguousDishWords, word) && !In(kArticles, previous);
      if (!word.empty() && !IsStopWord(word) && !ambiguous) words.push_back(word);
      previous = std::move(word);
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
  }
  return words;
}

struct MenuMatcher::Candidate {
  int item = 0;
  int matched = 0;
  int name_words = 0;
  std::vector<int> positions;  // sentence word positions used
};

int MenuMatcher::WordId(const std::string& word) {
  auto [it, inserted] = word_ids_.emplace(word, static_cast<int>(vocabulary_.size()));
  if (inserted) {
    vocabulary_.push_back(word);
    item_frequency_.push_back(0);
  }
  return it->second;
}

MenuMatcher::MenuMatcher(const std::vector<MenuItem>& menu) {
  for (const MenuItem& m : menu) {
    Item item{m.id, m.name_es, m.name_en, m.course, {}};
    std::vector<int> seen;
    for (const std::string* source : {&m.name_es, &m.name_en}) {
      auto normalized = text::NormalizeText(*source);
      if (!normalized.ok() || normalized->empty()) continue;
      Name name;
      for (const std::string& w :
           MatchableWords(*normalized, text::Language::kSpanish, /*menu_name=*/true)) {
        name.words.push_back(WordId(w));
      }
      if (name.words.empty()) continue;
      const bool duplicate = !item.names.empty() && item.names.front().words == name.words;
      if (!duplicate) item.names.push_back(std::move(name));
      for (int w : item.names.back().words) {
        if (std::find(seen.begin(), seen.end(), w) == seen.end()) seen.push_back(w);
      }
    }
    if (item.names.empty()) continue;
    for (int w : seen) {
      ++item_frequency_[w];
      word_items_.resize(vocabulary_.size());
      word_items_[w].push_back(static_cast<int>(items_.size()));
    }
    items_.push_back(std::move(item));
  }
  word_items_.resize(vocabulary_.size());
}

std::vector<std::vector<int>> MenuMatcher::MatchWords(const std::vector<std::string>& words) const {
  std::vector<std::vector<int>> matches(words.size());
  for (std::size_t p = 0; p < words.size(); ++p) {
    const std::string& w = words[p];
    if (auto it = word_ids_.find(w); it != word_ids_.end()) matches[p].push_back(it->second);
    const int edits = AllowedEdits(w.size());
    if (edits == 0) continue;
    for (std::size_t v = 0; v < vocabulary_.size(); ++v) {
      const std::string& candidate = vocabulary_[v];
      if (candidate == w || AllowedEdits(candidate.size()) == 0) continue;
      const int limit = std::min(edits, AllowedEdits(candidate.size()));
      // A typo rarely hits both of the first two letters; checking them
      // first skips the distance for nearly every pair.
      if (candidate[0] != w[0] && candidate[1] != w[1]) continue;
      if (BoundedEditDistance(w, candidate, limit) <= limit)
        matches[p].push_back(static_cast<int>(v));
    }
  }
  return matches;
}

bool MenuMatcher::FindName(const Name& name, const std::vector<std::vector<int>>& matches,
                           Candidate& out) const {
  // Every (sentence position, name word) pair that matches.
  std::vector<std::pair<int, int>> hits;
  for (std::size_t p = 0; p < matches.size(); ++p) {
    for (std::size_t k = 0; k < name.words.size(); ++k) {
      if (std::find(matches[p].begin(), matches[p].end(), name.words[k]) != matches[p].end()) {
        hits.emplace_back(static_cast<int>(p), static_cast<int>(k));
      }
    }
  }
  if (hits.empty()) return false;
  // The window of the sentence holding the most distinct name words.
  const int width = static_cast<int>(name.words.size()) + 2;
  Candidate best;
  bool best_distinctive = false, best_head = false;
  for (std::size_t a = 0; a < hits.size(); ++a) {
    std::vector<int> words_used, positions;
    bool distinctive = false, head = false;
    for (std::size_t b = a; b < hits.size() && hits[b].first - hits[a].first <= width; ++b) {
      const int k = hits[b].second;
      if (std::find(words_used.begin(), words_used.end(), k) != words_used.end()) continue;
      words_used.push_back(k);
      positions.push_back(hits[b].first);
      const bool place = In(kPlaceWords, vocabulary_[name.words[k]]);
      distinctive |= item_frequency_[name.words[k]] == 1 && !place;
      head |= k == 0 && !place;
    }
    if (static_cast<int>(words_used.size()) > best.matched) {
      best.matched = static_cast<int>(words_used.size());
      best.positions = positions;
      best_distinctive = distinctive;
      best_head = head;
    }
  }
  const bool whole = best.matched == static_cast<int>(name.words.size());
  // A dish word several items share ("cebiche" with four cebiches on the
  // menu) names none of them alone: a manager reading which dishes get
  // complaints wants the one the guest ate, not a guess at it (or each
  // complaint counted four times). With another of its words it names it.
  const bool head_and_more = best_head && best.matched >= 2;
  if (!whole && !best_distinctive && !head_and_more) return false;
  if (best.matched > out.matched) {
    out.matched = best.matched;
    out.positions = std::move(best.positions);
    out.name_words = static_cast<int>(name.words.size());
  }
  return true;
}

std::vector<DishMention> MenuMatcher::Match(std::string_view normalized,
                                            text::Language language) const {
  const std::vector<std::string> words = MatchableWords(normalized, language, /*menu_name=*/false);
  if (words.empty() || items_.empty()) return {};
  const std::vector<std::vector<int>> matches = MatchWords(words);
  // Only items sharing a word with the sentence can be named in it.
  std::vector<int> items;
  for (const std::vector<int>& ids : matches) {
    for (int w : ids) items.insert(items.end(), word_items_[w].begin(), word_items_[w].end());
  }
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  std::vector<Candidate> candidates;
  for (int i : items) {
    Candidate c;
    c.item = i;
    bool found = false;
    for (const Name& name : items_[i].names) found |= FindName(name, matches, c);
    if (found) candidates.push_back(std::move(c));
  }
  std::sort(candidates.begin(), candidates.end(), [this](const Candidate& a, const Candidate& b) {
    if (a.matched != b.matched) return a.matched > b.matched;
    if (a.name_words != b.name_words) return a.name_words < b.name_words;
    return items_[a.item].id < items_[b.item].id;
  });
  std::vector<bool> used(words.size(), false);
  std::vector<std::pair<int, DishMention>> accepted;  // first position, mention
  for (const Candidate& c : candidates) {
    // A candidate that adds no word to those already taken is the same
    // mention read as a lesser item ("ceviche" inside "ceviche nikkei").
    const bool adds_nothing =
        std::all_of(c.positions.begin(), c.positions.end(), [&used](int p) { return used[p]; });
    if (adds_nothing) continue;
    for (int p : c.positions) used[p] = true;
    const Item& item = items_[c.item];
    const bool english = language == text::Language::kEnglish && !item.name_en.empty();
    accepted.push_back({*std::min_element(c.positions.begin(), c.positions.end()),
                        DishMention{item.id, english ? item.name_en : item.name_es, item.course}});
  }
  std::sort(accepted.begin(), accepted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<DishMention> mentions;
  for (auto& [position, mention] : accepted) mentions.push_back(std::move(mention));
  return mentions;
}

}  // namespace sobremesa::analysis
