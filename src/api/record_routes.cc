// Writes and reads of the restaurant's records:
//   POST /v1/<collection>        one object or an array of up to 1,000; all or nothing
//   PUT  /v1/<collection>/{id}   update that record
//   GET  /v1/<collection>/{id}
// for menu/items, guests, reservations, visits, orders (POST only), feedback,
// events (POST only: events are append-only) and mentions.

#include <ctime>
#include <set>

#include "api/routes.h"
#include "codec/entity_json.h"
#include "ingest/ref_resolver.h"

namespace sobremesa {
namespace {

constexpr size_t kMaxBatch = 1000;

template <typename T>
struct Collection {
  std::string path;
  StatusOr<Parsed<T>> (*parse)(const nlohmann::json&, const JsonReadOptions&);
  StatusOr<std::vector<Id>> (Store::*write)(std::span<const T>);
  StatusOr<T> (Store::*read)(Id, Id);  // null when records cannot be read back one by one
  // Called after a successful write, to drop what caches hold of it.
  std::function<void(Id restaurant, const std::vector<T>& written)> after_write;
  // Fields a PUT must state even when empty: PUT replaces the whole record,
  // and a client that left out a guest's allergies would otherwise clear
  // them, and with them the rule that keeps those dishes off the guest's list.
  std::vector<std::string> put_requires = {};
};

StatusOr<nlohmann::json> ParseBody(const HttpRequest& http) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonBody(http, "JSON"));
  if (!body.is_object() && !body.is_array()) {
    return Status::InvalidArgument("request body must be a JSON object or an array of objects");
  }
  if (body.is_array() && (body.empty() || body.size() > kMaxBatch)) {
    return Status::InvalidArgument("request body array must hold 1 to " +
                                   std::to_string(kMaxBatch) + " records");
  }
  return body;
}

// How errors name a record of an array body: its position, "[3]".
std::string Position(size_t index) { return "[" + std::to_string(index) + "]"; }

// The store names a refused record by its index in the batch it was given
// ("guest 0: ..."), which reads like an id. The client sent either an array,
// whose positions the batch's indexes are, or one object.
Status InRequestTerms(const Status& status, bool batch) {
  const std::optional<size_t> index = status.record_index();
  if (!index) return status;
  const Status reason(status.code(), std::string(status.record_reason()));
  return batch ? reason.WithContext(Position(*index)) : reason;
}

// The body's own "id" and "restaurant_id", which a record read back with GET
// carries, must be those the request acts on: the tenant and the record's
// path are what is written, and a record silently written elsewhere (or a
// POST of a stored record silently stored again as a new one) loses data.
template <typename T>
Status CheckKeys(const Collection<T>& c, const T& record, Id restaurant,
                 std::optional<Id> path_id) {
  if (record.restaurant_id != 0 && record.restaurant_id != restaurant) {
    return Status::InvalidArgument("restaurant_id: " + std::to_string(record.restaurant_id) +
                                   " is not the restaurant this request acts for (" +
                                   std::to_string(restaurant) +
                                   "; name it with the X-Restaurant-Id header)");
  }
  if (record.id == 0 || record.id == path_id) return Status::Ok();
  if (path_id) {
    return Status::InvalidArgument("id: " + std::to_string(record.id) +
                                   " disagrees with the path's id " + std::to_string(*path_id));
  }
  const std::string what = "id: a POST stores new records (or upserts by external_id)";
  if (c.read == nullptr) return Status::InvalidArgument(what + ", so it takes no id");
  return Status::InvalidArgument(what + "; replace record " + std::to_string(record.id) +
                                 " with PUT " + c.path + "/" + std::to_string(record.id));
}

// A record posted without the time it was made was stored as made at 0,
// 1970: a booking's lead time then read as 56 years (its no-show risk
// tonight 0.49 where the same booking made today gives 0.25), a feedback fell
// outside every insights window, and consent had no date. Through the API a
// record arrives as it is made, so that is its time. (Imports keep 0: a
// file's rows were made before it was exported.)
template <typename T>
void StampArrival(T&, UnixSeconds) {}
void StampArrival(Guest& g, UnixSeconds now) {
  if (g.created_at == 0) g.created_at = now;
  if (g.consent.updated_at == 0) g.consent.updated_at = now;
}
void StampArrival(Reservation& r, UnixSeconds now) {
  if (r.created_at == 0) r.created_at = now;
}
void StampArrival(Feedback& f, UnixSeconds now) {
  if (f.created_at == 0) f.created_at = now;
}

// Parses and resolves every record; the first bad one fails the request
// before anything is written.
template <typename T>
StatusOr<std::vector<T>> ReadRecords(const Collection<T>& c, const nlohmann::json& body,
                                     Store& store, Id restaurant, std::optional<Id> path_id) {
  RefResolver resolver(store, restaurant);
  const UnixSeconds now = std::time(nullptr);
  std::vector<T> records;
  const bool batch = body.is_array();
  for (size_t i = 0; i < (batch ? body.size() : 1); ++i) {
    const nlohmann::json& j = batch ? body[i] : body;
    auto parsed = c.parse(j, JsonReadOptions{.unknown_fields = UnknownFields::kReject});
    if (!parsed.ok()) return batch ? parsed.status().WithContext(Position(i)) : parsed.status();
    T record = std::move(parsed->value);
    Status resolved = CheckKeys(c, record, restaurant, path_id);
    if (resolved.ok()) resolved = ResolveRefs(resolver, parsed->refs, &record);
    if (!resolved.ok()) return batch ? resolved.WithContext(Position(i)) : resolved;
    record.restaurant_id = restaurant;
    record.id = path_id.value_or(0);
    StampArrival(record, now);
    records.push_back(std::move(record));
  }
  return records;
}

