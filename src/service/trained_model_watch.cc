#include "service/trained_model_watch.h"

#include <filesystem>

#include "analysis/sentiment_model_set.h"
#include "service/behaviour_training.h"
#include "service/recommender_training.h"

namespace sobremesa {

Status WatchTrainedModels(Store& store, const std::string& data_dir,
                          RecommendationService& recommendations, BehaviourService& behaviour,
                          ModelReloader& reloader) {
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store.ListRestaurants());
  for (const Restaurant& r : restaurants) {
    const Id id = r.id;
    const std::string name = " restaurant " + std::to_string(id);
    reloader.Watch("behaviour" + name, BehaviourModelPath(data_dir, id), [=, &behaviour] {
      ASSIGN_OR_RETURN(auto model, LoadBehaviour(data_dir, id));
      behaviour.SetModel(id, std::move(model));
      return Status::Ok();
    });
    reloader.Watch("co-occurrence recommender" + name, RecommenderModelPath(data_dir, id),
                   [=, &recommendations] {
                     ASSIGN_OR_RETURN(auto model, LoadRecommender(data_dir, id));
                     recommendations.SetModel(id, std::move(model));
                     return Status::Ok();
                   });
    reloader.Watch("hybrid recommender" + name, HybridModelPath(data_dir, id),
                   [=, &store, &recommendations] {
                     ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(id));
                     ASSIGN_OR_RETURN(auto model, LoadHybridRecommender(data_dir, id, menu));
                     recommendations.SetHybridModel(id, std::move(model));
                     return Status::Ok();
                   });
  }
  return Status::Ok();
}

void WatchSentimentModels(const std::string& data_dir, TextAnalysisService& text_analysis,
                          ModelReloader& reloader) {
  const std::string models_dir = (std::filesystem::path(data_dir) / "models").string();
  for (text::Language language : analysis::kSentimentLanguages) {
    reloader.Watch("sentiment " + std::string(text::LanguageCode(language)),
                   analysis::SentimentModelPath(models_dir, language),
                   [data_dir, &text_analysis] { return text_analysis.ReloadFromDataDir(data_dir); });
  }
}

}  // namespace sobremesa
