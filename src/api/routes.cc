#include "api/routes.h"

#include <charconv>

#include "codec/duplicate_keys.h"

namespace sobremesa {

StatusOr<nlohmann::json> ParseJsonBody(const HttpRequest& request, std::string_view expected) {
  if (request.body.empty()) {
    return Status::InvalidArgument("request body is empty; expected " + std::string(expected));
  }
  DuplicateKeyCheck keys;
  nlohmann::json body =
      nlohmann::json::parse(request.body, keys.Callback(), /*allow_exceptions=*/false);
  if (body.is_discarded()) {
    // Re-parse with exceptions for the message: where and why it failed.
    try {
      body = nlohmann::json::parse(request.body);
    } catch (const nlohmann::json::exception& e) {
      return Status::InvalidArgument(std::string("request body is not valid JSON: ") + e.what());
    }
  }
  RETURN_IF_ERROR(keys.status());
  return body;
}

StatusOr<int> IntQuery(const HttpRequest& request, std::string_view name, int fallback, int min,
                       int max) {
  const std::string* text = request.Query(name);
  if (text == nullptr) return fallback;
  int value = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < min || value > max) {
    return Status::InvalidArgument(std::string(name) + ": expected an integer from " +
                                   std::to_string(min) + " to " + std::to_string(max) +
                                   ", got '" + text->substr(0, 40) + "'");
  }
  return value;
}

Router BuildRouter(ApiServices& services, Id default_restaurant) {
  Store& store = services.store;
  Router router([&store, default_restaurant](const HttpRequest& request) -> StatusOr<Id> {
    const std::string* header = request.Header("x-restaurant-id");
    if (header == nullptr) return default_restaurant;
    const std::optional<Id> id = ParsePositiveId(*header);
    if (!id) return Status::InvalidArgument("X-Restaurant-Id: expected a positive integer");
    // The store answers NotFound for a restaurant that does not exist.
    RETURN_IF_ERROR(store.GetRestaurant(*id).status());
    return *id;
  });
  AddSystemRoutes(router, services);
  AddMenuRoutes(router, services);
  AddGuestRoutes(router, services);
  AddRecommendationRoutes(router, services);
  // Before the record routes: the first matching pattern wins, and
  // /v1/reservations/tonight must not be read as /v1/reservations/{id}.
  AddBehaviourRoutes(router, services);
  AddRecordRoutes(router, services);
  AddSentimentRoutes(router, services);
  AddAdminRoutes(router, services);
  return router;
}

}  // namespace sobremesa
