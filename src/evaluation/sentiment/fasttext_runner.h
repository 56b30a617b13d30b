#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/sentiment/model_report.h"
#include "selection/sentiment/semeval_dataset.h"

namespace sobremesa::evaluation {

struct FastTextRunOptions {
  std::string binary = "fasttext";  // Debian's CLI
  // fastText's tutorial settings for small text classification, with our
  // embedding size, buckets and char n-grams so only the method differs.
  std::string arguments =
      "-epoch 25 -lr 0.5 -wordNgrams 2 -dim 50 -minn 3 -maxn 5 -bucket 131072 -thread 1";
  std::size_t timing_sentences = 200000;
};

// One sentence as fastText reads it here: NFC-normalised, case-folded,
// tokenised by text::Tokenize, tokens joined by spaces. Errors of
// text::NormalizeText.
StatusOr<std::string> FastTextLine(const std::string& text);

// Training lines ("__label__X ... tokens") of the three classifiers below:
// categories (all of a sentence's, __label__NONE for none), opinion
// polarity (the category as an extra token "cat_X"), sentence polarity.
struct FastTextTrainingSets {
  std::vector<std::string> category, opinion, sentence;
};
StatusOr<FastTextTrainingSets> FastTextTrainingLines(const std::vector<sentiment::SemEvalSentence>& train);

// Runs `fasttext supervised` and `predict` on the same sentences our model
// sees, NFC-normalised, case-folded and tokenised by text::Tokenize (fastText
// splits on spaces). Three classifiers: categories (-loss ova, labels at
// probability >= 0.5, the usual multi-label rule), the polarity of each
// opinion (its category as an extra token) and sentence polarity. Files go
// to a fresh temporary directory, removed afterwards.
// `auxiliary` sentences (SemEval-2014, categories of another scheme) add
// their lines to the opinion and sentence classifiers only, as our model
// uses them (selection/sentiment/semeval_training.h).
// Internal if the binary cannot be run or fails (its exit code named).
StatusOr<ModelReport> RunFastText(const std::vector<sentiment::SemEvalSentence>& train,
                                  const std::vector<sentiment::SemEvalSentence>& test,
                                  const FastTextRunOptions& options,
                                  const std::vector<sentiment::SemEvalSentence>& auxiliary = {});

}  // namespace sobremesa::evaluation
