#include "codec/text_analysis_json.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

// An analysis made now is written as the stored one reads back: thousandths.
TEST(TextAnalysisJsonTest, ScoresAreWrittenToThousandthsAsStored) {
  TextAnalysis a;
  a.language = "es";
  a.status = AnalysisStatus::kAnalysed;
  a.verdict = Sentiment::kMixed;
  a.score = 1.0 / 3;
  a.aspects = {{Aspect::kFood, Sentiment::kMixed, -2.0 / 3, 3}};
  a.dishes = {{7, "Tiradito nikkei de atún", Sentiment::kNegative, -1.0 / 7, "Salado."}};
  const std::string text = ToJson(a).dump();
  EXPECT_NE(text.find("\"score\":0.333,"), std::string::npos) << text;
  EXPECT_NE(text.find("\"score\":-0.667,"), std::string::npos) << text;
  EXPECT_NE(text.find("\"score\":-0.143,"), std::string::npos) << text;
}

}  // namespace
}  // namespace sobremesa
