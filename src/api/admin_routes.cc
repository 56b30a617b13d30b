// POST /v1/admin/reload: load the trained model files `sobremesa train`
// replaced since the last check, now rather than at the next background
// check (service/model_reloader.h). An operator route: it acts on every
// restaurant, so the router answers it only from the server's machine.

#include "api/routes.h"

namespace sobremesa {

void AddAdminRoutes(Router& router, ApiServices& services) {
  router.AddOperator("POST", "/v1/admin/reload", [&services](const ApiRequest&) -> StatusOr<JsonResponse> {
    if (services.reloader == nullptr) {
      return Status::FailedPrecondition("this server does not reload models");
    }
    nlohmann::json reloaded = nlohmann::json::array(), refused = nlohmann::json::array();
    for (const ReloadOutcome& o : services.reloader->ReloadChanged()) {
      if (o.status.ok()) {
        reloaded.push_back({{"model", o.model}, {"path", o.path}});
      } else {
        refused.push_back({{"model", o.model}, {"path", o.path}, {"error", o.status.message()}});
      }
    }
    return JsonResponse{200, {{"reloaded", reloaded}, {"refused", refused}}};
  });
}

}  // namespace sobremesa
