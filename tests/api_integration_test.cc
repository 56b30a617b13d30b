// The HTTP API end to end: a real server on an ephemeral port over a real
// SQLite store holding a small demo restaurant.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "domain/dietary_rules.h"
#include "tests/test_server.h"

namespace sobremesa::testing {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new TestServer(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& server() { return *server_; }

  std::map<Id, MenuItem> Menu() {
    std::map<Id, MenuItem> menu;
    const auto items = server().store().ListMenu(server().restaurant());
    EXPECT_TRUE(items.ok()) << items.status().ToString();
    for (const MenuItem& m : *items) menu[m.id] = m;
    return menu;
  }
  std::vector<Guest> AllGuests() { return *server().store().ListGuests(server().restaurant(), 100000, 0); }
  EntityCounts Counts() { return *server().store().Counts(server().restaurant()); }

 private:
  static TestServer* server_;
};
TestServer* ApiTest::server_ = nullptr;

TEST_F(ApiTest, HealthzAnswersOk) {
  auto r = server().Client()->Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(Body(r)["status"], "ok");
}

TEST_F(ApiTest, MenuListsEveryItemWithAllergensAndAvailability) {
  auto r = server().Client()->Get("/v1/menu");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  const auto body = Body(r);
  const auto menu = Menu();
  ASSERT_EQ(body["items"].size(), menu.size());
  for (const auto& item : body["items"]) {
    const MenuItem& stored = menu.at(item["id"].get<Id>());
    EXPECT_EQ(item["allergens"].get<std::vector<std::string>>(), AllergenCodes(stored.allergens));
    EXPECT_EQ(item["available"].get<bool>(), stored.available);
    EXPECT_EQ(item["name_es"], stored.name_es);
  }
}

TEST_F(ApiTest, GuestsArePagedInIdOrder) {
  auto client = server().Client();
  const auto first = Body(client->Get("/v1/guests?limit=5&offset=0"));
  const auto second = Body(client->Get("/v1/guests?limit=5&offset=5"));
  ASSERT_EQ(first["items"].size(), 5u);
  ASSERT_EQ(second["items"].size(), 5u);
  EXPECT_LT(first["items"][4]["id"].get<Id>(), second["items"][0]["id"].get<Id>());
  EXPECT_EQ(first["total"].get<std::int64_t>(), static_cast<std::int64_t>(AllGuests().size()));
}

TEST_F(ApiTest, GuestDetailCarriesAllergiesAndDietaryNeeds) {
  int checked = 0;
  auto client = server().Client();
  for (const Guest& g : AllGuests()) {
    if (g.allergies.empty() && g.dietary_needs.empty()) continue;
    const auto body = Body(client->Get("/v1/guests/" + std::to_string(g.id)));
    EXPECT_EQ(body["allergies"].get<std::vector<std::string>>(), AllergenCodes(g.allergies));
    EXPECT_EQ(body["dietary_needs"].get<std::vector<std::string>>(),
              DietTagCodes(g.dietary_needs));
    if (++checked == 20) break;
  }
  EXPECT_GT(checked, 0) << "the demo should have guests with allergies or diets";
}

// The rule above every model, checked over HTTP for every guest who
// declared an allergy or a diet.
TEST_F(ApiTest, RecommendationsNeverBreakAllergiesDietsOrAvailability) {
  const auto menu = Menu();
  auto client = server().Client();
  int guests_checked = 0;
  for (const Guest& g : AllGuests()) {
    if (g.allergies.empty() && g.dietary_needs.empty()) continue;
    ++guests_checked;
    auto r = client->Get("/v1/guests/" + std::to_string(g.id) + "/recommendations?k=100");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const auto body = Body(r);
    ASSERT_FALSE(body["items"].empty());
    for (const auto& item : body["items"]) {
      const MenuItem& m = menu.at(item["item_id"].get<Id>());
      EXPECT_EQ(ExclusionFor(m, g.allergies, g.dietary_needs), Exclusion::kNone)
          << "guest " << g.id << " got " << m.name_es;
      EXPECT_FALSE(item["reason"].get<std::string>().empty());
    }
  }
  EXPECT_GT(guests_checked, 10);
}

TEST_F(ApiTest, RecommendationsFollowCourseAndSkipWhatWasOrderedTonight) {
  const auto menu = Menu();
  const Guest guest = AllGuests().front();
  auto client = server().Client();
  const std::string base = "/v1/guests/" + std::to_string(guest.id) + "/recommendations";
  const auto mains = Body(client->Get(base + "?k=5&course=main"));
  ASSERT_FALSE(mains["items"].empty());
  for (const auto& item : mains["items"]) EXPECT_EQ(item["course"], "main");

  const Id top = mains["items"][0]["item_id"].get<Id>();
  const auto later = Body(client->Get(base + "?k=100&course=main&ordered=" + std::to_string(top)));
  for (const auto& item : later["items"]) EXPECT_NE(item["item_id"].get<Id>(), top);
  const auto drinks = Body(client->Get(base + "?k=3&course=drink&ordered=" + std::to_string(top)));
  ASSERT_FALSE(drinks["items"].empty());
  for (const auto& item : drinks["items"]) EXPECT_EQ(item["course"], "drink");
}

TEST_F(ApiTest, ReasonsFollowTheRequestedLanguage) {
  const Guest guest = AllGuests().front();
  auto client = server().Client();
  const std::string base = "/v1/guests/" + std::to_string(guest.id) + "/recommendations?k=1";
  const auto en = Body(client->Get(base + "&lang=en&course=dessert&at=2026-11-20T21:00:00"));
  const auto es = Body(client->Get(base + "&lang=es&course=dessert&at=2026-11-20T21:00:00"));
  ASSERT_EQ(en["items"].size(), 1u);
  EXPECT_NE(en["items"][0]["reason"], es["items"][0]["reason"]);
}

TEST_F(ApiTest, HybridModelRanksWithTheMealsContextAndSaysSo) {
  const Guest guest = AllGuests().front();
  auto client = server().Client();
  const std::string base = "/v1/guests/" + std::to_string(guest.id) + "/recommendations?k=5";
  const auto plain = Body(client->Get(base));
  ASSERT_TRUE(plain["model"].is_string()) << plain.dump();
  EXPECT_EQ(plain["model"].get<std::string>().rfind("hybrid:", 0), 0u) << plain["model"];
  const auto context = client->Get(base + "&party=6&occasion=birthday&at=2026-11-20T13:00:00");
  ASSERT_TRUE(context);
  ASSERT_EQ(context->status, 200) << context->body;
  EXPECT_EQ(Body(context)["items"].size(), 5u);
  const auto bad = client->Get(base + "&party=0");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("party"), std::string::npos) << bad->body;
}

