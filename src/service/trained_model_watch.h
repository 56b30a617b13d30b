#pragma once
// Which trained files a running server reloads when `sobremesa train`
// replaces them (service/model_reloader.h): per restaurant the co-occurrence
// recommender, the hybrid recommender (checked against the current menu)
// and the behaviour predictions; for the data directory, the sentiment
// models (each language's file; any change reloads the set).

#include <string>

#include "service/behaviour_service.h"
#include "service/model_reloader.h"
#include "service/recommendation_service.h"
#include "service/text_analysis_service.h"
#include "store/store.h"

namespace sobremesa {

// Registers the files of every restaurant in the store, and of every
// restaurant created later (found at each check); the services and the
// store are borrowed and must outlive `reloader`'s checks. The store's
// errors pass through.
Status WatchTrainedModels(Store& store, const std::string& data_dir,
                          RecommendationService& recommendations, BehaviourService& behaviour,
                          ModelReloader& reloader);

// Registers DATA_DIR/models/sentiment_analysis_model.<es|en|pt>.pt; texts
// analysed after a reload (on ingest and on demand) read the new models;
// texts already stored keep their analysis until `sobremesa analyze`.
void WatchSentimentModels(const std::string& data_dir, TextAnalysisService& text_analysis,
                          ModelReloader& reloader);

}  // namespace sobremesa
