#include "text/text_analyzer.h"

#include <gtest/gtest.h>

#include "text/text_normalizer.h"

namespace sobremesa::text {
namespace {

std::string Terms(TextAnalyzer& analyzer, std::string_view text) {
  StatusOr<Tokens> tokens = analyzer.Analyze(text);
  if (!tokens.ok()) return "error: " + tokens.status().ToString();
  std::string out;
  for (const Token& t : *tokens) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

struct AnalyzeCase {
  Language language;
  std::string input;
  std::string expected;
};

TEST(TextAnalyzerTest, RunsTheWholePipeline) {
  const AnalyzeCase cases[] = {
      {Language::kSpanish, "El CEBICHE estuvo buenísimooo 😍", "el cevich estuv buenisim 😍"},
      {Language::kSpanish, "No estuvo NADA mal", "no neg:estuv nad neg:mal"},
      {Language::kEnglish, "The waiters weren't friendly!!", "the waiter weren't neg:friend !"},
      {Language::kSpanish, "", ""},
  };
  for (const AnalyzeCase& c : cases) {
    StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create(c.language);
    ASSERT_TRUE(analyzer.ok());
    EXPECT_EQ(Terms(**analyzer, c.input), c.expected) << "input: " << c.input;
  }
}

TEST(TextAnalyzerTest, ReportsBadInputAsStatus) {
  StatusOr<std::unique_ptr<TextAnalyzer>> analyzer = TextAnalyzer::Create(Language::kSpanish);
  ASSERT_TRUE(analyzer.ok());
  EXPECT_EQ((*analyzer)->Analyze("bad \xC3").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ((*analyzer)->Analyze(std::string(kMaxTextBytes + 1, 'x')).status().code(),
            StatusCode::kResourceExhausted);
  EXPECT_FALSE(TextAnalyzer::Create(Language::kUnknown).ok());
}

}  // namespace
}  // namespace sobremesa::text