TEST_F(ApiTest, DrinksForTonightsDishesPairWithThemAndSayWhich) {
  const auto menu = Menu();
  auto client = server().Client();
  int named = 0;
  for (const Guest& g : AllGuests()) {
    if (named >= 3) break;
    Id dish = 0;
    for (const auto& [id, m] : menu) {
      if (m.course == Course::kMain && ExclusionFor(m, g.allergies, g.dietary_needs) == Exclusion::kNone) dish = id;
    }
    if (dish == 0) continue;
    const auto drinks = Body(client->Get("/v1/guests/" + std::to_string(g.id) +
                                         "/recommendations?k=3&course=drink&lang=en&ordered=" +
                                         std::to_string(dish)));
    ASSERT_FALSE(drinks["items"].empty()) << drinks.dump();
    for (const auto& item : drinks["items"]) {
      EXPECT_EQ(item["course"], "drink");
      if (item["reason_kind"] == "pairs_with") {
        EXPECT_NE(item["reason"].get<std::string>().find(menu.at(dish).name_en), std::string::npos)
            << item["reason"];
        ++named;
      }
    }
  }
  EXPECT_GT(named, 0) << "no drink was explained by tonight's dish";
}

TEST_F(ApiTest, RejectedHybridModelFallsBackToCooccurrenceAndStaysSafe) {
  const std::string path = HybridModelPath(server().data_dir(), server().restaurant());
  const std::string saved = path + ".saved";
  std::filesystem::copy_file(path, saved, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::resize_file(path, 100);  // corrupt: truncated
  const auto menu_items = *server().store().ListMenu(server().restaurant());
  auto loaded = LoadHybridRecommender(server().data_dir(), server().restaurant(), menu_items);
  EXPECT_EQ(loaded.status().code(), StatusCode::kInvalidArgument);
  server().recommendations().SetHybridModel(server().restaurant(), nullptr);  // as serve does

  const auto menu = Menu();
  auto client = server().Client();
  for (const Guest& g : AllGuests()) {
    if (g.allergies.empty()) continue;
    const auto body = Body(client->Get("/v1/guests/" + std::to_string(g.id) + "/recommendations?k=100"));
    EXPECT_EQ(body["model"].get<std::string>().rfind("cooccurrence:", 0), 0u) << body["model"];
    for (const auto& item : body["items"]) {
      EXPECT_EQ(ExclusionFor(menu.at(item["item_id"].get<Id>()), g.allergies, g.dietary_needs),
                Exclusion::kNone);
    }
    break;
  }
  std::filesystem::rename(saved, path);
  auto restored = LoadHybridRecommender(server().data_dir(), server().restaurant(), menu_items);
  ASSERT_TRUE(restored.ok()) << restored.status().ToString();
  server().recommendations().SetHybridModel(server().restaurant(), *restored);
}

TEST_F(ApiTest, CreatedGuestRoundTripsUtf8AndIsProtectedAtOnce) {
  auto client = server().Client();
  const std::string name = "Ñuño Pérez-Ayllón 🍋";
  auto created = client->Post("/v1/guests",
                              R"({"name": ")" + name +
                                  R"(", "language": "es", "allergies": ["fish", "shellfish"]})",
                              "application/json");
  ASSERT_TRUE(created);
  ASSERT_EQ(created->status, 201) << created->body;
  const Id id = Body(created)["id"].get<Id>();
  const auto fetched = Body(client->Get("/v1/guests/" + std::to_string(id)));
  EXPECT_EQ(fetched["name"].get<std::string>(), name);

  const auto menu = Menu();
  const auto recs = Body(client->Get("/v1/guests/" + std::to_string(id) +
                                     "/recommendations?k=100&course=starter"));
  ASSERT_FALSE(recs["items"].empty());
  for (const auto& item : recs["items"]) {
    const MenuItem& m = menu.at(item["item_id"].get<Id>());
    EXPECT_FALSE(m.allergens.Intersects({Allergen::kFish, Allergen::kShellfish})) << m.name_es;
  }
}

