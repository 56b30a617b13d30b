#pragma once

// Shared by the cue tests (dining_cues_test, only_thing_test).

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis/dining_cues.h"
#include "text/text_analyzer.h"

namespace sobremesa::analysis::testing {

// The tokens the document analyzer gives the cues of `text`: informal
// spelling restored, regional words rewritten, negation marked.
inline text::Tokens CueTokens(const std::string& text, text::Language language) {
  auto analyzer =
      text::TextAnalyzer::Create(language, text::TextAnalyzer::Spelling::kRestoreInformal);
  EXPECT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  if (!analyzer.ok()) return {};
  auto tokens = (*analyzer)->AnalyzeUnstemmed(text);
  EXPECT_TRUE(tokens.ok()) << tokens.status().ToString();
  return tokens.ok() ? *tokens : text::Tokens{};
}

// "aspect:polarity,..." in order, "none" for the evening.
inline std::string DescribeCues(const std::vector<CueOpinion>& cues) {
  std::string out;
  for (const CueOpinion& c : cues) {
    if (!out.empty()) out += ',';
    out += std::string(c.aspect ? AspectCode(*c.aspect) : "none") + ":" +
           std::string(SentimentCode(c.sentiment));
  }
  return out;
}

}  // namespace sobremesa::analysis::testing
