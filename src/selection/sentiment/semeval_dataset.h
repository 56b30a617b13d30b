#pragma once
// SemEval-2016 Task 5 (aspect-based sentiment) restaurant data, sentence
// level: <Reviews><Review rid><sentences><sentence id [OutOfScope]><text>
// <Opinions><Opinion category polarity .../>.

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/sentiment/polarity.h"
#include "models/sentiment/target_clause.h"

namespace sobremesa::sentiment {

struct SemEvalOpinion {
  std::string category;  // "FOOD#QUALITY"
  Polarity polarity = Polarity::kNeutral;
  // The opinion's target in the sentence's text, in bytes (the file counts
  // characters); none for an implicit one (target "NULL") or no target.
  std::optional<TextSpan> target;
};

struct SemEvalSentence {
  std::string review_id;
  std::string id;
  std::string text;
  std::vector<SemEvalOpinion> opinions;
};

// Reads a SemEval-2016 Task 5 file. Sentences marked OutOfScope="TRUE" are
// skipped, as the official evaluation does. NotFound if `path` is missing;
// InvalidArgument "FILE:LINE: problem" for malformed XML, a sentence without
// <text>, or an opinion without category, with an unknown polarity, or
// with a target whose from/to are not characters of its sentence.
StatusOr<std::vector<SemEvalSentence>> ReadSemEval2016(const std::string& path);

// Sentence-level gold polarity: the opinions' polarity when they agree,
// kNeutral when they disagree, none for a sentence without opinions.
std::optional<Polarity> SentencePolarity(const SemEvalSentence& sentence);

// The distinct categories of a sentence, in first-seen order.
std::vector<std::string> DistinctCategories(const SemEvalSentence& sentence);

// `sentences` without those whose text is also in `others`, compared by
// their letters and digits only (ASCII case-folded; punctuation, spaces
// and markup dropped): SemEval-2014 and SemEval-2016 English share
// sentences, and one scored must never be trained on through the other.
std::vector<SemEvalSentence> WithoutOverlap(const std::vector<SemEvalSentence>& sentences,
                                            const std::vector<SemEvalSentence>& others);

// Deterministic split by review (sentences of one review stay together):
// about `test_fraction` of the reviews go to `test`, chosen by `seed`.
struct SemEvalSplit {
  std::vector<SemEvalSentence> train, test;
};
SemEvalSplit SplitByReview(const std::vector<SemEvalSentence>& sentences, double test_fraction,
                           unsigned seed);

}  // namespace sobremesa::sentiment
