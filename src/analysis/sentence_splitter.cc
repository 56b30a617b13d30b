#include "analysis/sentence_splitter.h"

#include <array>
#include <cstdint>
#include <string>

namespace sobremesa::analysis {
namespace {

struct CodePoint {
  char32_t value = 0;
  std::size_t bytes = 1;
};

// The code point starting at `i`; a stray byte reads as itself, one byte
// long, so a malformed text still advances (callers validate earlier).
CodePoint Decode(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) return {b, 1};
  if (n == 1) return {b, 1};
  char32_t cp = b & (0x7F >> n);
  for (std::size_t k = 1; k < n; ++k)
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return {cp, n};
}

bool IsEmoji(char32_t c) {
  return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2600 && c <= 0x27BF) || c == 0x2B50 ||
         c == 0x2B55 || c == 0x2764 || c == 0x200D || c == 0xFE0F || c == 0x2B06 || c == 0x2194;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool IsTerminal(CodePoint c) {
  return c.value == '.' || c.value == '!' || c.value == '?' || c.value == 0x2026;
}

bool IsCloser(char32_t c) {
  return c == ')' || c == ']' || c == '"' || c == '\'' || c == 0xBB || c == 0x201D || c == 0x2019;
}

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// A capital letter, '¡' or '¿': what opens a new sentence.
bool OpensSentence(std::string_view s, std::size_t i) {
  if (i >= s.size()) return true;
  const CodePoint c = Decode(s, i);
  if (c.value >= 'A' && c.value <= 'Z') return true;
  if (c.value >= 0xC0 && c.value <= 0xDE && c.value != 0xD7) return true;  // À..Þ
  return c.value == 0xA1 || c.value == 0xBF || c.value == '"' || c.value == 0x201C;
}

std::size_t SkipSpaces(std::string_view s, std::size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

// Past a run of emoji (with spaces between them) from `i`; `i` if none.
std::size_t SkipEmoji(std::string_view s, std::size_t i) {
  std::size_t end = i, k = i;
  while (k < s.size()) {
    const std::size_t next = SkipSpaces(s, k);
    if (next >= s.size()) break;
    const CodePoint c = Decode(s, next);
    if (!IsEmoji(c.value) && !(c.value >= 0x1F3FB && c.value <= 0x1F3FF)) break;
    k = next + c.bytes;
    end = k;
  }
  return end;
}

// Abbreviations after which a '.' never ends a sentence: titles before a
// name. Others (kSoftAbbreviations) end one only before a capital.
// "PD." / "PS." open a postscript, which goes on in the same piece.
constexpr std::array<std::string_view, 14> kTitles = {"sr", "sra", "srta", "sres", "dr", "dra", "mr",
                                                      "mrs", "ms", "st", "lic", "ing", "pd", "ps"};
constexpr std::array<std::string_view, 12> kSoftAbbreviations = {
    "etc", "aprox", "approx", "ej", "av", "vs", "pág", "tel", "min", "hrs", "jr", "prof"};

// The ASCII word that ends just before byte `dot`, lower-cased.
std::string_view WordBefore(std::string_view s, std::size_t dot, std::string& scratch) {
  std::size_t b = dot;
  while (b > 0 && (IsAsciiLetter(s[b - 1]) || static_cast<unsigned char>(s[b - 1]) >= 0x80)) --b;
  scratch.clear();
  for (std::size_t k = b; k < dot; ++k) scratch += Lower(s[k]);
  return scratch;
}

template <std::size_t N>
bool Contains(const std::array<std::string_view, N>& list, std::string_view word) {
  for (std::string_view w : list) {
    if (w == word) return true;
  }
  return false;
}

// Whether the single '.' at `dot` (followed by `after`) ends a sentence.
bool PeriodEndsSentence(std::string_view s, std::size_t dot, std::size_t after) {
  // "12.50", "www.sobremesa.pe", "p.m": no space after the dot.
  if (after < s.size() && !IsSpace(s[after]) && s[after] != '\n' &&
      !IsCloser(Decode(s, after).value)) {
    return false;
  }
  std::string scratch;
  const std::string_view word = WordBefore(s, dot, scratch);
  if (Contains(kTitles, word)) return false;
  const bool single_letter = word.size() == 1 && IsAsciiLetter(word[0]);
  if (single_letter || Contains(kSoftAbbreviations, word)) {
    return OpensSentence(s, SkipSpaces(s, after)) && !single_letter;
  }
  return true;
}

class Splitter {
 public:
  explicit Splitter(std::string_view text) : s_(text) {}

  std::vector<std::string_view> Run() {
    std::size_t i = 0;
    while (i < s_.size()) i = Step(i);
    Emit(s_.size());
    return std::move(pieces_);
  }

 private:
  // Handles the code point at `i`; returns where to continue.
  std::size_t Step(std::size_t i) {
    if (s_[i] == '\n') {
      Emit(i);
      start_ = i + 1;
      return i + 1;
    }
    const CodePoint c = Decode(s_, i);
    if (IsTerminal(c)) return AfterTerminal(i);
    if (IsEmoji(c.value)) {
      const std::size_t end = SkipEmoji(s_, i);
      const std::size_t next = SkipSpaces(s_, end);
      // Not an emoji that opens the piece, as a bullet ("👉 Comida: rica").
      const bool bullet = Piece(i).empty();
      if (!bullet && next > end && next < s_.size() && OpensSentence(s_, next)) {
        Emit(end);
        start_ = end;
      }
      return end;
    }
    return i + c.bytes;
  }

  std::size_t AfterTerminal(std::size_t i) {
    std::size_t j = i;
    while (j < s_.size() && IsTerminal(Decode(s_, j))) j += Decode(s_, j).bytes;
    if (j == i + 1 && s_[i] == '.' && (!PeriodEndsSentence(s_, i, j) || ListNumber(i))) return j;
    while (j < s_.size() && IsCloser(Decode(s_, j).value)) j += Decode(s_, j).bytes;
    j = SkipEmoji(s_, j);
    Emit(j);
    start_ = j;
    return j;
  }

  // Whether the piece so far is only a list number before the '.' at `dot`
  // ("1. El ceviche ..."): the item goes on.
  bool ListNumber(std::size_t dot) const {
    std::size_t b = start_;
    while (b < dot && (IsSpace(s_[b]) || s_[b] == '\n')) ++b;
    if (b == dot || dot - b > 2) return false;
    for (std::size_t k = b; k < dot; ++k) {
      if (s_[k] < '0' || s_[k] > '9') return false;
    }
    return true;
  }

  // The current piece if it ended at `end`, trimmed; empty when it holds
  // no word or emoji.
  std::string_view Piece(std::size_t end) const {
    std::size_t b = start_, e = end;
    while (b < e && (IsSpace(s_[b]) || s_[b] == '\n')) ++b;
    while (e > b && (IsSpace(s_[e - 1]) || s_[e - 1] == '\n')) --e;
    const std::string_view piece = s_.substr(b, e - b);
    return HasContent(piece) ? piece : std::string_view();
  }

  // Ends the current piece at `end`, keeping it if it holds a word or emoji.
  void Emit(std::size_t end) {
    if (const std::string_view piece = Piece(end); !piece.empty()) pieces_.push_back(piece);
  }

  static bool HasContent(std::string_view piece) {
    for (std::size_t k = 0; k < piece.size();) {
      const CodePoint c = Decode(piece, k);
      if (c.value >= 0x80 || IsAsciiLetter(static_cast<char>(c.value)) ||
          (c.value >= '0' && c.value <= '9')) {
        if (!(c.value == 0x2026 || c.value == 0xA1 || c.value == 0xBF || c.value == 0xBB ||
              c.value == 0xAB || (c.value >= 0x2018 && c.value <= 0x201D))) {
          return true;
        }
      }
      k += c.bytes;
    }
    return false;
  }

  const std::string_view s_;
  std::size_t start_ = 0;
  std::vector<std::string_view> pieces_;
};

}  // namespace

std::vector<std::string_view> SplitSentences(std::string_view text) { return Splitter(text).Run(); }

}  // namespace sobremesa::analysis
