#include "evaluation/sentiment/language_identification.h"

#include <gtest/gtest.h>

namespace sobremesa::evaluation {
namespace {

using sentiment::SemEvalSentence;
using text::Language;

SemEvalSentence Sentence(std::string review, std::string id, std::string text) {
  return {std::move(review), std::move(id), std::move(text), {}};
}

TEST(LanguageIdentificationTest, CountsSentencesAndJoinedReviews) {
  const std::vector<SemEvalSentence> sentences = {
      Sentence("r1", "r1:0", "La comida estaba buenísima y el servicio fue muy atento."),
      Sentence("r1", "r1:1", "Volveremos con toda la familia el próximo domingo."),
      Sentence("r2", "r2:0", "The food was cold and the waiter never came back."),
      Sentence("r3", "r3:0", "Ok"),
      Sentence("r3", "r3:1", "Los postres caseros son una maravilla, sobre todo el suspiro."),
  };
  const StatusOr<LanguageIdentificationReport> report =
      ScoreLanguageIdentification(sentences, Language::kSpanish);
  ASSERT_TRUE(report.ok()) << report.status().message();

  EXPECT_EQ(report->sentences.texts(), 5);
  EXPECT_EQ(report->sentences.identified[static_cast<int>(Language::kSpanish)], 3);
  EXPECT_EQ(report->sentences.identified[static_cast<int>(Language::kEnglish)], 1);
  EXPECT_EQ(report->sentences.identified[static_cast<int>(Language::kUnknown)], 1);
  EXPECT_DOUBLE_EQ(report->sentences.Accuracy(Language::kSpanish), 0.6);
  ASSERT_EQ(report->misses.size(), 2u);
  EXPECT_EQ(report->misses[0].second, Language::kEnglish);
  EXPECT_EQ(report->misses[1].first, "Ok");

  // Three reviews: "Ok" alone is unknown, joined with its review it is Spanish.
  EXPECT_EQ(report->reviews.texts(), 3);
  EXPECT_EQ(report->reviews.identified[static_cast<int>(Language::kSpanish)], 2);
  EXPECT_EQ(report->reviews.identified[static_cast<int>(Language::kEnglish)], 1);
}

TEST(LanguageIdentificationTest, InvalidUtf8NamesTheSentence) {
  const std::vector<SemEvalSentence> sentences = {Sentence("r1", "r1:7", "bad \xC3\x28 byte")};
  const StatusOr<LanguageIdentificationReport> report =
      ScoreLanguageIdentification(sentences, Language::kSpanish);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(report.status().message().find("sentence r1:7"), std::string::npos)
      << report.status().message();
}

}  // namespace
}  // namespace sobremesa::evaluation