template <typename T>
StatusOr<JsonResponse> Write(const Collection<T>& c, Store& store, const ApiRequest& api,
                             std::optional<Id> path_id) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseBody(api.http));
  if (path_id && body.is_array()) {
    return Status::InvalidArgument("PUT takes one object, not an array");
  }
  for (const std::string& field : c.put_requires) {
    if (path_id && !body.contains(field)) {
      return Status::InvalidArgument(field + ": required by PUT, which replaces the whole record "
                                     "(send [] to clear it)");
    }
  }
  ASSIGN_OR_RETURN(std::vector<T> records,
                   ReadRecords(c, body, store, api.restaurant_id, path_id));
  // external_id is the record's key in the caller's system rather than one
  // of its fields: a PUT from a form that does not know it (a guest's new
  // phone) cleared it, and the next import from the POS then stored the
  // guest again as a new one. Left out, it is kept; "" clears it.
  if (path_id && !body.contains("external_id")) {
    ASSIGN_OR_RETURN(T stored, (store.*c.read)(api.restaurant_id, *path_id));
    records.front().external_id = std::move(stored.external_id);
  }
  StatusOr<std::vector<Id>> written = (store.*c.write)(records);
  if (!written.ok()) return InRequestTerms(written.status(), body.is_array());
  const std::vector<Id>& ids = *written;
  if (c.after_write) c.after_write(api.restaurant_id, records);
  const int status = path_id ? 200 : 201;
  if (body.is_array() || c.read == nullptr) return JsonResponse{status, {{"ids", ids}}};
  ASSIGN_OR_RETURN(T stored, (store.*c.read)(api.restaurant_id, ids.front()));
  return JsonResponse{status, ToJson(stored)};
}

template <typename T>
void AddCollection(Router& router, Store& store, const Collection<T>& c) {
  router.Add("POST", c.path, [&store, c](const ApiRequest& api) {
    return Write(c, store, api, std::nullopt);
  });
  if (c.read == nullptr) return;
  router.Add("PUT", c.path + "/{id}", [&store, c](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
    return Write(c, store, api, id);
  });
  // GET /v1/guests/{id} has its own route (guest_routes.cc).
  if (c.path == "/v1/guests") return;
  router.Add("GET", c.path + "/{id}", [&store, c](const ApiRequest& api) -> StatusOr<JsonResponse> {
    ASSIGN_OR_RETURN(Id id, api.IdParam("id"));
    ASSIGN_OR_RETURN(T record, (store.*c.read)(api.restaurant_id, id));
    return JsonResponse{200, ToJson(record)};
  });
}

}  // namespace

void AddRecordRoutes(Router& router, ApiServices& services) {
  Store& s = services.store;
  MenuCache& menus = services.menus;
  GuestHistoryCache& histories = services.histories;
  // Recommendations must see a dish taken off tonight, and a guest's new
  // visit or order, without waiting for the caches to expire.
  auto menu_changed = [&menus](Id restaurant, const std::vector<MenuItem>&) {
    menus.Invalidate(restaurant);
  };
  auto visits_changed = [&histories](Id restaurant, const std::vector<Visit>& visits) {
    for (const Visit& v : visits) {
      if (v.guest_id) histories.Invalidate(restaurant, *v.guest_id);
    }
  };
  auto orders_changed = [&histories, &s](Id restaurant, const std::vector<OrderLine>& lines) {
    // One store read per visit rather than per line: a batch of 1,000 lines
    // is usually a few visits' orders.
    std::set<Id> visit_ids;
    for (const OrderLine& line : lines) visit_ids.insert(line.visit_id);
    for (Id visit_id : visit_ids) {
      auto visit = s.GetVisit(restaurant, visit_id);
      if (visit.ok() && visit->guest_id) histories.Invalidate(restaurant, *visit->guest_id);
    }
  };
  AddCollection<MenuItem>(router, s, {"/v1/menu/items", MenuItemFromJson, &Store::UpsertMenuItems,
                                      &Store::GetMenuItem, menu_changed});
  AddCollection<Guest>(router, s, {"/v1/guests", GuestFromJson, &Store::UpsertGuests,
                                   &Store::GetGuest, nullptr, {"allergies", "dietary_needs"}});
  AddCollection<Reservation>(router, s, {"/v1/reservations", ReservationFromJson,
                                         &Store::UpsertReservations, &Store::GetReservation});
  AddCollection<Visit>(router, s, {"/v1/visits", VisitFromJson, &Store::UpsertVisits,
                                   &Store::GetVisit, visits_changed});
  AddCollection<OrderLine>(router, s, {"/v1/orders", OrderLineFromJson, &Store::UpsertOrderLines,
                                       nullptr, orders_changed});
  AddCollection<Feedback>(router, s, {"/v1/feedback", FeedbackFromJson, &Store::UpsertFeedback,
                                      &Store::GetFeedback});
  AddCollection<BehaviourEvent>(router, s, {"/v1/events", EventFromJson, &Store::AppendEvents,
                                            nullptr});
  AddCollection<SocialMention>(router, s, {"/v1/mentions", MentionFromJson,
                                           &Store::UpsertMentions, &Store::GetMention});
}

}  // namespace sobremesa
