#include "analysis/sentiment_model_set.h"

#include <filesystem>

namespace sobremesa::analysis {

std::string SentimentModelPath(const std::string& models_dir, text::Language language) {
  return (std::filesystem::path(models_dir) /
          ("sentiment_analysis_model." + std::string(text::LanguageCode(language)) + ".pt"))
      .string();
}

StatusOr<SentimentModelSet> LoadSentimentModels(const std::string& models_dir) {
  SentimentModelSet models;
  for (text::Language language : kSentimentLanguages) {
    auto model = sentiment::SentimentModel::Load(SentimentModelPath(models_dir, language));
    if (model.status().IsNotFound()) continue;
    if (!model.ok()) {
      return Status(model.status().code(),
                    model.status().message() + "; run `sobremesa train sentiment` to rebuild it");
    }
    models.push_back(std::move(model).value());
  }
  return models;
}

}  // namespace sobremesa::analysis
