#pragma once
// What the HTTP routes act on: the use cases of the service layer and the
// store, borrowed for the server's lifetime.

#include "service/behaviour_service.h"
#include "service/guest_history_cache.h"
#include "service/menu_cache.h"
#include "service/model_reloader.h"
#include "service/recommendation_service.h"
#include "service/text_analysis_service.h"
#include "store/store.h"

namespace sobremesa {

struct ApiServices {
  Store& store;
  MenuCache& menus;
  GuestHistoryCache& histories;
  RecommendationService& recommendations;
  BehaviourService& behaviour;
  // POST /v1/feedback/analyze; null: that route answers 412.
  TextAnalysisService* text_analysis = nullptr;
  // POST /v1/admin/reload; null: that route answers 412.
  ModelReloader* reloader = nullptr;
};

}  // namespace sobremesa
