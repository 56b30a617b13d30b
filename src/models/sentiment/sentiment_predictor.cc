#include "models/sentiment/sentiment_predictor.h"

namespace sobremesa::sentiment {

StatusOr<std::vector<std::uint32_t>> TextFeatures(text::TextAnalyzer& analyzer,
                                                  const FeatureOptions& options,
                                                  std::string_view text) {
  ASSIGN_OR_RETURN(text::Tokens tokens, analyzer.Analyze(text));
  std::vector<std::uint32_t> ids;
  HashFeatures(tokens, options, ids);
  return ids;
}

StatusOr<std::unique_ptr<SentimentPredictor>> SentimentPredictor::Create(
    std::shared_ptr<const SentimentModel> model) {
  ASSIGN_OR_RETURN(std::unique_ptr<text::TextAnalyzer> analyzer,
                   text::TextAnalyzer::Create(model->config().language));
  return std::unique_ptr<SentimentPredictor>(
      new SentimentPredictor(std::move(model), std::move(analyzer)));
}

SentimentPredictor::SentimentPredictor(std::shared_ptr<const SentimentModel> model,
                                       std::unique_ptr<text::TextAnalyzer> analyzer)
    : model_(std::move(model)), analyzer_(std::move(analyzer)), hidden_(model_->dim()) {}

Status SentimentPredictor::EmbedText(std::string_view text) {
  ASSIGN_OR_RETURN(text::Tokens tokens, analyzer_->Analyze(text));
  HashFeatures(tokens, model_->config().features, ids_);
  model_->Embed(ids_, hidden_.data());
  return Status::Ok();
}

StatusOr<SentencePrediction> SentimentPredictor::Predict(std::string_view text) {
  RETURN_IF_ERROR(EmbedText(text));
  return SentencePrediction{model_->SentencePolarity(hidden_.data()),
                            model_->Categories(hidden_.data())};
}

StatusOr<Polarity> SentimentPredictor::PredictCategoryPolarity(std::string_view text,
                                                               int category) {
  if (category < 0 || category >= static_cast<int>(model_->config().categories.size())) {
    return Status::InvalidArgument("category index " + std::to_string(category) +
                                   " is not one of the model's");
  }
  RETURN_IF_ERROR(EmbedText(text));
  return model_->CategoryPolarity(hidden_.data(), category);
}

}  // namespace sobremesa::sentiment
