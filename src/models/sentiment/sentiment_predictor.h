#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentiment_model.h"
#include "text/text_analyzer.h"

namespace sobremesa::sentiment {

// One caller's view of a shared SentimentModel: owns the scratch state
// (text analyzer with its stemmer, feature ids, hidden vector), so each
// thread makes its own predictor and no lock is needed.
class SentimentPredictor {
 public:
  // NotFound if the model's language has no text analyzer.
  static StatusOr<std::unique_ptr<SentimentPredictor>> Create(
      std::shared_ptr<const SentimentModel> model);

  // Errors of TextAnalyzer::Analyze (invalid UTF-8, too long). Empty text
  // predicts from the biases alone.
  StatusOr<SentencePrediction> Predict(std::string_view text);
  // The polarity of `category` (index into the model's categories) in `text`.
  StatusOr<Polarity> PredictCategoryPolarity(std::string_view text, int category);

 private:
  SentimentPredictor(std::shared_ptr<const SentimentModel> model,
                     std::unique_ptr<text::TextAnalyzer> analyzer);
  Status EmbedText(std::string_view text);

  std::shared_ptr<const SentimentModel> model_;
  std::unique_ptr<text::TextAnalyzer> analyzer_;
  std::vector<std::uint32_t> ids_;
  std::vector<float> hidden_;
};

// Hashed features of `text` for a model with `config`, without a trained
// model (the trainer's input). Same errors as SentimentPredictor::Predict.
StatusOr<std::vector<std::uint32_t>> TextFeatures(text::TextAnalyzer& analyzer,
                                                  const FeatureOptions& options,
                                                  std::string_view text);

}  // namespace sobremesa::sentiment
