#include "evaluation/sentiment/language_identification.h"

#include <numeric>

#include "text/language_identifier.h"
#include "text/text_normalizer.h"

namespace sobremesa::evaluation {
namespace {

StatusOr<text::Language> IdentifyText(const text::LanguageIdentifier& identifier,
                                      const std::string& raw, const std::string& what) {
  StatusOr<std::string> normalized = text::NormalizeText(raw);
  if (!normalized.ok()) {
    return Status::InvalidArgument(what + ": " + normalized.status().message());
  }
  return identifier.Identify(*normalized).language;
}

}  // namespace

int LanguageCounts::texts() const {
  return std::accumulate(identified.begin(), identified.end(), 0);
}

double LanguageCounts::Accuracy(text::Language expected) const {
  const int n = texts();
  return n == 0 ? 0.0 : static_cast<double>(identified[static_cast<int>(expected)]) / n;
}

StatusOr<LanguageIdentificationReport> ScoreLanguageIdentification(
    const std::vector<sentiment::SemEvalSentence>& sentences, text::Language expected) {
  const text::LanguageIdentifier identifier;
  LanguageIdentificationReport report;
  std::string review_text;
  auto close_review = [&](const std::string& review_id) -> Status {
    if (review_text.empty()) return Status::Ok();
    ASSIGN_OR_RETURN(text::Language language,
                     IdentifyText(identifier, review_text, "review " + review_id));
    ++report.reviews.identified[static_cast<int>(language)];
    review_text.clear();
    return Status::Ok();
  };
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const sentiment::SemEvalSentence& s = sentences[i];
    ASSIGN_OR_RETURN(text::Language language, IdentifyText(identifier, s.text, "sentence " + s.id));
    ++report.sentences.identified[static_cast<int>(language)];
    if (language != expected) report.misses.emplace_back(s.text, language);
    if (!review_text.empty()) review_text += ' ';
    review_text += s.text;
    const bool last_of_review =
        i + 1 == sentences.size() || sentences[i + 1].review_id != s.review_id;
    if (last_of_review) RETURN_IF_ERROR(close_review(s.review_id));
  }
  return report;
}

}  // namespace sobremesa::evaluation
