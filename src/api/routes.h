#pragma once
// The route table of the public API (docs/api.md). Each Add*Routes function
// registers one resource's routes; BuildRouter assembles them all behind
// one tenant check.

#include "api/api_services.h"
#include "api/router.h"

namespace sobremesa {

// The tenant comes from the X-Restaurant-Id header, or is `default_restaurant`
// when the header is absent; an unknown restaurant is 404.
Router BuildRouter(ApiServices& services, Id default_restaurant);

void AddSystemRoutes(Router& router, ApiServices& services);
void AddMenuRoutes(Router& router, ApiServices& services);
void AddGuestRoutes(Router& router, ApiServices& services);
void AddRecommendationRoutes(Router& router, ApiServices& services);
void AddRecordRoutes(Router& router, ApiServices& services);
void AddBehaviourRoutes(Router& router, ApiServices& services);
void AddSentimentRoutes(Router& router, ApiServices& services);
void AddAdminRoutes(Router& router, ApiServices& services);

// The body of GET /v1/guests/{id}/recommendations (docs/api.md); a score
// that is not finite is null.
std::string RecommendationListJson(const RecommendationList& list);

// The request's body as JSON. InvalidArgument when it is empty ("request
// body is empty; expected <expected>") or not valid JSON, saying where and
// why (invalid UTF-8 included).
StatusOr<nlohmann::json> ParseJsonBody(const HttpRequest& request, std::string_view expected);

// Query-parameter readers shared by the routes: absent gives `fallback`,
// malformed gives InvalidArgument naming the parameter.
StatusOr<int> IntQuery(const HttpRequest& request, std::string_view name, int fallback, int min,
                       int max);

}  // namespace sobremesa
