#include "service/trained_model_watch.h"

#include <spdlog/spdlog.h>

#include <filesystem>
#include <memory>
#include <set>

#include "analysis/sentiment_model_set.h"
#include "service/behaviour_training.h"
#include "service/recommender_training.h"

namespace sobremesa {

namespace {

// The files `sobremesa train` writes for one restaurant, and how each loads.
std::vector<DiscoveredFile> RestaurantFiles(Store& store, const std::string& data_dir, Id id,
                                            RecommendationService& recommendations,
                                            BehaviourService& behaviour) {
  const std::string name = " restaurant " + std::to_string(id);
  std::vector<DiscoveredFile> files;
  files.push_back({"behaviour" + name, BehaviourModelPath(data_dir, id), [=, &behaviour] {
                     ASSIGN_OR_RETURN(auto model, LoadBehaviour(data_dir, id));
                     behaviour.SetModel(id, std::move(model));
                     return Status::Ok();
                   }});
  files.push_back({"co-occurrence recommender" + name, RecommenderModelPath(data_dir, id),
                   [=, &recommendations] {
                     ASSIGN_OR_RETURN(auto model, LoadRecommender(data_dir, id));
                     recommendations.SetModel(id, std::move(model));
                     return Status::Ok();
                   }});
  files.push_back({"hybrid recommender" + name, HybridModelPath(data_dir, id),
                   [=, &store, &recommendations] {
                     ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(id));
                     ASSIGN_OR_RETURN(auto model, LoadHybridRecommender(data_dir, id, menu));
                     recommendations.SetHybridModel(id, std::move(model));
                     return Status::Ok();
                   }});
  return files;
}

}  // namespace

Status WatchTrainedModels(Store& store, const std::string& data_dir,
                          RecommendationService& recommendations, BehaviourService& behaviour,
                          ModelReloader& reloader) {
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store.ListRestaurants());
  auto known = std::make_shared<std::set<Id>>();
  for (const Restaurant& r : restaurants) {
    known->insert(r.id);
    for (DiscoveredFile& f : RestaurantFiles(store, data_dir, r.id, recommendations, behaviour)) {
      reloader.Watch(std::move(f.model), std::move(f.path), std::move(f.load));
    }
  }
  // A restaurant imported while the server runs: its files are watched from
  // the next check on, and loaded as soon as `sobremesa train` writes them.
  reloader.DiscoverWith([=, &store, &recommendations, &behaviour] {
    std::vector<DiscoveredFile> found;
    StatusOr<std::vector<Restaurant>> now = store.ListRestaurants();
    if (!now.ok()) {
      spdlog::warn("cannot look for new restaurants: {}", now.status().ToString());
      return found;
    }
    for (const Restaurant& r : *now) {
      if (!known->insert(r.id).second) continue;
      spdlog::info("restaurant {} ({}): new; watching its model files", r.id, r.name);
      for (DiscoveredFile& f : RestaurantFiles(store, data_dir, r.id, recommendations, behaviour)) {
        found.push_back(std::move(f));
      }
    }
    return found;
  });
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
