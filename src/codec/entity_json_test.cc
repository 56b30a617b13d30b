#include "codec/entity_json.h"

#include <gtest/gtest.h>

#include <string>

namespace sobremesa {
namespace {

using nlohmann::json;

// A valid object per entity; each bad case patches one of them.
json ValidObject(const std::string& entity) {
  if (entity == "menu")
    return {{"name_es", "Causa limeña"}, {"course", "starter"}, {"price", "38"}};
  if (entity == "guest") return {{"name", "Ana Núñez"}};
  if (entity == "reservation") return {{"reserved_for", "2026-11-27T20:00"}, {"party_size", 2}};
  if (entity == "visit") return {{"seated_at", "2026-11-27T20:15"}, {"party_size", 4}};
  if (entity == "order") return {{"visit_id", 7}, {"item_external_id", "M-1"}};
  if (entity == "feedback") return {{"nps", 9}};
  if (entity == "event") return {{"guest_id", 3}, {"type", "viewed"}, {"at", "2026-11-27T21:00"}};
  if (entity == "mention") {
    return {{"platform", "instagram"}, {"text", "¡Buenazo!"}, {"posted_at", "2026-11-28"}};
  }
  ADD_FAILURE() << "unknown entity " << entity;
  return {};
}

Status Read(const std::string& entity, const json& j, const JsonReadOptions& o) {
  if (entity == "menu") return MenuItemFromJson(j, o).status();
  if (entity == "guest") return GuestFromJson(j, o).status();
  if (entity == "reservation") return ReservationFromJson(j, o).status();
  if (entity == "visit") return VisitFromJson(j, o).status();
  if (entity == "order") return OrderLineFromJson(j, o).status();
  if (entity == "feedback") return FeedbackFromJson(j, o).status();
  if (entity == "event") return EventFromJson(j, o).status();
  if (entity == "mention") return MentionFromJson(j, o).status();
  return Status::Internal("unknown entity " + entity);
}

struct BadCase {
  std::string entity;
  json patch;           // JSON merge patch on ValidObject(entity); null removes a field
  std::string message;  // expected prefix of the error message
  bool text_values = false;
};

TEST(EntityJsonTest, EachBadInputNamesTheFieldAndTheReason) {
  const std::string long_name(250, 'a');
  const std::string long_text(10'001, 'x');
  const std::vector<BadCase> cases = {
      {"visit",
       {{"party_size", "dos"}},
       "party_size: expected an integer from 1 to 50, got \"dos\"",
       true},
      {"visit", {{"party_size", 51}}, "party_size: expected an integer from 1 to 50, got 51"},
      {"visit", {{"party_size", 4.5}}, "party_size: expected an integer from 1 to 50, got 4.5"},
      {"visit", {{"party_size", "4"}}, "party_size: expected an integer from 1 to 50, got \"4\""},
      {"visit", {{"seated_at", nullptr}}, "seated_at: required"},
      {"visit", {{"seated_at", ""}}, "seated_at: required", true},
      {"visit", {{"seated_at", "1999-12-31T20:00"}}, "seated_at: invalid timestamp"},
      {"visit", {{"seated_at", "mañana"}}, "seated_at: invalid timestamp"},
      {"visit", {{"seated_at", 1700000000}}, "seated_at: expected an ISO 8601 time"},
      {"visit", {{"closed_at", "2026-11-27T19:00"}}, "closed_at: before seated_at"},
      {"visit", {{"spend", "-10"}}, "spend: invalid amount '-10': must not be negative"},
      {"menu",
       {{"course", "entrada"}},
       "course: unknown course 'entrada' (valid: starter, main, dessert, drink)"},
      {"menu", {{"course", nullptr}}, "course: required"},
      {"menu",
       {{"article_es", "lo"}},
       "article_es: unknown Spanish article 'lo' (valid: el, la, los, las)"},
      {"menu", {{"staple", "sí"}}, "staple: expected true or false", true},
      {"menu", {{"price", "45.555"}}, "price: invalid amount '45.555': more than two decimals"},
      {"menu",
       {{"price", 45.5}, {"price_centimos", 4551}},
       "price: 45.50 disagrees with price_centimos 4551"},
      {"menu", {{"price", nullptr}}, "price: required (or price_centimos)"},
      {"menu",
       {{"price", nullptr}, {"price_centimos", -5}},
       "price_centimos: must not be negative"},
      // Above the cap a sum of a few such orders would overflow an int64.
      {"menu",
       {{"price", nullptr}, {"price_centimos", 9223372036854775807LL}},
       "price_centimos: too large (at most 100000000000)"},
      {"menu", {{"price", "1000000000.01"}}, "price: too large (at most 1000000000.00)"},
      {"menu", {{"price", true}}, "price: expected an amount in soles"},
      {"menu", {{"spice_level", 4}}, "spice_level: expected an integer from 0 to 3, got 4"},
      {"menu",
       {{"allergens", {"fish", "nuts"}}},
       "allergens: unknown allergen 'nuts' (valid: fish,"},
      {"menu", {{"allergens", "fish;nuts"}}, "allergens: unknown allergen 'nuts'", true},
      {"menu", {{"allergens", "fish"}}, "allergens: expected a list of strings, got \"fish\""},
      {"menu", {{"ingredients", {"ají", 1}}}, "ingredients: expected a list of strings"},
      {"menu", {{"diet_tags", {"keto"}}}, "diet_tags: unknown diet tag 'keto'"},
      {"menu", {{"name_es", ""}}, "name_es: must not be empty"},
      {"menu", {{"name_es", long_name}}, "name_es: longer than 200 characters (250)"},
      {"menu", {{"name_es", "Aj\xC3 de gallina"}}, "name_es: value is not valid UTF-8"},
      {"menu", {{"ingredients", {"pollo", "aj\xFF"}}}, "ingredients: item 2: value is not valid"},
      {"menu", {{"available", "yes"}}, "available: expected true or false, got \"yes\"", true},
      {"menu", {{"available", "true"}}, "available: expected true or false, got \"true\""},
      {"guest", {{"name", nullptr}}, "name: required"},
      {"guest", {{"language", "fr"}}, "language: unknown language 'fr' (valid: es, en, pt)"},
      {"guest", {{"consent", {{"marketing", "sí"}}}}, "consent.marketing: expected true or false"},
      {"guest", {{"consent.marketing", "sí"}}, "consent.marketing: expected true or false", true},
      // Not an object: reading it as "no consent given" would hide the mistake.
      {"guest", {{"consent", true}}, "consent: expected an object, got true"},
      {"feedback", {{"stars", 5}}, "stars: expected an object, got 5"},
      {"guest", {{"created_at", "2100-01-01"}}, "created_at: invalid timestamp"},
      {"reservation", {{"party_size", 0}}, "party_size: expected an integer from 1 to 50, got 0"},
      {"reservation",
       {{"guest_id", 4}, {"guest_external_id", "G-4"}},
       "guest_external_id: give guest_id or guest_external_id, not both"},
      {"reservation", {{"status", "late"}}, "status: unknown reservation status 'late'"},
      {"reservation", {{"reserved_for", nullptr}}, "reserved_for: required"},
      {"order", {{"visit_id", nullptr}}, "visit_id: required (or visit_external_id)"},
      {"order", {{"item_external_id", nullptr}}, "item_id: required (or item_external_id)"},
      {"order", {{"quantity", 100}}, "quantity: expected an integer from 1 to 99, got 100"},
      {"order", {{"visit_id", -3}}, "visit_id: expected a positive integer id, got -3"},
      {"order", {{"item_external_id", 12}}, "item_external_id: expected a string, got 12"},
      {"feedback", {{"nps", nullptr}}, "nps: feedback needs at least one of nps, stars or text"},
      {"feedback", {{"nps", 11}}, "nps: expected an integer from 0 to 10, got 11"},
      {"feedback",
       {{"stars", {{"food", 0}}}},
       "stars.food: expected an integer from 1 to 5, got 0"},
      {"feedback",
       {{"stars.service", "6"}},
       "stars.service: expected an integer from 1 to 5",
       true},
      {"feedback", {{"language", "quechua"}}, "language: unknown language 'quechua'"},
      {"event", {{"type", "liked"}}, "type: unknown event type 'liked' (valid: viewed, ordered,"},
      {"event", {{"at", nullptr}}, "at: required"},
      {"event", {{"guest_id", nullptr}}, "guest_id: required (or guest_external_id)"},
      {"mention", {{"text", long_text}}, "text: longer than 10000 characters (10001)"},
      {"mention", {{"platform", nullptr}}, "platform: required"},
      {"mention", {{"rating", 6}}, "rating: expected an integer from 1 to 5, got 6"},
      {"mention", {{"posted_at", "2026-02-30"}}, "posted_at: invalid timestamp"},
  };
  for (const BadCase& c : cases) {
    json input = ValidObject(c.entity);
    ASSERT_TRUE(Read(c.entity, input, {}).ok()) << "base object of " << c.entity << " is invalid";
    input.merge_patch(c.patch);
    const Status s = Read(c.entity, input, {.text_values = c.text_values});
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument)
        << c.entity << " " << c.patch.dump(-1, ' ', false, json::error_handler_t::replace);
    EXPECT_EQ(s.message().substr(0, c.message.size()), c.message)
        << c.entity << " patched with "
        << c.patch.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

TEST(EntityJsonTest, UnknownFieldsAreRefusedWhenAskedAndIgnoredByImports) {
  const JsonReadOptions api{.unknown_fields = UnknownFields::kReject};
  const json misspelt = {{"name", "Ana"}, {"allergy", {"fish"}}};
  EXPECT_TRUE(GuestFromJson(misspelt)->unknown_fields.empty()) << "not looked for";
  const auto listed = GuestFromJson(misspelt, {.unknown_fields = UnknownFields::kList});
  ASSERT_TRUE(listed.ok()) << "an import stores the row";
  EXPECT_EQ(listed->unknown_fields, std::vector<std::string>{"allergy"});
  EXPECT_EQ(GuestFromJson(misspelt, api).status().message(),
            "allergy: unknown field (the fields are id, restaurant_id, external_id, name, email, "
            "phone, language, allergies, dietary_needs, preferences, consent.personalization, "
            "consent.marketing, consent.updated_at, created_at)");
  EXPECT_EQ(GuestFromJson({{"name", "Ana"}, {"consent", {{"email", true}}}}, api)
                .status()
                .message()
                .substr(0, 29),
            "consent.email: unknown field ");
  // Nested, dotted, null and empty forms of known fields are all known.
  for (const json& stars : {json{{"stars", {{"food", 5}}}}, json{{"stars.food", 5}},
                            json{{"stars", nullptr}}, json{{"stars", json::object()}}}) {
    json feedback = stars;
    feedback["nps"] = 9;
    EXPECT_TRUE(FeedbackFromJson(feedback, api).ok()) << feedback.dump();
  }
  EXPECT_EQ(FeedbackFromJson({{"nps", 9}, {"stars", 5}}, api).status().message(),
            "stars: expected an object, got 5");
  const std::string long_key(300, 'k');
  EXPECT_EQ(GuestFromJson({{"name", "Ana"}, {long_key, 1}}, api).status().message().substr(0, 55),
            std::string(R"(")").append(36, 'k').append("...: unknown field"));
}

TEST(EntityJsonTest, NonObjectIsRejected) {
  const Status s = GuestFromJson(json::array({1, 2})).status();
  EXPECT_EQ(s.message(), "expected a JSON object, got [1,2]");
}

// A body of 100,000 nested arrays parses (nlohmann's parser keeps its own
// stack), and the error naming it must not recurse through every level.
TEST(EntityJsonTest, DeeplyNestedValueIsShownCutWithoutRecursingThroughIt) {
  const int depth = 100'000;
  const json deep = json::parse(std::string(depth, '[') + std::string(depth, ']'));
  const Status s = GuestFromJson(deep).status();
  EXPECT_EQ(s.message(), "expected a JSON object, got " + std::string(37, '[') + "...");
}

TEST(EntityJsonTest, LongValueIsShownCutToFortyCharacters) {
  const json long_text = {{"name", json::array({std::string(5000, 'n')})}};
  const Status s = GuestFromJson(long_text).status();
  EXPECT_EQ(s.message(), "name: expected a string, got [\"" + std::string(35, 'n') + "...");
  const json object = json::array({{{"k", "ñandú"}}});
  EXPECT_EQ(GuestFromJson(object).status().message(),
            "expected a JSON object, got [{\"k\":\"ñandú\"}]");
}

TEST(EntityJsonTest, TextValuesReadCsvCells) {
  const json row = {{"name_es", "Ají de gallina"},
                    {"course", " main "},
                    {"price", "45,5"},
                    {"spice_level", "2"},
                    {"available", "0"},
                    {"allergens", "dairy; gluten;"},
                    {"ingredients", "pollo;ají amarillo"},
                    {"name_en", ""},
                    {"category", ""}};
  auto parsed = MenuItemFromJson(row, {.text_values = true});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  const MenuItem& m = parsed->value;
  EXPECT_EQ(m.course, Course::kMain);
  EXPECT_EQ(m.price, 4550);
  EXPECT_EQ(m.spice_level, 2);
  EXPECT_FALSE(m.available);
  EXPECT_EQ(m.allergens, (AllergenSet{Allergen::kDairy, Allergen::kGluten}));
  EXPECT_EQ(m.ingredients, (std::vector<std::string>{"pollo", "ají amarillo"}));
  EXPECT_EQ(m.name_en, "");
}

// The article a waiter says is read when stated (a brand: "la Cumbres
// Negra") and written as it is in effect, derived from the name otherwise.
TEST(EntityJsonTest, MenuArticleIsWrittenAsInEffectAndReadWhenStated) {
  const json derived = {{"name_es", "Conchitas a la parmesana"}, {"course", "starter"},
                        {"price", 42}};
  auto conchitas = MenuItemFromJson(derived);
  ASSERT_TRUE(conchitas.ok()) << conchitas.status().ToString();
  EXPECT_FALSE(conchitas->value.article_es.has_value());
  EXPECT_FALSE(conchitas->value.staple);
  EXPECT_EQ(ToJson(conchitas->value)["article_es"], "las");

  const json row = {{"name_es", "Cumbres Negra"}, {"course", "drink"}, {"price", "22"},
                    {"article_es", " la "},      {"staple", "false"}, {"external_id", "B-1"}};
  auto beer = MenuItemFromJson(row, {.text_values = true});
  ASSERT_TRUE(beer.ok()) << beer.status().ToString();
  EXPECT_EQ(beer->value.article_es, SpanishArticle::kLa);
  EXPECT_EQ(ToJson(beer->value)["article_es"], "la");

  const json water = {{"name_es", "Agua mineral"}, {"course", "drink"}, {"price", 9},
                      {"staple", true}};
  auto parsed = MenuItemFromJson(water);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->value.staple);
  EXPECT_EQ(ToJson(parsed->value)["article_es"], "el") << "el agua";
}

TEST(EntityJsonTest, MoneyAcceptsSolesNumberTextOrCentimos) {
  const std::vector<std::pair<json, Centimos>> cases = {
      {{{"price", 45.5}}, 4550},
      {{{"price", 45}}, 4500},
      {{{"price", "45.50"}}, 4550},
      {{{"price_centimos", 4550}}, 4550},
      {{{"price", "45.50"}, {"price_centimos", 4550}}, 4550},
  };
  for (const auto& [patch, want] : cases) {
    json j = {{"name_es", "Pisco sour"}, {"course", "drink"}};
    j.update(patch);
    auto parsed = MenuItemFromJson(j);
    ASSERT_TRUE(parsed.ok()) << patch.dump() << ": " << parsed.status().ToString();
    EXPECT_EQ(parsed->value.price, want) << patch.dump();
  }
}

TEST(EntityJsonTest, ExternalReferencesAreReturnedForResolution) {
  auto parsed = OrderLineFromJson(
      {{"visit_external_id", "V-ñ-1"}, {"item_id", 12}, {"modifiers", {"sin cebolla"}}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->refs.visit, "V-ñ-1");
  EXPECT_FALSE(parsed->refs.item.has_value());
  EXPECT_EQ(parsed->value.item_id, 12);
  EXPECT_EQ(parsed->value.visit_id, 0);
}

TEST(EntityJsonTest, WritesCodesLimaTimesAndBothMoneyForms) {
  Visit v;
  v.id = 5;
  v.seated_at = FromLocal(2026, 11, 27, 20, 15, 0);
  v.spend = 4550;
  const json j = ToJson(v);
  EXPECT_EQ(j["seated_at"], "2026-11-27T20:15:00-05:00");
  EXPECT_EQ(j["spend"], "45.50");
  EXPECT_EQ(j["spend_centimos"], 4550);
  EXPECT_FALSE(j.contains("closed_at"));
  EXPECT_FALSE(j.contains("restaurant_id"));
}

// Serializes to text and back, so the round trip covers what a client sees.
template <typename T, typename Reader>
void ExpectRoundTrip(const T& original, Reader read) {
  const std::string text = ToJson(original).dump();
  auto parsed = read(json::parse(text), JsonReadOptions{});
  ASSERT_TRUE(parsed.ok()) << text << "\n" << parsed.status().ToString();
  EXPECT_EQ(ToJson(parsed->value).dump(), text);
}

constexpr const char* kEmoji = "\xF0\x9F\x8C\xB6\xEF\xB8\x8F";  // hot pepper

TEST(EntityJsonTest, EveryEntityRoundTripsWithAccentsAndEmoji) {
  const std::string emoji = kEmoji;
  MenuItem m{.id = 1,
             .restaurant_id = 2,
             .external_id = "M-ñ",
             .name_es = "Ají de gallina",
             .name_en = "Creamy chili chicken " + emoji,
             .course = Course::kMain,
             .category = "criollo",
             .ingredients = {"ají amarillo", "pecanas", "ñame"},
             .allergens = {Allergen::kDairy, Allergen::kTreeNut},
             .diet_tags = {},
             .spice_level = 2,
             .price = 4550,
             .available = false,
             .article_es = SpanishArticle::kEl,
             .staple = true};
  ExpectRoundTrip(m, MenuItemFromJson);
  EXPECT_EQ(ToJson(m)["name_es"], "Ají de gallina");

  Guest g{.id = 3,
          .restaurant_id = 2,
          .external_id = "G-1",
          .name = "Begoña Ñahui " + emoji,
          .email = "bego@example.pe",
          .phone = "+51 999 111 222",
          .language = Language::kPortuguese,
          .allergies = {Allergen::kShellfish},
          .dietary_needs = {DietTag::kPescatarian},
          .preferences = {"pisco", "cebiche"},
          .consent = {.personalization = true,
                      .marketing = false,
                      .updated_at = FromLocal(2026, 1, 2, 10, 0, 0)},
          .created_at = FromLocal(2025, 12, 31, 23, 59, 59)};
  ExpectRoundTrip(g, GuestFromJson);

  Reservation r{.id = 4,
                .restaurant_id = 2,
                .external_id = "R-ñ",
                .guest_id = 3,
                .reserved_for = FromLocal(2026, 7, 28, 21, 0, 0),
                .party_size = 6,
                .status = ReservationStatus::kNoShow,
                .channel = "whatsapp",
                .deposit = 10000,
                .created_at = FromLocal(2026, 7, 1, 9, 0, 0)};
  ExpectRoundTrip(r, ReservationFromJson);

  Visit v{.id = 5,
          .restaurant_id = 2,
          .external_id = "V-1",
          .guest_id = 3,
          .reservation_id = 4,
          .party_size = 6,
          .table = "Terraza ñ",
          .seated_at = FromLocal(2026, 7, 28, 21, 10, 0),
          .closed_at = FromLocal(2026, 7, 28, 23, 40, 0),
          .spend = 123456,
          .occasion = "birthday"};
  ExpectRoundTrip(v, VisitFromJson);

  OrderLine l{.id = 6,
              .restaurant_id = 2,
              .external_id = "L-1",
              .visit_id = 5,
              .item_id = 1,
              .quantity = 2,
              .modifiers = {"sin cebolla", "término medio " + emoji},
              .ordered_at = FromLocal(2026, 7, 28, 21, 30, 0)};
  ExpectRoundTrip(l, OrderLineFromJson);

  Feedback f{.id = 7,
             .restaurant_id = 2,
             .external_id = "F-1",
             .guest_id = 3,
             .visit_id = 5,
             .nps = 10,
             .stars = {.food = 5, .service = 4, .ambience = {}, .value = {}, .drinks = 5},
             .text = "El ají de gallina, buenazo " + emoji + "; el pisco sour, ñaño!",
             .language = Language::kSpanish,
             .channel = "survey",
             .created_at = FromLocal(2026, 7, 29, 12, 0, 0)};
  ExpectRoundTrip(f, FeedbackFromJson);

  BehaviourEvent e{.id = 8,
                   .restaurant_id = 2,
                   .external_id = "E-1",
                   .guest_id = 3,
                   .visit_id = 5,
                   .item_id = 1,
                   .type = EventType::kRecommendationAccepted,
                   .at = FromLocal(2026, 7, 28, 21, 20, 0)};
  ExpectRoundTrip(e, EventFromJson);

  SocialMention s{.id = 9,
                  .restaurant_id = 2,
                  .external_id = "IG-1",
                  .platform = "instagram",
                  .author = "@limeña_foodie",
                  .text = "Cuy confitado " + emoji + " ¡qué rico!",
                  .language = Language::kSpanish,
                  .rating = 5,
                  .url = "https://instagram.com/p/ñ",
                  .posted_at = FromLocal(2026, 7, 30, 8, 0, 0)};
  ExpectRoundTrip(s, MentionFromJson);
}

TEST(EntityJsonTest, RoundTripKeepsBytesExactly) {
  const std::string name = std::string("Ají de gallina ñ ") + kEmoji;
  Guest guest;
  guest.name = name;
  auto parsed = GuestFromJson(json::parse(ToJson(guest).dump()));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->value.name, name);
}

}  // namespace
}  // namespace sobremesa
