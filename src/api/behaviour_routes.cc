// GET /v1/guests/{id}/outlook, GET /v1/reservations/tonight[?date=YYYY-MM-DD],
// GET /v1/segments, GET /v1/segments/{id}/members, GET /v1/segments/{id}/export

#include <cmath>
#include <sstream>

#include "api/routes.h"
#include "codec/entity_json.h"

namespace sobremesa {
namespace {

using nlohmann::json;

// Four decimals: the models are not more precise than that, and float32
// predictions would otherwise print as 0.7854908108711243.
double Rounded(double value) { return std::round(value * 1e4) / 1e4; }

json ModelJson(const BehaviourPredictions& m) {
  return {{"trained_at", FormatTimestamp(m.trained_at)},
          {"observed_until", FormatTimestamp(m.observed_until)},
          {"data_hash", m.data_hash}};
}

json SegmentRef(const SegmentSummary* s) {
  if (s == nullptr) return nullptr;
  return {{"id", s->id}, {"description", s->description}};
}

// Every key is present for a guest without a prediction too, as null, so
// clients read one shape; no NaN can reach here (the model file refuses them).
json PredictionJson(Id guest_id, const GuestPrediction* p, const SegmentSummary* segment) {
  json j = {{"guest_id", guest_id},
            {"predicted", p != nullptr},
            {"probability_alive", nullptr},
            {"expected_visits_90d", nullptr},
            {"expected_spend_per_visit_soles", nullptr},
            {"expected_value_90d_soles", nullptr},
            {"churn_risk", nullptr},
            {"visits", nullptr},
            {"days_since_last_visit", nullptr},
            {"rfm", nullptr},
            {"segment", SegmentRef(segment)}};
  if (p == nullptr) return j;
  j["probability_alive"] = Rounded(p->probability_alive);
  j["expected_visits_90d"] = Rounded(p->expected_visits_90d);
  j["expected_spend_per_visit_soles"] = Rounded(p->expected_spend_per_visit);
  j["expected_value_90d_soles"] = Rounded(p->expected_value_90d);
  j["churn_risk"] = Rounded(p->churn_risk);
  j["visits"] = p->visits;
  j["days_since_last_visit"] = Rounded(p->days_since_last_visit);
  j["rfm"] = {
      {"recency", p->rfm_recency}, {"frequency", p->rfm_frequency}, {"monetary", p->rfm_monetary}};
  return j;
}

json SegmentJson(const SegmentSummary& s, const std::vector<std::string>& features) {
  json centre = json::object();
  for (size_t j = 0; j < features.size() && j < s.centre.size(); ++j)
    centre[features[j]] = Rounded(s.centre[j]);
  return {{"id", s.id},
          {"description", s.description},
          {"size", s.size},
          {"mean_expected_value_90d_soles", Rounded(s.mean_expected_value_90d)},
          {"total_expected_value_90d_soles", Rounded(s.total_expected_value_90d)},
          {"mean_churn_risk", Rounded(s.mean_churn_risk)},
          {"mean_spend_per_visit_soles", Rounded(s.mean_spend_per_visit)},
          {"mean_visits", Rounded(s.mean_visits)},
          {"centre", std::move(centre)}};
}

StatusOr<int> SegmentParam(const ApiRequest& api) {
  ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
  if (id > 1000) return Status::NotFound("segment " + std::to_string(id) + " not found");
  return static_cast<int>(id);
}

void AddOutlookRoute(Router& router, BehaviourService& behaviour) {
  router.Add("GET", "/v1/guests/{id}/outlook",
             [&behaviour](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
               ASSIGN_OR_RETURN(GuestOutlook o, behaviour.Outlook(api.restaurant_id, id));
               json body = PredictionJson(id, o.prediction ? &*o.prediction : nullptr, o.segment);
               if (!o.note.empty()) body["note"] = o.note;
               body["model"] = ModelJson(*o.model);
               return JsonResponse{200, std::move(body)};
             });
}

void AddTonightRoute(Router& router, BehaviourService& behaviour) {
  router.Add("GET", "/v1/reservations/tonight",
             [&behaviour](const ApiRequest& api) -> StatusOr<JsonResponse> {
               const std::string* date = api.http.Query("date");
               ASSIGN_OR_RETURN(std::vector<BookEntry> book,
                                behaviour.NoShowBook(api.restaurant_id, date ? *date : ""));
               json items = json::array();
               for (const BookEntry& e : book) {
                 json item = ToJson(e.reservation);
                 item["no_show_risk"] =
                     e.no_show_risk ? json(Rounded(*e.no_show_risk)) : json(nullptr);
                 item["overdue"] = e.overdue;
                 items.push_back(std::move(item));
               }
               return JsonResponse{200, {{"items", std::move(items)}}};
             },
             {"date"});
}

void AddSegmentRoutes(Router& router, BehaviourService& behaviour) {
  router.Add("GET", "/v1/segments", [&behaviour](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(auto model, behaviour.Model(api.restaurant_id));
    json items = json::array();
    for (const SegmentSummary& s : model->segments) {
      items.push_back(SegmentJson(s, model->segment_feature_names));
    }
    return JsonResponse{200, {{"items", std::move(items)}, {"model", ModelJson(*model)}}};
  });
  router.Add("GET", "/v1/segments/{id}/members",
             [&behaviour](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(int segment, SegmentParam(api));
               ASSIGN_OR_RETURN(int limit, IntQuery(api.http, "limit", 50, 0, 1000));
               ASSIGN_OR_RETURN(int offset, IntQuery(api.http, "offset", 0, 0, 100'000'000));
               ASSIGN_OR_RETURN(SegmentMembers m,
                                behaviour.Members(api.restaurant_id, segment, limit, offset));
               const SegmentSummary* s = m.model->FindSegment(segment);
               json items = json::array();
               for (const GuestPrediction& g : m.guests)
                 items.push_back(PredictionJson(g.guest_id, &g, s));
               return JsonResponse{200,
                                   {{"segment", SegmentRef(s)},
                                    {"total", m.total},
                                    {"limit", limit},
                                    {"offset", offset},
                                    {"items", std::move(items)}}};
             },
             {"limit", "offset"});
  router.Add(
      "GET", "/v1/segments/{id}/export",
      [&behaviour](const ApiRequest& api) -> StatusOr<JsonResponse> {
        ASSIGN_OR_RETURN(int segment, SegmentParam(api));
        std::ostringstream csv;
        RETURN_IF_ERROR(behaviour.ExportSegmentCsv(api.restaurant_id, segment, csv).status());
        JsonResponse r;
        r.serialized = csv.str();
        r.content_type = "text/csv; charset=utf-8";
        return r;
      });
}

}  // namespace

void AddBehaviourRoutes(Router& router, ApiServices& services) {
  AddOutlookRoute(router, services.behaviour);
  AddTonightRoute(router, services.behaviour);
  AddSegmentRoutes(router, services.behaviour);
}

}  // namespace sobremesa
