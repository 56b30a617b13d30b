// GET /v1/guests?limit=N&offset=M, GET /v1/guests/{id}, GET /v1/guests/{id}/visits,
// GET /v1/guests/{id}/records (the right of access),
// DELETE /v1/guests/{id} (erasure, the right of cancellation)

#include <ctime>

#include "api/routes.h"
#include "codec/entity_json.h"
#include "codec/text_analysis_json.h"
#include "common/time.h"

namespace sobremesa {
namespace {

template <typename T>
nlohmann::json JsonList(const std::vector<T>& records) {
  nlohmann::json items = nlohmann::json::array();
  for (const T& r : records) items.push_back(ToJson(r));
  return items;
}

nlohmann::json RecordsJson(const GuestRecords& r) {
  nlohmann::json feedback = nlohmann::json::array();
  for (size_t i = 0; i < r.feedback.size(); ++i) {
    nlohmann::json f = ToJson(r.feedback[i]);
    const std::optional<TextAnalysis>& analysis = r.feedback_analyses[i];
    f["analysis"] = analysis ? ToJson(*analysis) : nlohmann::json(nullptr);
    feedback.push_back(std::move(f));
  }
  return {{"guest", ToJson(r.guest)},
          {"reservations", JsonList(r.reservations)},
          {"visits", JsonList(r.visits)},
          {"orders", JsonList(r.order_lines)},
          {"feedback", std::move(feedback)},
          {"events", JsonList(r.events)}};
}

}  // namespace

void AddGuestRoutes(Router& router, ApiServices& services) {
  Store& store = services.store;
  GuestHistoryCache& histories = services.histories;
  router.Add("GET", "/v1/guests", [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(int limit, IntQuery(api.http, "limit", 50, 0, 1000));
    ASSIGN_OR_RETURN(int offset, IntQuery(api.http, "offset", 0, 0, 100'000'000));
    ASSIGN_OR_RETURN(std::vector<Guest> guests, store.ListGuests(api.restaurant_id, limit, offset));
    ASSIGN_OR_RETURN(std::int64_t total, store.CountGuests(api.restaurant_id));
    return JsonResponse{200, {{"total", total},
                              {"limit", limit},
                              {"offset", offset},
                              {"items", JsonList(guests)}}};
  }, {"limit", "offset"});
  router.Add("GET", "/v1/guests/{id}", [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
    ASSIGN_OR_RETURN(Guest guest, store.GetGuest(api.restaurant_id, id));
    return JsonResponse{200, ToJson(guest)};
  });
  router.Add("GET", "/v1/guests/{id}/records",
             [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
               ASSIGN_OR_RETURN(GuestRecords records, store.ReadGuestRecords(api.restaurant_id, id));
               return JsonResponse{200, RecordsJson(records)};
             });
  router.Add("DELETE", "/v1/guests/{id}",
             [&store, &histories](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
               ASSIGN_OR_RETURN(GuestErasure erased,
                                store.EraseGuest(api.restaurant_id, id, std::time(nullptr)));
               histories.Invalidate(api.restaurant_id, id);
               return JsonResponse{200,
                                   {{"erased",
                                     {{"guest_id", erased.guest_id},
                                      {"erased_at", FormatTimestamp(erased.erased_at)},
                                      {"reservations", erased.reservations},
                                      {"visits", erased.visits},
                                      {"order_lines", erased.order_lines},
                                      {"feedback", erased.feedback},
                                      {"events", erased.events}}}}};
             });
  router.Add("GET", "/v1/guests/{id}/visits",
             [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
               RETURN_IF_ERROR(store.GetGuest(api.restaurant_id, id).status());
               ASSIGN_OR_RETURN(std::vector<Visit> visits,
                                store.ListGuestVisits(api.restaurant_id, id));
               return JsonResponse{200, {{"items", JsonList(visits)}}};
             });
}

}  // namespace sobremesa
