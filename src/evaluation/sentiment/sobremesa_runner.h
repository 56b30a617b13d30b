#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "evaluation/sentiment/model_report.h"
#include "selection/sentiment/semeval_training.h"

namespace sobremesa::evaluation {

// Trains our model on `train` and `auxiliary` (sentiment::TrainOnSemEval),
// saves it to `model_path` unless that is empty, and scores it on `test`.
// InvalidArgument if the training language is not one we model or a text
// is not valid UTF-8; errors of training and Save.
StatusOr<ModelReport> RunSobremesa(const std::vector<sentiment::SemEvalSentence>& train,
                                   const std::vector<sentiment::SemEvalSentence>& test,
                                   const sentiment::SemEvalTrainingOptions& options,
                                   const std::vector<sentiment::SemEvalSentence>& auxiliary = {},
                                   const std::string& model_path = "");

}  // namespace sobremesa::evaluation
