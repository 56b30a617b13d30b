// What guests' texts say, for the manager and the waiter (docs/api.md):
//   POST /v1/feedback/analyze            analyse a text now; nothing is stored
//   GET  /v1/feedback/{id}/analysis      the stored analysis of a feedback
//   GET  /v1/mentions/{id}/analysis      ... of a social mention
//   GET  /v1/insights/sentiment?from=&to=&aspect=&granularity=day|week&limit=
//   GET  /v1/guests/{id}/warning         the guest's last feedback, if it went badly

#include <cmath>
#include <ctime>

#include "api/routes.h"
#include "codec/text_analysis_json.h"
#include "service/text_analysis_service.h"

namespace sobremesa {
namespace {

constexpr UnixSeconds kDefaultWindow = 30 * 86400;

// A manager reads a score in [-1, 1] to two decimals: means over a few dozen
// texts move by more than 0.01 from one more text, and
// 0.46153846153846156 says nothing 0.46 does not.
double ManagerScore(double score) { return std::round(score * 100) / 100; }

nlohmann::json WarningJson(const GuestWarning& w) {
  return {{"guest_id", w.guest_id},
          {"guest_name", w.guest_name},
          {"feedback_id", w.feedback_id},
          {"at", FormatTimestamp(w.at)},
          {"verdict", std::string(SentimentCode(w.verdict))},
          {"score", ManagerScore(w.score)},
          {"complaints", w.complaints}};
}

StatusOr<std::string> TextOfBody(const HttpRequest& http) {
  ASSIGN_OR_RETURN(const nlohmann::json body, ParseJsonBody(http, "{\"text\": \"...\"}"));
  if (!body.is_object() || !body.contains("text") || !body["text"].is_string()) {
    return Status::InvalidArgument("request body must be an object with a string \"text\"");
  }
  std::string text = body["text"].get<std::string>();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Status::InvalidArgument("text is empty: nothing to analyse");
  }
  return text;
}

// A query time: ISO 8601 or a date (Lima midnight); absent gives `fallback`.
StatusOr<UnixSeconds> TimeQuery(const HttpRequest& request, std::string_view name,
                                UnixSeconds fallback) {
  const std::string* text = request.Query(name);
  if (text == nullptr) return fallback;
  StatusOr<UnixSeconds> t = ParseTimestamp(*text);
  if (!t.ok()) return t.status().WithContext(std::string(name));
  return t;
}

struct InsightsQuery {
  UnixSeconds from = 0, to = 0;
  std::optional<Aspect> aspect;
  TrendGranularity granularity = TrendGranularity::kDay;
  int limit = 10;
};

StatusOr<InsightsQuery> ReadInsightsQuery(const HttpRequest& http) {
  InsightsQuery q;
  ASSIGN_OR_RETURN(q.to, TimeQuery(http, "to", static_cast<UnixSeconds>(std::time(nullptr))));
  ASSIGN_OR_RETURN(q.from, TimeQuery(http, "from", q.to - kDefaultWindow));
  if (q.from >= q.to) return Status::InvalidArgument("from must be before to");
  if (const std::string* a = http.Query("aspect")) {
    q.aspect = ParseAspect(*a);
    if (!q.aspect) {
      return Status::InvalidArgument(
          "aspect: expected food, service, ambience, value or drinks, got '" + a->substr(0, 40) +
          "'");
    }
  }
  if (const std::string* g = http.Query("granularity")) {
    if (*g == "week")
      q.granularity = TrendGranularity::kWeek;
    else if (*g != "day")
      return Status::InvalidArgument("granularity: expected day or week");
  }
  ASSIGN_OR_RETURN(q.limit, IntQuery(http, "limit", 10, 1, 100));
  return q;
}

StatusOr<JsonResponse> Insights(Store& store, const ApiRequest& api) {
  ASSIGN_OR_RETURN(InsightsQuery q, ReadInsightsQuery(api.http));
  ASSIGN_OR_RETURN(
      std::vector<AspectTrendPoint> trend,
      store.AspectSentimentTrend(api.restaurant_id, q.from, q.to, q.aspect, q.granularity));
  ASSIGN_OR_RETURN(std::vector<DishSentimentSummary> dishes,
                   store.DishesMostCriticised(api.restaurant_id, q.from, q.to, q.limit));
  ASSIGN_OR_RETURN(std::vector<GuestWarning> guests,
                   store.GuestsToWarn(api.restaurant_id, q.from, q.to, q.limit, std::nullopt));
  nlohmann::json points = nlohmann::json::array();
  for (const AspectTrendPoint& p : trend) {
    points.push_back({{"period", p.period},
                      {"aspect", std::string(AspectCode(p.aspect))},
                      {"texts", p.texts},
                      {"positive", p.positive},
                      {"negative", p.negative},
                      {"mixed", p.mixed},
                      {"score", ManagerScore(p.score)}});
  }
  nlohmann::json worst = nlohmann::json::array();
  for (const DishSentimentSummary& d : dishes) {
    worst.push_back({{"item_id", d.item_id},
                     {"name", d.name},
                     {"mentions", d.mentions},
                     {"negative", d.negative},
                     {"score", ManagerScore(d.score)},
                     {"example_quote", d.example_quote}});
  }
  nlohmann::json warn = nlohmann::json::array();
  for (const GuestWarning& w : guests) warn.push_back(WarningJson(w));
  return JsonResponse{200,
                      {{"from", FormatTimestamp(q.from)},
                       {"to", FormatTimestamp(q.to)},
                       {"granularity", q.granularity == TrendGranularity::kDay ? "day" : "week"},
                       {"aspects", std::move(points)},
                       {"dishes_most_criticised", std::move(worst)},
                       {"guests_to_warn", std::move(warn)}}};
}

}  // namespace

