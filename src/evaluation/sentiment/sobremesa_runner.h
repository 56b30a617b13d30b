#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/sentiment/model_report.h"
#include "evaluation/sentiment/semeval_dataset.h"
#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::evaluation {

struct SobremesaRunOptions {
  sentiment::TrainingOptions training;
  int dim = 50;
  unsigned buckets = 1u << 17;
  std::size_t timing_sentences = 200000;
  std::string model_path;  // where to save the trained model; empty: not saved
};

// Trains our model on `train` (language identified from its texts) and
// scores it on `test`. InvalidArgument if the training language is not
// one we model or a text is not valid UTF-8; errors of training and Save.
StatusOr<ModelReport> RunSobremesa(const std::vector<SemEvalSentence>& train,
                                   const std::vector<SemEvalSentence>& test,
                                   const SobremesaRunOptions& options);

}  // namespace sobremesa::evaluation
