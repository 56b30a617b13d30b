#include "selection/sentiment/semeval_dataset.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <pugixml.hpp>
#include <random>
#include <set>

namespace sobremesa::sentiment {
namespace {

// Line (1-based) of byte `offset` in `contents`.
int LineAt(const std::string& contents, std::ptrdiff_t offset) {
  const auto end = contents.begin() + std::clamp<std::ptrdiff_t>(offset, 0, contents.size());
  return 1 + static_cast<int>(std::count(contents.begin(), end, '\n'));
}

// Byte offset of each character (code point) of UTF-8 `text`, then its size.
std::vector<std::size_t> CharacterOffsets(const std::string& text) {
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

// A non-negative decimal integer, all of `s`.
bool ParseIndex(const std::string& s, std::size_t& out) {
  if (s.empty() || s.size() > 9) return false;
  out = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + static_cast<std::size_t>(c - '0');
  }
  return true;
}

class Parser {
 public:
  Parser(std::string path, std::string contents)
      : path_(std::move(path)), contents_(std::move(contents)) {}

  StatusOr<std::vector<SemEvalSentence>> Parse() {
    const pugi::xml_parse_result r = doc_.load_buffer(contents_.data(), contents_.size());
    if (!r) return Error(r.offset, std::string("malformed XML: ") + r.description());
    std::vector<SemEvalSentence> out;
    for (const pugi::xml_node review : doc_.child("Reviews").children("Review")) {
      for (const pugi::xml_node s : review.child("sentences").children("sentence")) {
        if (s.attribute("OutOfScope").as_bool()) continue;
        ASSIGN_OR_RETURN(SemEvalSentence sentence, ReadSentence(review, s));
        out.push_back(std::move(sentence));
      }
    }
    if (out.empty()) return Error(0, "no <Reviews><Review><sentences><sentence> found");
    return out;
  }

 private:
  Status Error(std::ptrdiff_t offset, const std::string& problem) const {
    return Status::InvalidArgument(path_ + ":" + std::to_string(LineAt(contents_, offset)) + ": " +
                                   problem);
  }

  StatusOr<SemEvalSentence> ReadSentence(pugi::xml_node review, pugi::xml_node s) const {
    const pugi::xml_node text = s.child("text");
    if (!text) return Error(s.offset_debug(), "sentence without <text>");
    SemEvalSentence sentence{
        review.attribute("rid").value(), s.attribute("id").value(), text.text().get(), {}};
    for (const pugi::xml_node o : s.child("Opinions").children("Opinion")) {
      const std::string category = o.attribute("category").value();
      if (category.empty()) return Error(o.offset_debug(), "opinion without category");
      const auto polarity = ParsePolarity(o.attribute("polarity").value());
      if (!polarity) {
        return Error(o.offset_debug(),
                     std::string("unknown polarity '") + o.attribute("polarity").value() + "'");
      }
      ASSIGN_OR_RETURN(std::optional<TextSpan> target, ReadTarget(o, sentence.text));
      sentence.opinions.push_back({category, *polarity, target});
    }
    return sentence;
  }

  // The <Opinion>'s target as bytes of `text`: none without one or for
  // "NULL"; else from/to must be characters (code points) of `text`, with
  // from < to.
  StatusOr<std::optional<TextSpan>> ReadTarget(pugi::xml_node o, const std::string& text) const {
    const std::string target = o.attribute("target").value();
    if (target.empty() || target == "NULL") return std::optional<TextSpan>();
    const std::string from = o.attribute("from").value(), to = o.attribute("to").value();
    const auto characters = CharacterOffsets(text);
    std::size_t begin = 0, end = 0;
    if (!ParseIndex(from, begin) || !ParseIndex(to, end) || begin >= end ||
        end >= characters.size()) {
      return Error(o.offset_debug(), "target '" + target + "' at from='" + from + "' to='" + to +
                                         "' is not within its sentence");
    }
    return std::optional<TextSpan>(TextSpan{characters[begin], characters[end]});
  }

  const std::string path_;
  const std::string contents_;
  pugi::xml_document doc_;
};

}  // namespace

StatusOr<std::vector<SemEvalSentence>> ReadSemEval2016(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::NotFound("no file " + path);
  std::ifstream in(path, std::ios::binary);
  std::string contents{std::istreambuf_iterator<char>(in), {}};
  if (!in.good() && !in.eof()) return Status::Internal("cannot read " + path);
  return Parser(path, std::move(contents)).Parse();
}

std::optional<Polarity> SentencePolarity(const SemEvalSentence& sentence) {
  std::vector<Polarity> opinions;
  for (const SemEvalOpinion& o : sentence.opinions) opinions.push_back(o.polarity);
  return AgreedPolarity(opinions);
}

std::vector<std::string> DistinctCategories(const SemEvalSentence& sentence) {
  std::vector<std::string> out;
  for (const SemEvalOpinion& o : sentence.opinions) {
    if (std::find(out.begin(), out.end(), o.category) == out.end()) out.push_back(o.category);
  }
  return out;
}

namespace {

std::string OverlapKey(const std::string& text) {
  std::string key;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80 || std::isalnum(c)) key.push_back(static_cast<char>(std::tolower(c)));
  }
  return key;
}

}  // namespace

std::vector<SemEvalSentence> WithoutOverlap(const std::vector<SemEvalSentence>& sentences,
                                            const std::vector<SemEvalSentence>& others) {
  std::set<std::string> seen;
  for (const SemEvalSentence& s : others) seen.insert(OverlapKey(s.text));
  std::vector<SemEvalSentence> kept;
  for (const SemEvalSentence& s : sentences) {
    if (!seen.count(OverlapKey(s.text))) kept.push_back(s);
  }
  return kept;
}

SemEvalSplit SplitByReview(const std::vector<SemEvalSentence>& sentences, double test_fraction,
                           unsigned seed) {
  std::vector<std::string> reviews;
  for (const SemEvalSentence& s : sentences) {
    if (reviews.empty() || reviews.back() != s.review_id) reviews.push_back(s.review_id);
  }
  std::shuffle(reviews.begin(), reviews.end(), std::mt19937(seed));
  const auto test_count = static_cast<std::size_t>(test_fraction * reviews.size() + 0.5);
  const std::set<std::string> test(reviews.begin(), reviews.begin() + test_count);
  SemEvalSplit split;
  for (const SemEvalSentence& s : sentences) {
    (test.count(s.review_id) ? split.test : split.train).push_back(s);
  }
  return split;
}

}  // namespace sobremesa::sentiment