TEST_F(ApiTest, NewVisitsShowInRecommendationsAtOnce) {
  auto client = server().Client();
  auto created = client->Post("/v1/guests", R"({"name": "Rosa Huamán"})", "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string guest = std::to_string(Body(created)["id"].get<Id>());
  const std::string recs = "/v1/guests/" + guest + "/recommendations?k=100&course=dessert";
  const auto before = Body(client->Get(recs));  // caches her (empty) history
  ASSERT_FALSE(before["items"].empty());
  const Id dessert = before["items"].back()["item_id"].get<Id>();
  for (const char* day : {"2026-11-01", "2026-11-08"}) {
    auto visit = client->Post("/v1/visits", R"({"guest_id": )" + guest + R"(, "seated_at": ")" +
                                                day + R"(T20:00", "party_size": 2})",
                              "application/json");
    ASSERT_EQ(visit->status, 201) << visit->body;
    auto order = client->Post("/v1/orders",
                              R"({"visit_id": )" + std::to_string(Body(visit)["id"].get<Id>()) +
                                  R"(, "item_id": )" + std::to_string(dessert) + "}",
                              "application/json");
    ASSERT_EQ(order->status, 201) << order->body;
  }
  const auto after = Body(client->Get(recs));
  bool favourite = false;
  for (const auto& item : after["items"]) {
    if (item["item_id"].get<Id>() == dessert) favourite = item["reason_kind"] == "favourite";
  }
  EXPECT_TRUE(favourite) << after.dump();
}

TEST_F(ApiTest, EventsAreAcceptedInBatches) {
  const Guest guest = AllGuests().front();
  const Id item = Menu().begin()->first;
  const std::string g = std::to_string(guest.id), i = std::to_string(item);
  const std::string body = R"([{"guest_id": )" + g + R"(, "type": "viewed", "item_id": )" + i +
                           R"(, "at": "2026-11-20T20:00:00"},
      {"guest_id": )" + g + R"(, "type": "recommendation_accepted", "item_id": )" + i +
                           R"(, "at": "2026-11-20T20:05:00"}])";
  const auto before = Counts().events;
  auto r = server().Client()->Post("/v1/events", body, "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 201) << r->body;
  EXPECT_EQ(Body(r)["ids"].size(), 2u);
  EXPECT_EQ(Counts().events, before + 2);
}

TEST_F(ApiTest, AnotherRestaurantSeesNoneOfThisOnesGuests) {
  Restaurant other;
  other.external_id = "other-house";
  other.name = "Otra Casa";
  const Id other_id = *server().store().UpsertRestaurant(other);
  const Guest guest = AllGuests().front();
  httplib::Headers tenant{{"X-Restaurant-Id", std::to_string(other_id)}};
  auto r = server().Client()->Get("/v1/guests/" + std::to_string(guest.id), tenant);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404) << r->body;
}

