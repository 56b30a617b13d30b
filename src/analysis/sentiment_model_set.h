#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::analysis {

// The trained sentiment models of a data directory, one per language:
// MODELS_DIR/sentiment_analysis_model.<es|en|pt>.pt (docs/schema.md).
using SentimentModelSet = std::vector<std::shared_ptr<const sentiment::SentimentModel>>;

// The languages a model file may be trained for.
inline constexpr text::Language kSentimentLanguages[] = {
    text::Language::kSpanish, text::Language::kEnglish, text::Language::kPortuguese};

std::string SentimentModelPath(const std::string& models_dir, text::Language language);

// Every model file present in `models_dir`; empty when none is (no model
// trained yet). A file that exists but cannot be read is an error naming
// it (InvalidArgument from SentimentModel::Load) with the fix.
StatusOr<SentimentModelSet> LoadSentimentModels(const std::string& models_dir);

}  // namespace sobremesa::analysis
