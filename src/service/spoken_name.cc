#include "service/spoken_name.h"

namespace sobremesa {
namespace {

bool StartsUpper(std::string_view word) {
  if (word.empty()) return false;
  const unsigned char c = static_cast<unsigned char>(word[0]);
  // ASCII capitals, and the accented capitals of Latin-1 (Á, É, Ñ, ...).
  return (c >= 'A' && c <= 'Z') ||
         (c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) <= 0x9E);
}

// Lower-cases the first letter (ASCII or an accented Latin-1 capital).
std::string LowerFirst(std::string text) {
  if (text.empty()) return text;
  unsigned char& c = reinterpret_cast<unsigned char&>(text[0]);
  if (c >= 'A' && c <= 'Z') {
    c = static_cast<unsigned char>(c - 'A' + 'a');
  } else if (c == 0xC3 && text.size() > 1) {
    unsigned char& next = reinterpret_cast<unsigned char&>(text[1]);
    if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
  }
  return text;
}

// The word after the first, "" when there is none.
std::string_view SecondWord(std::string_view name) {
  const size_t space = name.find(' ');
  if (space == std::string_view::npos) return "";
  name.remove_prefix(space + 1);
  return name.substr(0, name.find(' '));
}

std::string_view Trimmed(std::string_view text) {
  const size_t start = text.find_first_not_of(' ');
  if (start == std::string_view::npos) return "";
  const size_t end = text.find_last_not_of(' ');
  return text.substr(start, end - start + 1);
}

}  // namespace

std::string_view SpokenName(std::string_view name) {
  name = Trimmed(name);
  const std::string_view said = Trimmed(name.substr(0, name.find_first_of("(:,")));
  return said.empty() ? name : said;
}

std::string SpokenNameEs(const MenuItem& item) {
  const std::string_view said = SpokenName(item.name_es);
  const std::string article(SpanishArticleCode(ArticleEs(item)));
  std::string name(said);
  if (!StartsUpper(SecondWord(said))) name = LowerFirst(std::move(name));
  // "La parihuela del chef" says its article itself.
  const std::string lower = LowerFirst(name);
  if (lower.size() > article.size() && lower.compare(0, article.size(), article) == 0 &&
      lower[article.size()] == ' ') {
    return lower;
  }
  return article + " " + name;
}

std::string BareNameEn(const MenuItem& item) {
  std::string_view said = SpokenName(item.name_en.empty() ? item.name_es : item.name_en);
  for (std::string_view the : {"The ", "the "}) {
    if (said.size() > the.size() && said.substr(0, the.size()) == the) said.remove_prefix(the.size());
  }
  return std::string(said);
}

}  // namespace sobremesa
