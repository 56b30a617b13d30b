// GET /v1/menu: every item with its allergens and availability.

#include "api/routes.h"
#include "codec/entity_json.h"

namespace sobremesa {

void AddMenuRoutes(Router& router, ApiServices& services) {
  Store& store = services.store;
  router.Add("GET", "/v1/menu", [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(api.restaurant_id));
    nlohmann::json items = nlohmann::json::array();
    for (const MenuItem& m : menu) items.push_back(ToJson(m));
    return JsonResponse{200, {{"restaurant_id", api.restaurant_id}, {"items", std::move(items)}}};
  });
  // The allergen vocabulary with display names, for clients rendering labels.
  router.AddPublic("GET", "/v1/allergens", [](const ApiRequest&) -> StatusOr<JsonResponse> {
    nlohmann::json items = nlohmann::json::array();
    for (int i = 0; i < kAllergenCount; ++i) {
      const auto a = static_cast<Allergen>(i);
      items.push_back({{"code", AllergenCode(a)},
                       {"name_es", AllergenNameEs(a)},
                       {"name_en", AllergenNameEn(a)}});
    }
    return JsonResponse{200, {{"items", std::move(items)}}};
  });
}

}  // namespace sobremesa
