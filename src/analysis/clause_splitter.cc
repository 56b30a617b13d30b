#include "analysis/clause_splitter.h"

#include <algorithm>
#include <array>
#include <string>

namespace sobremesa::analysis {
namespace {

// A word of the sentence: bytes [begin, end), ASCII-lowercased.
struct Word {
  std::size_t begin = 0, end = 0;
  std::string lower;
};

// Letters, digits and the apostrophe ("it's", "I'd"), and the two-byte
// UTF-8 letters of Spanish (á, é, ñ, ü ...; not "¡" and "¿", lead byte
// 0xC2). Emoji and other symbols (three or four bytes) are no words.
std::size_t WordCharLength(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const bool ascii =
      (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '\'';
  if (ascii) return 1;
  if (c >= 0xC3 && c <= 0xDF && i + 1 < s.size()) return 2;
  return 0;
}

std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = WordCharLength(s, i);
    if (n == 0) {
      ++i;
      continue;
    }
    Word w{i, i, ""};
    for (; i < s.size() && (n = WordCharLength(s, i)) > 0; i += n) w.end = i + n;
    w.lower = std::string(s.substr(w.begin, w.end - w.begin));
    for (char& c : w.lower) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    out.push_back(std::move(w));
  }
  return out;
}

template <std::size_t N>
bool In(const std::array<std::string_view, N>& words, std::string_view w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

bool Is(const std::vector<Word>& words, std::size_t i, std::string_view w) {
  return i < words.size() && words[i].lower == w;
}

// Words that open a contrasting clause; "sin embargo" and "por lo demás"
// are cut before their first word, "everything else" likewise.
constexpr std::array<std::string_view, 11> kContrast = {"pero",   "aunque",   "salvo",  "excepto",
                                                        "but",    "although", "though", "however",
                                                        "except", "whereas",  "despite"};
// Those of them that concede what the main clause outweighs: at the start
// of a sentence their clause ends at the first comma.
constexpr std::array<std::string_view, 4> kConcession = {"aunque", "although", "though", "despite"};

// Where a contrast begins at word i (the index of its first word), or
// words.size() when none does.
std::size_t ContrastAt(const std::vector<Word>& words, std::size_t i) {
  // "el único pero" is a fault, not a contrast.
  const bool fault = words[i].lower == "pero" && i > 0 &&
                     (words[i - 1].lower == "único" || words[i - 1].lower == "unico");
  if (In(kContrast, words[i].lower) && !fault) return i;
  if (Is(words, i, "sin") && Is(words, i + 1, "embargo")) return i;
  if (Is(words, i, "por") && Is(words, i + 1, "lo") &&
      (Is(words, i + 2, "demás") || Is(words, i + 2, "demas"))) {
    return i;
  }
  if (Is(words, i, "everything") && Is(words, i + 1, "else")) return i;
  if (Is(words, i, "a") && Is(words, i + 1, "pesar")) return i;
  return words.size();
}

bool Concedes(const std::vector<Word>& words, std::size_t i) {
  return In(kConcession, words[i].lower) || (Is(words, i, "a") && Is(words, i + 1, "pesar"));
}

// Words of an earlier visit, whatever follows them.
bool PastAt(const std::vector<Word>& words, std::size_t i) {
  static constexpr std::array<std::string_view, 11> kPast = {
      "solía",      "solían", "solíamos", "solia",    "solian", "encantaba",
      "encantaban", "i'd",    "we'd",     "usábamos", "íbamos"};
  const std::string_view w = words[i].lower;
  if (In(kPast, w)) return true;
  if (w == "antes") {
    return !(Is(words, i + 1, "de") || Is(words, i + 1, "del") || Is(words, i + 1, "que"));
  }
  if (w == "hace") {
    return Is(words, i + 2, "años") || Is(words, i + 2, "meses") || Is(words, i + 1, "años");
  }
  if (w == "used") return Is(words, i + 1, "to");
  if (w == "had") return Is(words, i + 1, "been");
  if (w == "vez") return i > 0 && Is(words, i - 1, "primera");
  if (w == "pasado") return i > 0 && Is(words, i - 1, "año");
  if (w == "time") return i > 0 && (Is(words, i - 1, "last") || Is(words, i - 1, "first"));
  if (w == "year") return i > 0 && Is(words, i - 1, "last");
  if (w == "ago") return i > 0 && (Is(words, i - 1, "years") || Is(words, i - 1, "months"));
  return false;
}

// The imperfect and the plain past describe the visit being reviewed as
// often as an earlier one; only a present word after them makes them the
// past ("era mi cevichería favorita; ahora ...").
bool WeakPastAt(const std::vector<Word>& words, std::size_t i) {
  static constexpr std::array<std::string_view, 4> kWeak = {"era", "eran", "was", "were"};
  return In(kWeak, words[i].lower);
}

// A word of the present at i ("ahora", "hoy", "esta vez", "now", "this time").
bool PresentAt(const std::vector<Word>& words, std::size_t i) {
  static constexpr std::array<std::string_view, 4> kPresent = {"ahora", "hoy", "now", "today"};
  if (In(kPresent, words[i].lower)) return true;
  return (Is(words, i, "esta") && Is(words, i + 1, "vez")) ||
         (Is(words, i, "this") && Is(words, i + 1, "time"));
}

bool AnyPast(const std::vector<Word>& words, std::size_t from, std::size_t to, bool weak_too) {
  for (std::size_t i = from; i < to; ++i) {
    if (PastAt(words, i) || (weak_too && WeakPastAt(words, i))) return true;
  }
  return false;
}

// Byte offsets where a new clause begins (unsorted, may repeat).
std::vector<std::size_t> Cuts(std::string_view s, const std::vector<Word>& words) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (ContrastAt(words, i) == i) {
      if (i > 0) {
        cuts.push_back(words[i].begin);
      } else if (Concedes(words, i)) {
        // "Aunque el local es sencillo, | la comida es de primera."
        const std::size_t comma = s.find(',', words[i].end);
        if (comma != std::string_view::npos) cuts.push_back(comma + 1);
      }
    }
    if (i > 0 && PresentAt(words, i) && AnyPast(words, 0, i, /*weak_too=*/true)) {
      cuts.push_back(words[i].begin);
    }
  }
  for (std::size_t at = s.find(';'); at != std::string_view::npos; at = s.find(';', at + 1)) {
    cuts.push_back(at + 1);
  }
  return cuts;
}

