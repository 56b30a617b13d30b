#pragma once
// Which trained files a running server reloads when `sobremesa train`
// replaces them (service/model_reloader.h): per restaurant the co-occurrence
// recommender, the hybrid recommender (checked against the current menu)
// and the behaviour predictions. The sentiment models are not reloaded: the
// store's text-analysis hook holds them fixed for the server's life.

#include <string>

#include "service/behaviour_service.h"
#include "service/model_reloader.h"
#include "service/recommendation_service.h"
#include "store/store.h"

namespace sobremesa {

// Registers the files of every restaurant in the store; the services are
// borrowed and must outlive `reloader`'s checks. The store's errors pass
// through.
Status WatchTrainedModels(Store& store, const std::string& data_dir,
                          RecommendationService& recommendations, BehaviourService& behaviour,
                          ModelReloader& reloader);

}  // namespace sobremesa
