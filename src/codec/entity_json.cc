#include "codec/entity_json.h"

#include "codec/json_field_reader.h"

namespace sobremesa {
namespace {

using nlohmann::json;

constexpr int kMaxPartySize = 50;

// Every record carries the same three keys.
template <typename T>
void ReadKeys(JsonFieldReader& r, T* e) {
  r.StoreId("id", &e->id);
  r.StoreId("restaurant_id", &e->restaurant_id);
  r.Text("external_id", kMaxKeyChars, &e->external_id);
}

template <typename T>
StatusOr<Parsed<T>> Finish(JsonFieldReader& r, Parsed<T> parsed) {
  r.RejectUnreadFields();
  if (!r.status().ok()) return r.status();
  parsed.unknown_fields = r.UnreadFields();
  return parsed;
}

// Store ids are omitted while 0 (not stored yet), so a record that was never
// stored still reads back: ids are positive when present.
template <typename T>
json KeysToJson(const T& e) {
  json j = json::object();
  if (e.id != 0) j["id"] = e.id;
  if (e.restaurant_id != 0) j["restaurant_id"] = e.restaurant_id;
  if (!e.external_id.empty()) j["external_id"] = e.external_id;
  return j;
}

template <typename T>
void PutIfSet(json& j, const char* field, const std::optional<T>& v) {
  if (v) j[field] = *v;
}

void PutTime(json& j, const char* field, UnixSeconds t) { j[field] = FormatTimestamp(t); }

// Optional instants are 0 while unknown; 1970 is outside the accepted years.
void PutTimeIfSet(json& j, const char* field, UnixSeconds t) {
  if (t != 0) PutTime(j, field, t);
}

void PutTimeIfSet(json& j, const char* field, const std::optional<UnixSeconds>& t) {
  if (t) PutTime(j, field, *t);
}

void PutMoney(json& j, const std::string& field, Centimos amount) {
  j[field] = FormatSoles(amount);
  j[field + "_centimos"] = amount;
}

void ReadStars(JsonFieldReader& r, AspectStars* s) {
  r.Int("stars.food", 1, 5, &s->food);
  r.Int("stars.service", 1, 5, &s->service);
  r.Int("stars.ambience", 1, 5, &s->ambience);
  r.Int("stars.value", 1, 5, &s->value);
  r.Int("stars.drinks", 1, 5, &s->drinks);
}

bool AnyStars(const AspectStars& s) {
  return s.food || s.service || s.ambience || s.value || s.drinks;
}

}  // namespace

StatusOr<Parsed<MenuItem>> MenuItemFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<MenuItem> p;
  MenuItem& m = p.value;
  ReadKeys(r, &m);
  r.Text("name_es", kMaxNameChars, &m.name_es, Need::kRequired);
  r.Text("name_en", kMaxNameChars, &m.name_en);
  r.Code("course", ParseCourse, &m.course, Need::kRequired);
  r.Text("category", kMaxKeyChars, &m.category);
  r.TextList("ingredients", kMaxNameChars, &m.ingredients);
  r.CodeSet("allergens", ParseAllergenList, &m.allergens);
  r.CodeSet("diet_tags", ParseDietList, &m.diet_tags);
  r.Int("spice_level", 0, 3, &m.spice_level);
  r.Money("price", &m.price, Need::kRequired);
  r.Bool("available", &m.available);
  r.Code("article_es", ParseSpanishArticle, &m.article_es);
  r.Bool("staple", &m.staple);
  return Finish(r, std::move(p));
}

StatusOr<Parsed<Guest>> GuestFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<Guest> p;
  Guest& g = p.value;
  ReadKeys(r, &g);
  r.Text("name", kMaxNameChars, &g.name, Need::kRequired);
  r.Text("email", kMaxNameChars, &g.email);
  r.Text("phone", kMaxKeyChars, &g.phone);
  r.Code("language", ParseLanguage, &g.language);
  r.CodeSet("allergies", ParseAllergenList, &g.allergies);
  r.CodeSet("dietary_needs", ParseDietList, &g.dietary_needs);
  r.TextList("preferences", kMaxNameChars, &g.preferences);
  r.Bool("consent.personalization", &g.consent.personalization);
  r.Bool("consent.marketing", &g.consent.marketing);
  r.Time("consent.updated_at", &g.consent.updated_at);
  r.Time("created_at", &g.created_at);
  return Finish(r, std::move(p));
}