struct BadRequest {
  std::string method, path, body;
  int status;
  std::string message;  // a part of the error message naming the problem
  httplib::Headers headers = {};
};

TEST_F(ApiTest, BadInputGetsA4xxNamingTheProblemAndStoresNothing) {
  const std::string guest = std::to_string(AllGuests().front().id);
  const std::string item = std::to_string(Menu().begin()->first);
  const BadRequest cases[] = {
      {"POST", "/v1/guests", "{not json", 400, "not valid JSON"},
      {"POST", "/v1/guests", "", 400, "empty"},
      {"POST", "/v1/guests", "42", 400, "object"},
      {"POST", "/v1/guests", R"({"name": 5})", 400, "name"},
      {"POST", "/v1/guests", R"({"name": "Ana", "allergies": ["nuts"]})", 400, "tree_nut"},
      {"POST", "/v1/guests", "{\"name\": \"caf\xC3\"}", 400, "UTF-8"},
      {"POST", "/v1/guests", R"({"name": ")" + std::string(70 * 1024, 'a') + R"("})", 413,
       "exceeds"},
      {"POST", "/v1/guests", R"([{"name": "Ana"}, {"name": 7}])", 400, "[1]"},
      {"POST", "/v1/visits", R"({"guest_id": 99999999, "seated_at": "2026-11-20T20:00", "party_size": 2})",
       404, "99999999"},
      {"POST", "/v1/visits", R"({"guest_id": )" + guest + R"(, "seated_at": "2026-11-20T20:00", "party_size": "dos"})",
       400, "party_size"},
      {"POST", "/v1/reservations", R"({"reserved_for": "1899-07-28T20:00", "party_size": 2})", 400,
       "out of range"},
      {"POST", "/v1/orders", R"({"visit_id": 99999999, "item_id": )" + item + "}", 404, "99999999"},
      {"PUT", "/v1/guests/99999999", R"({"name": "Nadie"})", 404, "99999999"},
      {"GET", "/v1/guests/99999999", "", 404, "99999999"},
      {"GET", "/v1/guests/abc", "", 400, "id"},
      {"GET", "/v1/guests?limit=-1", "", 400, "limit"},
      {"GET", "/v1/guests/" + guest + "/recommendations?k=0", "", 400, "k"},
      {"GET", "/v1/guests/" + guest + "/recommendations?course=brunch", "", 400, "course"},
      {"GET", "/v1/guests/" + guest + "/recommendations?ordered=1,x", "", 400, "ordered"},
      {"GET", "/v1/guests/" + guest + "/recommendations?at=2200-01-01", "", 400, "at"},
      {"GET", "/v1/nowhere", "", 404, "no route"},
      {"DELETE", "/v1/menu", "", 405, "not allowed"},
      {"GET", "/v1/menu", "", 404, "999", {{"X-Restaurant-Id", "999"}}},
      {"GET", "/v1/menu", "", 400, "X-Restaurant-Id", {{"X-Restaurant-Id", "uno"}}},
  };
  const EntityCounts before = Counts();
  auto client = server().Client();
  for (const BadRequest& c : cases) {
    httplib::Request req;
    req.method = c.method;
    req.path = c.path;
    req.headers = c.headers;
    req.body = c.body;
    if (!c.body.empty()) req.set_header("Content-Type", "application/json");
    auto r = client->send(req);
    ASSERT_TRUE(r) << c.method << " " << c.path;
    EXPECT_EQ(r->status, c.status) << c.method << " " << c.path.substr(0, 80) << " -> " << r->body;
    const auto body = Body(r);
    ASSERT_TRUE(body.is_object()) << "error bodies are JSON: " << r->body;
    const std::string message = body["error"]["message"].get<std::string>();
    EXPECT_NE(message.find(c.message), std::string::npos)
        << c.method << " " << c.path.substr(0, 80) << " -> " << message;
  }
  const EntityCounts after = Counts();
  EXPECT_EQ(after.guests, before.guests);
  EXPECT_EQ(after.visits, before.visits);
  EXPECT_EQ(after.reservations, before.reservations);
  EXPECT_EQ(after.order_lines, before.order_lines);
  auto health = server().Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200) << "the server keeps serving";
}

}  // namespace
}  // namespace sobremesa::testing
