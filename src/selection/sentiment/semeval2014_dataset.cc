#include "selection/sentiment/semeval2014_dataset.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <pugixml.hpp>

namespace sobremesa::sentiment {
namespace {

const std::map<std::string, std::string, std::less<>>& CategoryMap() {
  static const std::map<std::string, std::string, std::less<>> map = {
      {"food", "FOOD#QUALITY"},
      {"service", "SERVICE#GENERAL"},
      {"ambience", "AMBIENCE#GENERAL"},
      {"price", "RESTAURANT#PRICES"},
      {"anecdotes/miscellaneous", "RESTAURANT#GENERAL"}};
  return map;
}

int LineAt(const std::string& contents, std::ptrdiff_t offset) {
  const auto end = contents.begin() + std::clamp<std::ptrdiff_t>(offset, 0, contents.size());
  return 1 + static_cast<int>(std::count(contents.begin(), end, '\n'));
}

}  // namespace

StatusOr<std::vector<SemEvalSentence>> ReadSemEval2014(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("no file " + path);
  std::ifstream in(path, std::ios::binary);
  const std::string contents{std::istreambuf_iterator<char>(in), {}};
  const auto error = [&](std::ptrdiff_t offset, const std::string& problem) {
    return Status::InvalidArgument(path + ":" + std::to_string(LineAt(contents, offset)) + ": " +
                                   problem);
  };
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(contents.data(), contents.size());
  if (!parsed) return error(parsed.offset, std::string("malformed XML: ") + parsed.description());
  std::vector<SemEvalSentence> out;
  for (const pugi::xml_node s : doc.child("sentences").children("sentence")) {
    const pugi::xml_node text = s.child("text");
    if (!text) return error(s.offset_debug(), "sentence without <text>");
    SemEvalSentence sentence{
        s.attribute("id").value(), s.attribute("id").value(), text.text().get(), {}};
    for (const pugi::xml_node c : s.child("aspectCategories").children("aspectCategory")) {
      const auto category = CategoryMap().find(c.attribute("category").value());
      if (category == CategoryMap().end()) {
        return error(c.offset_debug(),
                     std::string("unknown category '") + c.attribute("category").value() + "'");
      }
      const auto polarity = ParsePolarity(c.attribute("polarity").value());
      if (!polarity) {
        return error(c.offset_debug(),
                     std::string("unknown polarity '") + c.attribute("polarity").value() + "'");
      }
      sentence.opinions.push_back({category->second, *polarity});
    }
    out.push_back(std::move(sentence));
  }
  if (out.empty()) return error(0, "no <sentences><sentence> found");
  return out;
}

}  // namespace sobremesa::sentiment
