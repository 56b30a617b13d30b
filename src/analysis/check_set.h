#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/document_analyzer.h"
#include "common/status.h"
#include "domain/text_analysis.h"

namespace sobremesa::analysis {

// The splits of a check set: the first round of sentences (dev, holdout)
// and rounds written later (dev2, holdout2; dev3, holdout3; dev4, holdout4), each scored
// apart so the earlier rounds' held-out numbers stay comparable. Only dev
// splits are ever read sentence by sentence.
inline constexpr std::array<std::string_view, 8> kCheckSplits = {
    "dev", "holdout", "dev2", "holdout2", "dev3", "holdout3", "dev4", "holdout4"};

// One hand-labelled text of a check set (tests/data/latam_dining_check_set.tsv),
// a sentence or a review of several paragraphs: the aspects it speaks of
// with their polarity (for a review, each aspect's over the whole text),
// or none for a sentence about the evening as a whole, whose polarity is
// then `overall`.
struct CheckSentence {
  std::string split;  // one of kCheckSplits
  std::string text;
  std::vector<AspectSentiment> aspects;  // only aspect and sentiment are set
  Sentiment overall = Sentiment::kNeutral;
  int line = 0;  // in the file, for messages
};

// Reads a check set: '#' comments and blank lines skipped, then
// "split<TAB>labels<TAB>text" lines, labels being comma-separated
// aspect:polarity pairs ("food:negative,value:negative") or
// "none:polarity", and text a sentence or a review whose line breaks are
// written "\\n". The overall polarity is "verdict:polarity" when given (a
// review: "food:mixed,service:positive,verdict:mixed"; a long complaint
// with one kind word, "...,verdict:negative"), else the labels' when they
// agree, kMixed when they do not. InvalidArgument "FILE:LINE: problem" for a bad
// line; NotFound if the file does not exist.
StatusOr<std::vector<CheckSentence>> ReadCheckSet(const std::string& path);

// How a DocumentAnalyzer does on check sentences, read as the API reads a
// text (no menu):
// - aspect detection: predicted aspects are the document's non-neutral
//   ones; micro precision / recall / F1 against the labelled non-neutral
//   aspects (an aspect merely mentioned carries no opinion);
// - aspect polarity: share of all labelled aspects predicted with exactly
//   the labelled polarity (an aspect not found counts as wrong);
// - verdict: share of sentences whose document verdict is `overall`.
// Sentences the analyzer does not analyse (unknown language) predict
// nothing and are counted in `not_analysed`.
struct CheckSetReport {
  int sentences = 0, not_analysed = 0;
  int gold_aspects = 0, predicted_aspects = 0, detected = 0;  // non-neutral aspects
  int labelled_aspects = 0, polarity_right = 0;
  int verdict_right = 0;
  double precision() const;
  double recall() const;
  double f1() const;
  double aspect_polarity_accuracy() const;
  double verdict_accuracy() const;
};

// A sentence the analyzer got wrong, for `--show-errors`.
struct CheckMiss {
  const CheckSentence* sentence;
  TextAnalysis analysis;
};

// Scores `analyzer` on the sentences of `split` ("all" for every one).
// `misses`, when not null, receives the sentences with a wrong verdict or
// aspect. Errors of DocumentAnalyzer::Analyze.
StatusOr<CheckSetReport> ScoreCheckSet(DocumentAnalyzer& analyzer,
                                       const std::vector<CheckSentence>& sentences,
                                       std::string_view split, std::vector<CheckMiss>* misses);

// "food:negative,service:positive" (aspects in kAllAspects order; non-neutral only).
std::string DescribeAspects(const std::vector<AspectSentiment>& aspects);

}  // namespace sobremesa::analysis