StatusOr<Parsed<Reservation>> ReservationFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<Reservation> p;
  Reservation& res = p.value;
  ReadKeys(r, &res);
  r.Ref("guest", &res.guest_id, &p.refs.guest);
  r.Time("reserved_for", &res.reserved_for, Need::kRequired);
  r.Int("party_size", 1, kMaxPartySize, &res.party_size, Need::kRequired);
  r.Code("status", ParseReservationStatus, &res.status);
  r.Text("channel", kMaxKeyChars, &res.channel);
  r.Money("deposit", &res.deposit);
  r.Time("created_at", &res.created_at);
  return Finish(r, std::move(p));
}

StatusOr<Parsed<Visit>> VisitFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<Visit> p;
  Visit& v = p.value;
  ReadKeys(r, &v);
  r.Ref("guest", &v.guest_id, &p.refs.guest);
  r.Ref("reservation", &v.reservation_id, &p.refs.reservation);
  r.Int("party_size", 1, kMaxPartySize, &v.party_size, Need::kRequired);
  r.Text("table", kMaxKeyChars, &v.table);
  r.Time("seated_at", &v.seated_at, Need::kRequired);
  r.Time("closed_at", &v.closed_at);
  r.Money("spend", &v.spend);
  r.Text("occasion", kMaxKeyChars, &v.occasion);
  if (r.status().ok() && v.closed_at && *v.closed_at < v.seated_at) {
    r.Fail("closed_at", "before seated_at");
  }
  return Finish(r, std::move(p));
}

StatusOr<Parsed<OrderLine>> OrderLineFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<OrderLine> p;
  OrderLine& l = p.value;
  ReadKeys(r, &l);
  r.Ref("visit", &l.visit_id, &p.refs.visit, Need::kRequired);
  r.Ref("item", &l.item_id, &p.refs.item, Need::kRequired);
  r.Int("quantity", 1, 99, &l.quantity);
  r.TextList("modifiers", kMaxNameChars, &l.modifiers);
  r.Time("ordered_at", &l.ordered_at);
  return Finish(r, std::move(p));
}

StatusOr<Parsed<Feedback>> FeedbackFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<Feedback> p;
  Feedback& f = p.value;
  ReadKeys(r, &f);
  r.Ref("guest", &f.guest_id, &p.refs.guest);
  r.Ref("visit", &f.visit_id, &p.refs.visit);
  r.Int("nps", 0, 10, &f.nps);
  ReadStars(r, &f.stars);
  r.Text("text", kMaxTextChars, &f.text);
  r.Code("language", ParseLanguage, &f.language);
  r.Text("channel", kMaxKeyChars, &f.channel);
  r.Time("created_at", &f.created_at);
  if (r.status().ok() && !f.nps && !AnyStars(f.stars) && f.text.empty()) {
    r.Fail("nps", "feedback needs at least one of nps, stars or text");
  }
  return Finish(r, std::move(p));
}

StatusOr<Parsed<BehaviourEvent>> EventFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<BehaviourEvent> p;
  BehaviourEvent& e = p.value;
  ReadKeys(r, &e);
  r.Ref("guest", &e.guest_id, &p.refs.guest, Need::kRequired);
  r.Ref("visit", &e.visit_id, &p.refs.visit);
  r.Ref("item", &e.item_id, &p.refs.item);
  r.Code("type", ParseEventType, &e.type, Need::kRequired);
  r.Time("at", &e.at, Need::kRequired);
  return Finish(r, std::move(p));
}

StatusOr<Parsed<SocialMention>> MentionFromJson(const json& j, const JsonReadOptions& o) {
  JsonFieldReader r(j, o);
  Parsed<SocialMention> p;
  SocialMention& m = p.value;
  ReadKeys(r, &m);
  r.Text("platform", kMaxKeyChars, &m.platform, Need::kRequired);
  r.Text("author", kMaxNameChars, &m.author);
  r.Text("text", kMaxTextChars, &m.text, Need::kRequired);
  r.Code("language", ParseLanguage, &m.language);
  r.Int("rating", 1, 5, &m.rating);
  r.Text("url", kMaxUrlChars, &m.url);
  r.Time("posted_at", &m.posted_at, Need::kRequired);
  return Finish(r, std::move(p));
}

