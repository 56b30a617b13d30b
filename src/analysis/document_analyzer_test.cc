#include "analysis/document_analyzer.h"

#include <gtest/gtest.h>

#include "analysis/tiny_sentiment_models.h"
#include "text/text_normalizer.h"

namespace sobremesa::analysis {
namespace {

MenuItem Dish(Id id, std::string es, std::string en, Course course) {
  MenuItem m;
  m.id = id;
  m.name_es = std::move(es);
  m.name_en = std::move(en);
  m.course = course;
  return m;
}

class DocumentAnalyzerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto analyzer = DocumentAnalyzer::Create(testing::TinySentimentModels());
    ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
    analyzer_ = std::move(analyzer).value();
  }
  TextAnalysis Analyze(std::string_view text) {
    auto a = analyzer_->Analyze(text, &menu_);
    EXPECT_TRUE(a.ok()) << a.status().ToString();
    return a.ok() ? *a : TextAnalysis{};
  }
  const AspectSentiment* FindAspect(const TextAnalysis& a, Aspect aspect) {
    for (const AspectSentiment& s : a.aspects) {
      if (s.aspect == aspect) return &s;
    }
    return nullptr;
  }

  MenuMatcher menu_{{Dish(3, "Tiradito nikkei", "Nikkei tiradito", Course::kStarter),
                     Dish(10, "Pisco sour", "Pisco sour", Course::kDrink)}};
  std::unique_ptr<DocumentAnalyzer> analyzer_;
};

TEST_F(DocumentAnalyzerTest, PositiveEveningWithAComplaintIsMixedAndQuotesIt) {
  const TextAnalysis a = Analyze(
      "Una noche espectacular. La comida estuvo buenísima 😍\n\n"
      "El mozo se olvidó de nuestro pedido. Volveremos pronto, todo excelente!!!");
  EXPECT_EQ(a.language, "es");
  EXPECT_EQ(a.status, AnalysisStatus::kAnalysed);
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.verdict, Sentiment::kMixed);
  EXPECT_GT(a.score, 0.0);
  ASSERT_EQ(a.complaints.size(), 1u);
  EXPECT_EQ(a.complaints[0], "El mozo se olvidó de nuestro pedido.");
  const AspectSentiment* service = FindAspect(a, Aspect::kService);
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->sentiment, Sentiment::kNegative);
  const AspectSentiment* food = FindAspect(a, Aspect::kFood);
  ASSERT_NE(food, nullptr);
  EXPECT_EQ(food->sentiment, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, OneKindWordAmongManyComplaintsStaysNegative) {
  const TextAnalysis a = Analyze(
      "El tiradito estaba salado.\nEsperamos una hora por los fondos.\n"
      "El baño estaba sucio.\nEl pisco sour buenazo.");
  ASSERT_EQ(a.sentences.size(), 4u);
  EXPECT_EQ(a.sentences[3].sentiment, Sentiment::kPositive);
  EXPECT_EQ(a.verdict, Sentiment::kNegative);
  EXPECT_EQ(a.complaints.size(), 3u);
  // Two complaints and the kind word: still mixed.
  const TextAnalysis two = Analyze(
      "El tiradito estaba salado.\nEsperamos una hora por los fondos.\n"
      "El pisco sour buenazo.");
  EXPECT_EQ(two.verdict, Sentiment::kMixed);
}

TEST_F(DocumentAnalyzerTest, PraiseCuesGiveTheirAspectBesideAComplaint) {
  // The tiny models never saw these words: the praise comes from the cues.
  const TextAnalysis a = Analyze("El mozo atentísimo, pero la comida llegó fría.");
  ASSERT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.verdict, Sentiment::kMixed);
  const AspectSentiment* service = FindAspect(a, Aspect::kService);
  ASSERT_NE(service, nullptr);
  EXPECT_EQ(service->sentiment, Sentiment::kPositive);
  const AspectSentiment* food = FindAspect(a, Aspect::kFood);
  ASSERT_NE(food, nullptr);
  EXPECT_EQ(food->sentiment, Sentiment::kNegative);
}

TEST_F(DocumentAnalyzerTest, SaltyTiraditoIsANegativeFoodOpinionOnTheTiradito) {
  const TextAnalysis a = Analyze("El tiradito estaba salado.");
  ASSERT_EQ(a.dishes.size(), 1u);
  EXPECT_EQ(a.dishes[0].item_id, 3);
  EXPECT_EQ(a.dishes[0].name, "Tiradito nikkei");
  EXPECT_EQ(a.dishes[0].sentiment, Sentiment::kNegative);
  EXPECT_EQ(a.dishes[0].quote, "El tiradito estaba salado.");
  const AspectSentiment* food = FindAspect(a, Aspect::kFood);
  ASSERT_NE(food, nullptr);
  EXPECT_EQ(food->sentiment, Sentiment::kNegative);
  EXPECT_EQ(a.verdict, Sentiment::kNegative);
}

