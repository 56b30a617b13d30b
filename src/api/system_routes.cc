// GET /healthz: liveness plus a cheap store round trip.

#include "api/routes.h"

namespace sobremesa {

void AddSystemRoutes(Router& router, ApiServices& services) {
  Store& store = services.store;
  router.AddPublic("GET", "/healthz", [&store](const ApiRequest&) -> StatusOr<JsonResponse> {
    auto restaurants = store.ListRestaurants();
    if (!restaurants.ok()) {
      return JsonResponse{503, {{"status", "unavailable"},
                                {"store", restaurants.status().message()}}};
    }
    return JsonResponse{200, {{"status", "ok"}, {"restaurants", restaurants->size()}}};
  });
}

}  // namespace sobremesa