struct Piece {
  std::size_t begin, end;
  int words = 0;
};

std::vector<Piece> Pieces(std::string_view s, const std::vector<Word>& words,
                          std::vector<std::size_t> cuts) {
  cuts.push_back(0);
  cuts.push_back(s.size());
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<Piece> pieces;
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
    Piece p{cuts[k], cuts[k + 1]};
    for (const Word& w : words) p.words += w.begin >= p.begin && w.end <= p.end;
    pieces.push_back(p);
  }
  // Short pieces join the one before them; a short first piece, the next.
  std::vector<Piece> joined;
  for (const Piece& p : pieces) {
    if (!joined.empty() && (p.words < kMinClauseWords || joined.back().words < kMinClauseWords)) {
      joined.back().end = p.end;
      joined.back().words += p.words;
    } else {
      joined.push_back(p);
    }
  }
  return joined;
}

std::string_view Trim(std::string_view s) {
  const std::size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

std::vector<Clause> SplitClauses(std::string_view sentence) {
  const std::vector<Word> words = Words(sentence);
  std::vector<Clause> out;
  const std::vector<Piece> pieces = Pieces(sentence, words, Cuts(sentence, words));
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    const std::string_view text = Trim(sentence.substr(p.begin, p.end - p.begin));
    if (text.empty()) continue;
    bool past = false;
    if (k + 1 < pieces.size()) {
      const std::vector<Word> mine = Words(text);
      const std::vector<Word> next = Words(sentence.substr(pieces[k + 1].begin));
      const bool then_present = !next.empty() && PresentAt(next, 0);
      past = AnyPast(mine, 0, mine.size(), then_present);
    }
    out.push_back({text, past});
  }
  return out;
}

bool SpeaksOfThePast(std::string_view text) {
  const std::vector<Word> words = Words(text);
  return AnyPast(words, 0, words.size(), /*weak_too=*/true);
}

bool OpensWithThePresent(std::string_view text) {
  const std::vector<Word> words = Words(text);
  // "Pero ahora ...", "But now ...".
  const std::size_t first =
      !words.empty() && (words[0].lower == "pero" || words[0].lower == "but" ||
                         words[0].lower == "and" || words[0].lower == "y")
          ? 1
          : 0;
  return first < words.size() && PresentAt(words, first);
}

}  // namespace sobremesa::analysis