// The dining cues (dining_cues.h) override the model for their aspect;
// praise and a complaint joined by a contrast are both kept (mixed).
TEST_F(DocumentAnalyzerTest, DiningCuesOverrideTheModelsReadingOfTheirAspect) {
  auto without = DocumentAnalyzer::Create(testing::TinySentimentModels(), /*dining_cues=*/false);
  ASSERT_TRUE(without.ok());
  const char* praise_then_complaint = "La comida estuvo buenísima, pero tibia.";
  auto model_only = (*without)->Analyze(praise_then_complaint, nullptr);
  ASSERT_TRUE(model_only.ok());
  const AspectSentiment* heard = FindAspect(*model_only, Aspect::kFood);
  ASSERT_NE(heard, nullptr);
  ASSERT_EQ(heard->sentiment, Sentiment::kPositive) << "the model alone hears praise";

  const TextAnalysis both = Analyze(praise_then_complaint);
  ASSERT_NE(FindAspect(both, Aspect::kFood), nullptr);
  EXPECT_EQ(FindAspect(both, Aspect::kFood)->sentiment, Sentiment::kMixed);
  EXPECT_EQ(both.verdict, Sentiment::kMixed);

  // A complaint about an aspect the model did not hear adds it.
  const TextAnalysis slow = Analyze("Una noche espectacular. Esperamos una hora por la cuenta.");
  ASSERT_NE(FindAspect(slow, Aspect::kService), nullptr);
  EXPECT_EQ(FindAspect(slow, Aspect::kService)->sentiment, Sentiment::kNegative);
  EXPECT_EQ(slow.verdict, Sentiment::kMixed);
}

