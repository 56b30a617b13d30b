#pragma once
// `sobremesa train sentiment`: the product's sentiment models, one per
// language, trained on the SemEval restaurant reviews with the recipe
// `sobremesa evaluate sentiment` measures (selection/sentiment/semeval_training.h).

#include <string>
#include <vector>

#include "common/status.h"
#include "text/language.h"

namespace sobremesa {

// Where the SemEval data sits relative to the project (../shared/datasets).
inline constexpr const char* kDefaultSemEvalDirs =
    "../shared/datasets/semeval2016-restaurants,../shared/datasets/semeval2014-restaurants";

struct SentimentTrainingReport {
  struct Model {
    text::Language language = text::Language::kUnknown;
    std::size_t sentences = 0;
    std::vector<std::string> files;
    double seconds = 0;
    std::string path;
  };
  std::vector<Model> models;
};

// Reads every training file (*train*.xml, SemEval-2016 Task 5 or 2014
// Task 4 format; trial files are left out) in `semeval_dirs`, groups them by
// the language most of their sentences are identified as, trains one model
// per language and writes it atomically to
// MODELS_DIR/sentiment_analysis_model.<lang>.pt, with the sentiment lexicon
// of its language in `lexicon_dir` (SemEvalTrainingOptions::lexicon_dir;
// empty: none). A language's 2016 sentences
// are its training data; its 2014 sentences, less those also in the 2016
// files, add auxiliary signal (coarse categories, polarities;
// selection/sentiment/semeval_training.h), or are the training data when
// the language has no 2016 file. NotFound naming the directory when one is
// missing or holds no training file; the readers' InvalidArgument
// "FILE:LINE: problem"; errors of training and saving.
StatusOr<SentimentTrainingReport> TrainSentimentModels(const std::vector<std::string>& semeval_dirs,
                                                       const std::string& models_dir,
                                                       const std::string& lexicon_dir = "");

}  // namespace sobremesa
