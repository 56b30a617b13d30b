#pragma once
// How often the language identifier routes real restaurant reviews to the
// language they are written in (issue 4: "language identification for
// Spanish, English and Portuguese, so each text is routed"). Scored per
// sentence, the hardest case (a sentence may be three words), and per
// review, the sentences of one review joined as a guest would post them.

#include <array>
#include <string>
#include <vector>

#include "common/status.h"
#include "selection/sentiment/semeval_dataset.h"
#include "text/language.h"

namespace sobremesa::evaluation {

// How many texts were identified as each language, indexed by
// text::Language (unknown, es, en, pt).
struct LanguageCounts {
  std::array<int, 4> identified{};

  int texts() const;
  // Share of texts identified as `expected`; 0 with no texts.
  double Accuracy(text::Language expected) const;
};

struct LanguageIdentificationReport {
  LanguageCounts sentences;
  LanguageCounts reviews;
  // Sentences identified as anything but the expected language, in file
  // order, with what they were taken for.
  std::vector<std::pair<std::string, text::Language>> misses;
};

// InvalidArgument when a text is not valid UTF-8 or is too long for the
// normaliser (the message names the sentence id).
StatusOr<LanguageIdentificationReport> ScoreLanguageIdentification(
    const std::vector<sentiment::SemEvalSentence>& sentences, text::Language expected);

}  // namespace sobremesa::evaluation