// Clauses, the past and "lo único" (history, "Clauses, the past and 'lo
// único'"); the tiny models never saw these words.
TEST_F(DocumentAnalyzerTest, AnEarlierVisitsPraiseIsNoPraise) {
  const TextAnalysis a = Analyze("Antes era buenazo, ahora ni fu ni fa.");
  ASSERT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.verdict, Sentiment::kNegative);
  for (const AspectSentiment& s : a.aspects) EXPECT_NE(s.sentiment, Sentiment::kPositive);
  // A sentence of the past before one that opens with the present.
  const TextAnalysis then = Analyze("Antes el lomo era excelente. Ahora llega frío.");
  ASSERT_EQ(then.sentences.size(), 2u);
  EXPECT_EQ(then.sentences[0].sentiment, Sentiment::kNeutral);
  EXPECT_TRUE(then.sentences[0].aspects.empty());
  EXPECT_EQ(then.verdict, Sentiment::kNegative);
  ASSERT_NE(FindAspect(then, Aspect::kFood), nullptr);
  EXPECT_EQ(FindAspect(then, Aspect::kFood)->sentiment, Sentiment::kNegative);
  // Without the present word the same praise counts.
  EXPECT_EQ(Analyze("El lomo era excelente.").verdict, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, LoUnicoIsTheOneComplaintOfAGoodEvening) {
  const TextAnalysis a = Analyze("Todo excelente. Lo único, la música muy alta.");
  ASSERT_EQ(a.sentences.size(), 2u);
  EXPECT_EQ(a.verdict, Sentiment::kMixed);
  ASSERT_EQ(a.complaints.size(), 1u);
  EXPECT_EQ(a.complaints[0], "Lo único, la música muy alta.");
  ASSERT_NE(FindAspect(a, Aspect::kAmbience), nullptr);
  EXPECT_EQ(FindAspect(a, Aspect::kAmbience)->sentiment, Sentiment::kNegative);
  // The one good thing of a bad evening: praised, and the sentence complains.
  const TextAnalysis good = Analyze("Lo único rescatable fue el pisco sour.");
  EXPECT_EQ(good.verdict, Sentiment::kNegative);
  ASSERT_NE(FindAspect(good, Aspect::kDrinks), nullptr);
  EXPECT_EQ(FindAspect(good, Aspect::kDrinks)->sentiment, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, ACueSpeaksForItsAspectAcrossClauses) {
  // The food praise the model may hear in the first clause is the waiter's.
  const TextAnalysis a = Analyze("El mozo fue muy amable, pero la comida llegó fría.");
  ASSERT_EQ(a.sentences.size(), 1u);
  EXPECT_EQ(a.verdict, Sentiment::kMixed);
  ASSERT_NE(FindAspect(a, Aspect::kFood), nullptr);
  EXPECT_EQ(FindAspect(a, Aspect::kFood)->sentiment, Sentiment::kNegative);
  ASSERT_NE(FindAspect(a, Aspect::kService), nullptr);
  EXPECT_EQ(FindAspect(a, Aspect::kService)->sentiment, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, DrinkOpinionsCountAsDrinks) {
  const TextAnalysis a = Analyze("The pisco sour was great. What a wonderful night.");
  EXPECT_EQ(a.language, "en");
  ASSERT_EQ(a.dishes.size(), 1u);
  EXPECT_EQ(a.dishes[0].item_id, 10);
  EXPECT_EQ(a.dishes[0].sentiment, Sentiment::kPositive);
  ASSERT_NE(FindAspect(a, Aspect::kDrinks), nullptr);
  EXPECT_EQ(a.verdict, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, TextsWithoutSentimentAreStoredWithTheReason) {
  const struct {
    std::string text;
    AnalysisStatus status;
    const char* language;
  } cases[] = {
      {"", AnalysisStatus::kEmptyText, "unknown"},
      {"   \n\t ", AnalysisStatus::kEmptyText, "unknown"},
      {"!!! ... ???", AnalysisStatus::kEmptyText, "unknown"},
      {"🍕🍷", AnalysisStatus::kUnknownLanguage, "unknown"},  // no word, no verdict emoji
      {"Das Essen war wirklich ausgezeichnet und der Kellner sehr freundlich.",
       AnalysisStatus::kUnknownLanguage, "unknown"},
      {"Очень вкусно, обязательно вернёмся", AnalysisStatus::kUnknownLanguage, "unknown"},
      {std::string("\x01\x02\x03\x7f binary \x05\x06 zz qq xx", 25),
       AnalysisStatus::kUnknownLanguage, "unknown"},
      {"A comida estava maravilhosa, o atendimento impecável e voltaremos com certeza.",
       AnalysisStatus::kNoModel, "pt"},
  };
  for (const auto& c : cases) {
    const TextAnalysis a = Analyze(c.text);
    EXPECT_EQ(a.status, c.status) << c.text;
    EXPECT_EQ(a.language, c.language) << c.text;
    EXPECT_TRUE(a.sentences.empty()) << c.text;
  }
}

TEST_F(DocumentAnalyzerTest, AWordlessTextIsReadFromItsEmoji) {
  const TextAnalysis praise = Analyze("😍😍🔥🔥👌👌");
  EXPECT_EQ(praise.status, AnalysisStatus::kAnalysed);
  EXPECT_EQ(praise.language, "unknown");
  EXPECT_EQ(praise.verdict, Sentiment::kPositive);
  EXPECT_TRUE(praise.aspects.empty());
  const TextAnalysis complaint = Analyze("🤮🤮🤮");
  EXPECT_EQ(complaint.status, AnalysisStatus::kAnalysed);
  EXPECT_EQ(complaint.verdict, Sentiment::kNegative);
  ASSERT_EQ(complaint.complaints.size(), 1u);
  // A word makes it a text of some language again: unknown here.
  EXPECT_EQ(Analyze("zz 😍").status, AnalysisStatus::kUnknownLanguage);
}

TEST_F(DocumentAnalyzerTest, MalformedOrHugeTextIsAnError) {
  auto bad = analyzer_->Analyze("bien \xc3\x28 rico", nullptr);
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  const std::string huge(text::kMaxTextBytes + 1, 'a');
  EXPECT_EQ(analyzer_->Analyze(huge, nullptr).status().code(), StatusCode::kResourceExhausted);
}

TEST_F(DocumentAnalyzerTest, LongTextAtTheLimitIsAnalysedSentenceBySentence) {
  std::string text;
  const std::string sentence = "La comida estuvo buenísima. ";
  while (text.size() + sentence.size() <= text::kMaxTextBytes) text += sentence;
  auto a = analyzer_->Analyze(text, &menu_);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->sentences.size(), text.size() / sentence.size());
  EXPECT_EQ(a->verdict, Sentiment::kPositive);
}

TEST_F(DocumentAnalyzerTest, WithoutModelsEveryTextIsNotAnalysedButKeepsItsLanguage) {
  auto analyzer = DocumentAnalyzer::Create({});
  ASSERT_TRUE(analyzer.ok());
  auto a = (*analyzer)->Analyze(
      "La comida estuvo buenísima y la atención de los mozos fue muy cálida, volveremos pronto "
      "con toda la familia.",
      nullptr);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->status, AnalysisStatus::kNoModel);
  EXPECT_EQ(a->language, "es");
}

}  // namespace
}  // namespace sobremesa::analysis