json ToJson(const MenuItem& m) {
  json j = KeysToJson(m);
  j["name_es"] = m.name_es;
  j["name_en"] = m.name_en;
  j["course"] = CourseCode(m.course);
  j["category"] = m.category;
  j["ingredients"] = m.ingredients;
  j["allergens"] = AllergenCodes(m.allergens);
  j["diet_tags"] = DietTagCodes(m.diet_tags);
  j["spice_level"] = m.spice_level;
  PutMoney(j, "price", m.price);
  j["available"] = m.available;
  // The article in effect, stated or derived, so that a page can say the
  // name as the waiter does; reading it back states it.
  j["article_es"] = SpanishArticleCode(ArticleEs(m));
  j["staple"] = m.staple;
  return j;
}

json ToJson(const Guest& g) {
  json j = KeysToJson(g);
  j["name"] = g.name;
  j["email"] = g.email;
  j["phone"] = g.phone;
  j["language"] = LanguageCode(g.language);
  j["allergies"] = AllergenCodes(g.allergies);
  j["dietary_needs"] = DietTagCodes(g.dietary_needs);
  j["preferences"] = g.preferences;
  json consent = {{"personalization", g.consent.personalization},
                  {"marketing", g.consent.marketing}};
  PutTimeIfSet(consent, "updated_at", g.consent.updated_at);
  j["consent"] = std::move(consent);
  PutTimeIfSet(j, "created_at", g.created_at);
  return j;
}

json ToJson(const Reservation& r) {
  json j = KeysToJson(r);
  PutIfSet(j, "guest_id", r.guest_id);
  PutTime(j, "reserved_for", r.reserved_for);
  j["party_size"] = r.party_size;
  j["status"] = ReservationStatusCode(r.status);
  j["channel"] = r.channel;
  PutMoney(j, "deposit", r.deposit);
  PutTimeIfSet(j, "created_at", r.created_at);
  return j;
}

json ToJson(const Visit& v) {
  json j = KeysToJson(v);
  PutIfSet(j, "guest_id", v.guest_id);
  PutIfSet(j, "reservation_id", v.reservation_id);
  j["party_size"] = v.party_size;
  j["table"] = v.table;
  PutTime(j, "seated_at", v.seated_at);
  PutTimeIfSet(j, "closed_at", v.closed_at);
  PutMoney(j, "spend", v.spend);
  j["occasion"] = v.occasion;
  return j;
}

json ToJson(const OrderLine& l) {
  json j = KeysToJson(l);
  j["visit_id"] = l.visit_id;
  j["item_id"] = l.item_id;
  j["quantity"] = l.quantity;
  j["modifiers"] = l.modifiers;
  PutTimeIfSet(j, "ordered_at", l.ordered_at);
  return j;
}

json ToJson(const Feedback& f) {
  json j = KeysToJson(f);
  PutIfSet(j, "guest_id", f.guest_id);
  PutIfSet(j, "visit_id", f.visit_id);
  PutIfSet(j, "nps", f.nps);
  json stars = json::object();
  PutIfSet(stars, "food", f.stars.food);
  PutIfSet(stars, "service", f.stars.service);
  PutIfSet(stars, "ambience", f.stars.ambience);
  PutIfSet(stars, "value", f.stars.value);
  PutIfSet(stars, "drinks", f.stars.drinks);
  j["stars"] = std::move(stars);
  j["text"] = f.text;
  j["language"] = LanguageCode(f.language);
  j["channel"] = f.channel;
  PutTimeIfSet(j, "created_at", f.created_at);
  return j;
}

json ToJson(const BehaviourEvent& e) {
  json j = KeysToJson(e);
  j["guest_id"] = e.guest_id;
  PutIfSet(j, "visit_id", e.visit_id);
  PutIfSet(j, "item_id", e.item_id);
  j["type"] = EventTypeCode(e.type);
  PutTime(j, "at", e.at);
  return j;
}

json ToJson(const SocialMention& m) {
  json j = KeysToJson(m);
  j["platform"] = m.platform;
  j["author"] = m.author;
  j["text"] = m.text;
  j["language"] = LanguageCode(m.language);
  PutIfSet(j, "rating", m.rating);
  j["url"] = m.url;
  PutTime(j, "posted_at", m.posted_at);
  return j;
}

}  // namespace sobremesa
