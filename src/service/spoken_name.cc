#include "service/spoken_name.h"

#include "common/utf8.h"

namespace sobremesa {
namespace {

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
  if (!StartsWithUpperCase(SecondWord(said))) name = ToLowerUtf8(name, 1);
  // "La parihuela del chef" says its article itself.
  const std::string lower = ToLowerUtf8(name, 1);
  if (lower.size() > article.size() && lower.compare(0, article.size(), article) == 0 &&
      lower[article.size()] == ' ') {
    return lower;
  }
  return article + " " + name;
}

std::string BareNameEn(const MenuItem& item) {
  std::string_view said = SpokenName(item.name_en.empty() ? item.name_es : item.name_en);
  for (std::string_view the : {"The ", "the "}) {
    if (said.size() > the.size() && said.substr(0, the.size()) == the)
      said.remove_prefix(the.size());
  }
  return std::string(said);
}

}  // namespace sobremesa
