// GET /v1/guests/{id}/recommendations?k=10&course=main&at=...&occasion=...
//     &ordered=12,31&repeat=false&lang=en

#include <charconv>

#include "api/routes.h"
#include "codec/entity_json.h"

namespace sobremesa {
namespace {

StatusOr<std::vector<Id>> IdListQuery(const HttpRequest& request, std::string_view name) {
  std::vector<Id> ids;
  const std::string* text = request.Query(name);
  if (text == nullptr || text->empty()) return ids;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const size_t comma = std::min(rest.find(','), rest.size());
    const std::string_view piece = rest.substr(0, comma);
    Id id = 0;
    auto [ptr, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), id);
    if (ec != std::errc() || ptr != piece.data() + piece.size() || id <= 0) {
      return Status::InvalidArgument(std::string(name) +
                                     ": expected comma-separated item ids, got '" +
                                     std::string(piece.substr(0, 40)) + "'");
    }
    ids.push_back(id);
    rest.remove_prefix(std::min(comma + 1, rest.size()));
  }
  return ids;
}

StatusOr<bool> BoolQuery(const HttpRequest& request, std::string_view name) {
  const std::string* text = request.Query(name);
  if (text == nullptr || *text == "false" || *text == "0") return false;
  if (*text == "true" || *text == "1") return true;
  return Status::InvalidArgument(std::string(name) + ": expected true or false");
}

StatusOr<RecommendationQuery> ParseQuery(const ApiRequest& api) {
  const HttpRequest& http = api.http;
  RecommendationQuery q;
  q.restaurant_id = api.restaurant_id;
  ASSIGN_OR_RETURN(q.guest_id, api.IdParam("id"));
  ASSIGN_OR_RETURN(q.k, IntQuery(http, "k", 10, 1, 100));
  if (const std::string* course = http.Query("course")) {
    auto parsed = ParseCourse(*course);
    if (!parsed.ok()) return parsed.status().WithContext("course");
    q.course = *parsed;
  }
  q.at = std::time(nullptr);
  if (const std::string* at = http.Query("at")) {
    auto parsed = ParseTimestamp(*at);
    if (!parsed.ok()) return parsed.status().WithContext("at");
    q.at = *parsed;
  }
  if (const std::string* occasion = http.Query("occasion")) q.occasion = *occasion;
  if (const std::string* lang = http.Query("lang")) {
    auto parsed = ParseLanguage(*lang);
    if (!parsed.ok()) return parsed.status().WithContext("lang");
    q.language = *parsed;
  }
  ASSIGN_OR_RETURN(q.ordered_tonight, IdListQuery(http, "ordered"));
  ASSIGN_OR_RETURN(q.allow_repeat_tonight, BoolQuery(http, "repeat"));
  return q;
}

const char* ReasonKindCode(ReasonKind k) {
  switch (k) {
    case ReasonKind::kFavourite: return "favourite";
    case ReasonKind::kPairsWith: return "pairs_with";
    case ReasonKind::kPopular: return "popular";
  }
  return "popular";
}

nlohmann::json ToJson(const RecommendationList& list) {
  nlohmann::json items = nlohmann::json::array();
  for (const Recommendation& r : list.items) {
    items.push_back({{"item_id", r.item.id},
                     {"name_es", r.item.name_es},
                     {"name_en", r.item.name_en},
                     {"course", CourseCode(r.item.course)},
                     {"price", FormatSoles(r.item.price)},
                     {"allergens", AllergenCodes(r.item.allergens)},
                     {"score", std::round(r.score * 10000) / 10000},
                     {"reason_kind", ReasonKindCode(r.reason_kind)},
                     {"reason", r.reason}});
  }
  return {{"guest_id", list.guest.id},
          {"guest_allergies", AllergenCodes(list.guest.allergies)},
          {"guest_dietary_needs", DietTagCodes(list.guest.dietary_needs)},
          {"model", list.model},
          {"items", std::move(items)}};
}

}  // namespace

void AddRecommendationRoutes(Router& router, ApiServices& services) {
  router.Add("GET", "/v1/guests/{id}/recommendations",
             [&services](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(RecommendationQuery query, ParseQuery(api));
               ASSIGN_OR_RETURN(RecommendationList list,
                                services.recommendations.Recommend(query));
               return JsonResponse{200, ToJson(list)};
             });
}

}  // namespace sobremesa
