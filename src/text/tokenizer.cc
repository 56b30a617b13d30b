#include "text/tokenizer.h"

#include <utf8proc.h>

#include <array>

namespace sobremesa::text {
namespace {

enum class CharClass { kLetter, kMark, kDigit, kApostrophe, kSymbol, kPunctuation, kSkip, kSpace };

CharClass ClassifyByCategory(utf8proc_int32_t cp) {
  if (cp == '\'' || cp == 0x2019) return CharClass::kApostrophe;
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return CharClass::kLetter;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return CharClass::kMark;
    case UTF8PROC_CATEGORY_ND:
      return CharClass::kDigit;
    case UTF8PROC_CATEGORY_SO:
      return CharClass::kSymbol;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
      return CharClass::kPunctuation;
    case UTF8PROC_CATEGORY_SK:  // emoji skin tones
    case UTF8PROC_CATEGORY_CF:  // zero width joiner
      return CharClass::kSkip;
    default:
      return CharClass::kSpace;
  }
}

// ASCII, most of every text, from a table made once by ClassifyByCategory.
CharClass Classify(utf8proc_int32_t cp) {
  static const auto kAscii = [] {
    std::array<CharClass, 128> table{};
    for (int c = 0; c < 128; ++c) table[c] = ClassifyByCategory(c);
    return table;
  }();
  return cp >= 0 && cp < 128 ? kAscii[cp] : ClassifyByCategory(cp);
}

void AppendCodePoint(std::string& out, utf8proc_int32_t cp) {
  utf8proc_uint8_t buffer[4];
  const utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
  out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// Builds tokens one code point at a time; keeps the state of the word or
// number being read.
class TokenBuilder {
 public:
  explicit TokenBuilder(Language language) : max_repeat_(language == Language::kSpanish ? 1 : 2) {}

  void Add(utf8proc_int32_t cp) {
    switch (Classify(cp)) {
      case CharClass::kLetter:
        AddWordChar(cp, TokenKind::kWord);
        break;
      case CharClass::kDigit:
        AddWordChar(cp, current_.text.empty() ? TokenKind::kNumber : current_.kind);
        break;
      case CharClass::kMark:
        if (!current_.text.empty()) AppendCodePoint(current_.text, cp);
        break;
      case CharClass::kApostrophe:
        // Kept only inside a word; trailing ones are removed in Flush.
        if (current_.kind == TokenKind::kWord && !current_.text.empty()) {
          current_.text.push_back('\'');
          last_ = '\'';
          run_ = 1;
        }
        break;
      case CharClass::kSymbol:
        Flush();
        tokens_.push_back({EncodeOne(cp), TokenKind::kEmoji});
        break;
      case CharClass::kPunctuation:
        Flush();
        AddPunctuation(cp);
        break;
      case CharClass::kSkip:
        break;
      case CharClass::kSpace:
        Flush();
        break;
    }
  }

  Tokens Finish() {
    Flush();
    return std::move(tokens_);
  }

 private:
  static std::string EncodeOne(utf8proc_int32_t cp) {
    std::string s;
    AppendCodePoint(s, cp);
    return s;
  }

  void AddWordChar(utf8proc_int32_t cp, TokenKind kind) {
    if (current_.text.empty()) current_.kind = kind;
    if (current_.kind == TokenKind::kNumber && kind == TokenKind::kWord) current_.kind = kind;
    run_ = (cp == last_) ? run_ + 1 : 1;
    last_ = cp;
    if (kind != TokenKind::kWord || run_ <= 2) {
      AppendCodePoint(current_.text, cp);
    } else if (run_ == 3 && max_repeat_ == 1) {
      // A third repeat shows emphasis, not a doubled letter: drop the second.
      utf8proc_uint8_t buffer[4];
      current_.text.resize(current_.text.size() - utf8proc_encode_char(cp, buffer));
    }
  }

  void AddPunctuation(utf8proc_int32_t cp) {
    std::string mark = EncodeOne(cp);
    // "!!!" and "! ! !" say the same thing once.
    const bool repeat = !tokens_.empty() && tokens_.back().kind == TokenKind::kPunctuation &&
                        tokens_.back().text == mark;
    if (!repeat) tokens_.push_back({std::move(mark), TokenKind::kPunctuation});
  }

  void Flush() {
    while (!current_.text.empty() && current_.text.back() == '\'') current_.text.pop_back();
    if (!current_.text.empty()) tokens_.push_back(std::move(current_));
    current_ = Token{};
    last_ = 0;
    run_ = 0;
  }

  const int max_repeat_;  // letters kept of a squeezed run
  Tokens tokens_;
  Token current_;
  utf8proc_int32_t last_ = 0;
  int run_ = 0;
};

}  // namespace

Tokens Tokenize(std::string_view normalized, Language language) {
  TokenBuilder builder(language);
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(normalized.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(normalized.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n < 0) {
      n = 1;  // skip one bad byte
      cp = ' ';
    }
    builder.Add(cp);
    p += n;
    left -= n;
  }
  return builder.Finish();
}

}  // namespace sobremesa::text
