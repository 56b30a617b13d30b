// GET /v1/guests/{id}/recommendations?k=10&course=main&at=...&occasion=...
//     &party=4&ordered=12,31&repeat=false&lang=en&staples=false

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "api/routes.h"
#include "models/cooccurrence_model.h"

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
    const std::optional<Id> id = ParsePositiveId(piece);
    if (!id) {
      return Status::InvalidArgument(std::string(name) +
                                     ": expected comma-separated item ids, got '" +
                                     std::string(piece.substr(0, 40)) + "'");
    }
    ids.push_back(*id);
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
  if (const std::string* occasion = http.Query("occasion")) {
    // An unknown occasion would rank as none at all: say so instead.
    if (!occasion->empty() && ParseOccasionKind(*occasion) == OccasionKind::kNone) {
      return Status::InvalidArgument(
          "occasion: expected birthday, anniversary, business, celebration or date, got '" +
          occasion->substr(0, 40) + "'");
    }
    q.occasion = *occasion;
  }
  if (const std::string* lang = http.Query("lang")) {
    auto parsed = ParseLanguage(*lang);
    if (!parsed.ok()) return parsed.status().WithContext("lang");
    q.language = *parsed;
  }
  ASSIGN_OR_RETURN(q.party_size, IntQuery(http, "party", 2, 1, 50));
  ASSIGN_OR_RETURN(q.ordered_tonight, IdListQuery(http, "ordered"));
  ASSIGN_OR_RETURN(q.allow_repeat_tonight, BoolQuery(http, "repeat"));
  ASSIGN_OR_RETURN(q.include_staples, BoolQuery(http, "staples"));
  return q;
}

const char* ReasonKindCode(ReasonKind k) {
  switch (k) {
    case ReasonKind::kFavourite: return "favourite";
    case ReasonKind::kPairsWith: return "pairs_with";
    case ReasonKind::kPopular: return "popular";
    case ReasonKind::kLikeHistory: return "like_history";
    case ReasonKind::kSharedTaste: return "shared_taste";
    case ReasonKind::kOrderedBefore: return "ordered_before";
  }
  return "popular";
}

template <typename Writer>
void WriteCodes(Writer& w, const std::vector<std::string>& codes) {
  w.StartArray();
  for (const std::string& c : codes) w.String(c.data(), c.size());
  w.EndArray();
}

}  // namespace

// Written straight into a buffer with RapidJSON's SAX writer: building an
// nlohmann tree first cost a fifth of the request in allocations
// (docs/benchmarks.md).
std::string RecommendationListJson(const RecommendationList& list) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  auto key = [&w](const char* k) { w.Key(k); };
  auto text = [&w](std::string_view v) { w.String(v.data(), v.size()); };
  w.StartObject();
  key("guest_id");
  w.Int64(list.guest.id);
  key("guest_allergies");
  WriteCodes(w, AllergenCodes(list.guest.allergies));
  key("guest_dietary_needs");
  WriteCodes(w, DietTagCodes(list.guest.dietary_needs));
  key("model");
  text(list.model);
  key("items");
  w.StartArray();
  for (const Recommendation& r : list.items) {
    w.StartObject();
    key("item_id");
    w.Int64(r.item->id);
    key("name_es");
    text(r.item->name_es);
    key("name_en");
    text(r.item->name_en);
    key("course");
    text(CourseCode(r.item->course));
    key("price");
    text(FormatSoles(r.item->price));
    key("allergens");
    WriteCodes(w, AllergenCodes(r.item->allergens));
    key("score");
    // RapidJSON writes nothing for NaN or infinity (Double returns false),
    // which would leave a key without a value: invalid JSON under a 200.
    // A model file's weights are not checked for them, so say null here.
    if (std::isfinite(r.score)) {
      w.Double(std::round(double(r.score) * 10000) / 10000);
    } else {
      w.Null();
    }
    key("reason_kind");
    text(ReasonKindCode(r.reason_kind));
    key("reason");
    text(r.reason);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

void AddRecommendationRoutes(Router& router, ApiServices& services) {
  router.Add("GET", "/v1/guests/{id}/recommendations",
             [&services](const ApiRequest& api) -> StatusOr<JsonResponse> {
               ASSIGN_OR_RETURN(RecommendationQuery query, ParseQuery(api));
               ASSIGN_OR_RETURN(RecommendationList list,
                                services.recommendations.Recommend(query));
               JsonResponse response;
               response.serialized = RecommendationListJson(list);
               return response;
             },
             {"k", "course", "at", "occasion", "party", "ordered", "repeat", "lang", "staples"});
}

}  // namespace sobremesa