void AddSentimentRoutes(Router& router, ApiServices& services) {
  Store& store = services.store;
  TextAnalysisService* analysis = services.text_analysis;
  router.Add(
      "POST", "/v1/feedback/analyze", [analysis](const ApiRequest& api) -> StatusOr<JsonResponse> {
        if (analysis == nullptr) {
          return Status::FailedPrecondition("text analysis is not configured on this server");
        }
        ASSIGN_OR_RETURN(std::string text, TextOfBody(api.http));
        ASSIGN_OR_RETURN(TextAnalysis a, analysis->AnalyzeText(api.restaurant_id, text));
        return JsonResponse{200, ToJson(a)};
      });
  for (const auto& [path, source] :
       {std::pair{"/v1/feedback/{id}/analysis", TextSource::kFeedback},
        std::pair{"/v1/mentions/{id}/analysis", TextSource::kMention}}) {
    router.Add("GET", path, [&store, source](const ApiRequest& api) -> StatusOr<JsonResponse> {
      ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
      ASSIGN_OR_RETURN(TextAnalysis a, store.GetTextAnalysis(api.restaurant_id, source, id));
      return JsonResponse{200, ToJson(a)};
    });
  }
  router.Add("GET", "/v1/insights/sentiment",
             [&store](const ApiRequest& api) { return Insights(store, api); },
             {"from", "to", "aspect", "granularity", "limit"});
  router.Add("GET", "/v1/guests/{id}/warning",
             [&store](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
               RETURN_IF_ERROR(store.GetGuest(api.restaurant_id, id).status());
               ASSIGN_OR_RETURN(std::vector<GuestWarning> w,
                                store.GuestsToWarn(api.restaurant_id, 0,
                                                   std::numeric_limits<UnixSeconds>::max(), 1, id));
               if (w.empty()) return JsonResponse{200, {{"warn", false}}};
               nlohmann::json body = WarningJson(w.front());
               body["warn"] = true;
               return JsonResponse{200, std::move(body)};
             });
}

}  // namespace sobremesa
