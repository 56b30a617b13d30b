// The HTTP API end to end: a real server on an ephemeral port over a real
// SQLite store holding a small demo restaurant.

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <span>
#include <sstream>

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

// The behaviour routes on a server of their own: the model is trained in
// SetUpTestSuite after checking that the routes refuse to answer without it.
class BehaviourApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer();
    untrained_status_ = server_->Client()->Get("/v1/segments")->status;
    server_->TrainBehaviourModel();
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  static TestServer& server() { return *server_; }
  static std::vector<Guest> Guests() {
    return *server().store().ListGuests(server().restaurant(), 100000, 0);
  }
  // Guests the model has no prediction for (the demo's period has ended, so
  // every visit in the store is older than the training instant).
  static std::int64_t GuestsWithoutVisits() {
    std::int64_t n = 0;
    for (const Guest& g : Guests()) {
      n += server().store().ListGuestVisits(server().restaurant(), g.id)->empty();
    }
    return n;
  }

  static TestServer* server_;
  static int untrained_status_;
};
TestServer* BehaviourApiTest::server_ = nullptr;
int BehaviourApiTest::untrained_status_ = 0;

void ExpectProbability(const nlohmann::json& value, const std::string& what) {
  ASSERT_TRUE(value.is_number()) << what << ": " << value.dump();
  EXPECT_GE(value.get<double>(), 0) << what;
  EXPECT_LE(value.get<double>(), 1) << what;
}

TEST_F(BehaviourApiTest, RoutesAnswer412WithWhatToRunBeforeTraining) {
  EXPECT_EQ(untrained_status_, 412);
  Restaurant other;
  other.external_id = "untrained-behaviour";
  const Id id = *server().store().UpsertRestaurant(other);
  auto client = server().Client();
  for (const std::string path : {"/v1/segments", "/v1/reservations/tonight", "/v1/guests/1/outlook",
                                 "/v1/segments/1/members", "/v1/segments/1/export"}) {
    auto r = client->Get(path, {{"X-Restaurant-Id", std::to_string(id)}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 412) << path;
    EXPECT_NE(Body(r)["error"]["message"].get<std::string>().find("sobremesa train behaviour"),
              std::string::npos)
        << path << " -> " << r->body;
  }
}

TEST_F(BehaviourApiTest, OutlookOfEveryVisitorIsFiniteAndNamesASegment) {
  auto client = server().Client();
  int predicted = 0, unpredicted = 0;
  for (const Guest& g : Guests()) {
    auto r = client->Get("/v1/guests/" + std::to_string(g.id) + "/outlook");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << r->body;
    const auto body = Body(r);
    ASSERT_TRUE(body.is_object()) << "no NaN may break the JSON: " << r->body;
    if (!body["predicted"].get<bool>()) {
      EXPECT_TRUE(body["probability_alive"].is_null());
      EXPECT_TRUE(body["segment"].is_null());
      EXPECT_TRUE(body.contains("note"));
      ++unpredicted;
      continue;
    }
    ++predicted;
    ExpectProbability(body["probability_alive"], "probability_alive");
    ExpectProbability(body["churn_risk"], "churn_risk");
    EXPECT_GE(body["expected_visits_90d"].get<double>(), 0);
    EXPECT_GE(body["expected_value_90d_soles"].get<double>(), 0);
    EXPECT_FALSE(body["segment"]["description"].get<std::string>().empty());
    EXPECT_GE(body["rfm"]["recency"].get<int>(), 1);
  }
  EXPECT_GT(predicted, 100);
  EXPECT_EQ(GuestsWithoutVisits(), unpredicted);
}

TEST_F(BehaviourApiTest, GuestWhoFirstCameAfterTrainingGetsNullsAndANote) {
  Guest g;
  g.restaurant_id = server().restaurant();
  g.name = "Recién llegada";
  const Id id = server().store().UpsertGuests(std::vector<Guest>{g})->front();
  const auto body = Body(server().Client()->Get("/v1/guests/" + std::to_string(id) + "/outlook"));
  EXPECT_FALSE(body["predicted"].get<bool>());
  EXPECT_TRUE(body["expected_value_90d_soles"].is_null());
  EXPECT_NE(body["note"].get<std::string>().find("nothing to forecast"), std::string::npos);
  EXPECT_EQ(server().Client()->Get("/v1/guests/99999999/outlook")->status, 404);
}

TEST_F(BehaviourApiTest, TonightIsTodaysBookSortedByNoShowRisk) {
  const auto r = server().Client()->Get("/v1/reservations/tonight");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto items = Body(r)["items"];
  ASSERT_FALSE(items.empty()) << "the demo books the evenings after its period";
  double previous = 2;
  for (const auto& item : items) {
    EXPECT_NE(item["status"], "cancelled");
    EXPECT_EQ(item["reserved_for"].get<std::string>().substr(0, 10),
              FormatTimestamp(server().now()).substr(0, 10));
    if (item["no_show_risk"].is_null()) {
      previous = -1;  // settled ones come last
      continue;
    }
    ExpectProbability(item["no_show_risk"], "no_show_risk");
    EXPECT_LE(item["no_show_risk"].get<double>(), previous);
    previous = item["no_show_risk"].get<double>();
  }
}

TEST_F(BehaviourApiTest, APastOrMalformedDateIs400WithTheReason) {
  auto client = server().Client();
  auto past = client->Get("/v1/reservations/tonight?date=2026-01-15");
  ASSERT_TRUE(past);
  EXPECT_EQ(past->status, 400);
  EXPECT_NE(Body(past)["error"]["message"].get<std::string>().find("before today"),
            std::string::npos);
  EXPECT_EQ(client->Get("/v1/reservations/tonight?date=tomorrow")->status, 400);
  const std::string tomorrow = FormatTimestamp(server().now() + 86400).substr(0, 10);
  EXPECT_EQ(client->Get("/v1/reservations/tonight?date=" + tomorrow)->status, 200);
}

// The date is the caller's to fix whether or not training has run, so a
// malformed or past one is a 400 naming it before the 412 of a restaurant
// without a model.
TEST_F(BehaviourApiTest, ABadDateIs400EvenBeforeTraining) {
  Restaurant other;
  other.external_id = "untrained-tonight";
  const httplib::Headers tenant{
      {"X-Restaurant-Id", std::to_string(*server().store().UpsertRestaurant(other))}};
  auto client = server().Client();
  for (const std::string date : {"tomorrow", "2026-01-15"}) {
    auto r = client->Get("/v1/reservations/tonight?date=" + date, tenant);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400) << date << " -> " << r->body;
    EXPECT_EQ(Body(r)["error"]["message"].get<std::string>().rfind("date", 0), 0u) << r->body;
  }
  const std::string tomorrow = FormatTimestamp(server().now() + 86400).substr(0, 10);
  EXPECT_EQ(client->Get("/v1/reservations/tonight?date=" + tomorrow, tenant)->status, 412);
}

TEST_F(BehaviourApiTest, SegmentsCoverEveryVisitorAndMembersBelongToTheirSegment) {
  auto client = server().Client();
  const auto segments = Body(client->Get("/v1/segments"))["items"];
  ASSERT_GE(segments.size(), 1u);
  std::int64_t total = 0;
  for (const auto& s : segments) {
    EXPECT_FALSE(s["description"].get<std::string>().empty());
    ExpectProbability(s["mean_churn_risk"], "mean_churn_risk");
    total += s["size"].get<std::int64_t>();
    const std::string id = std::to_string(s["id"].get<int>());
    const auto members = Body(client->Get("/v1/segments/" + id + "/members?limit=1000"));
    EXPECT_EQ(members["total"], s["size"]);
    for (const auto& m : members["items"]) EXPECT_EQ(m["segment"]["id"], s["id"]);
  }
  EXPECT_EQ(total, std::int64_t(Guests().size()) - GuestsWithoutVisits());
  EXPECT_EQ(client->Get("/v1/segments/77/members")->status, 404);
}

// Ley 29733: an erasure takes effect at once, not at the next training,
// in the lists marketing reads (members with their churn risk, the export).
TEST_F(BehaviourApiTest, AnErasedGuestLeavesSegmentListsAtOnce) {
  auto client = server().Client();
  const auto before = Body(client->Get("/v1/segments/1/members?limit=1000"));
  ASSERT_GE(before["items"].size(), 2u) << before;
  const Id erased = before["items"][0]["guest_id"].get<Id>();
  ASSERT_EQ(client->Delete("/v1/guests/" + std::to_string(erased))->status, 200);

  const auto after = Body(client->Get("/v1/segments/1/members?limit=1000"));
  EXPECT_EQ(after["total"].get<std::int64_t>(), before["total"].get<std::int64_t>() - 1);
  for (const auto& m : after["items"]) EXPECT_NE(m["guest_id"].get<Id>(), erased);
  EXPECT_EQ(after["items"][0]["guest_id"], before["items"][1]["guest_id"]);
  EXPECT_EQ(client->Get("/v1/guests/" + std::to_string(erased) + "/outlook")->status, 404);
  const auto csv = client->Get("/v1/segments/1/export");
  ASSERT_EQ(csv->status, 200);
  EXPECT_EQ(csv->body.find("\n" + std::to_string(erased) + ","), std::string::npos) << csv->body;
}

TEST_F(BehaviourApiTest, SegmentExportIsCsvOfMarketingConsentedMembersOnly) {
  auto client = server().Client();
  const auto r = client->Get("/v1/segments/1/export");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type").substr(0, 8), "text/csv");
  std::set<Id> exported;
  std::istringstream lines(r->body);
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.substr(0, 9), "guest_id,");
  while (std::getline(lines, line)) exported.insert(std::stoll(line.substr(0, line.find(','))));
  const auto members = Body(client->Get("/v1/segments/1/members?limit=1000"))["items"];
  std::set<Id> consenting;
  for (const auto& m : members) {
    const Id id = m["guest_id"].get<Id>();
    if (server().store().GetGuest(server().restaurant(), id)->consent.marketing) consenting.insert(id);
  }
  EXPECT_EQ(exported, consenting);
  EXPECT_LT(consenting.size(), members.size()) << "the demo has guests who declined marketing";
}

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

// A table just seated hears about starters; once a main is ordered, about
// desserts; still water (a staple) only when asked for.
TEST_F(ApiTest, WithoutACourseTheMealsNextCourseIsSuggestedAndWaterOnlyWhenAsked) {
  const auto menu = Menu();
  Id water = 0, main = 0;
  for (const auto& [id, m] : menu) {
    if (m.staple) water = id;
    if (m.course == Course::kMain && m.allergens.empty() && m.diet_tags.empty()) main = id;
  }
  ASSERT_NE(water, 0) << "the demo's still water is a staple";
  const Guest guest = AllGuests().front();
  auto client = server().Client();
  const std::string base = "/v1/guests/" + std::to_string(guest.id) + "/recommendations";
  const auto seated = Body(client->Get(base + "?k=5"));
  ASSERT_EQ(seated["items"].size(), 5u) << seated.dump();
  for (const auto& item : seated["items"]) EXPECT_EQ(item["course"], "starter") << item.dump();
  if (main != 0) {
    const auto after_main = Body(client->Get(base + "?k=5&ordered=" + std::to_string(main)));
    ASSERT_FALSE(after_main["items"].empty());
    for (const auto& item : after_main["items"]) EXPECT_EQ(item["course"], "dessert");
  }
  auto offers_water = [&](const std::string& query) {
    const auto body = Body(client->Get(base + query));
    EXPECT_FALSE(body["items"].empty()) << query;
    for (const auto& item : body["items"]) {
      if (item["item_id"].get<Id>() == water) return true;
    }
    return false;
  };
  EXPECT_FALSE(offers_water("?k=100&course=drink"));
  EXPECT_FALSE(offers_water("?k=100"));
  EXPECT_TRUE(offers_water("?k=100&course=drink&staples=true"));
  auto bad = client->Get(base + "?staples=maybe");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("staples"), std::string::npos) << bad->body;
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

// PUT replaces the whole guest; a client that sent only a new phone number
// would otherwise clear the allergies that keep dishes off the guest's list.
TEST_F(ApiTest, APutMustStateAllergiesAndDietsSoLeavingThemOutCannotClearThem) {
  auto client = server().Client();
  auto created = client->Post(
      "/v1/guests", R"({"name": "Inés", "allergies": ["fish"], "dietary_needs": ["vegetarian"]})",
      "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string path = "/v1/guests/" + std::to_string(Body(created)["id"].get<Id>());
  auto partial = client->Put(path, R"({"name": "Inés", "phone": "+51 999 111 222"})",
                             "application/json");
  ASSERT_TRUE(partial);
  EXPECT_EQ(partial->status, 400);
  EXPECT_EQ(Body(partial)["error"]["message"],
            "allergies: required by PUT, which replaces the whole record (send [] to clear it)");
  auto no_diets = client->Put(path, R"({"name": "Inés", "allergies": ["fish"]})",
                              "application/json");
  EXPECT_EQ(no_diets->status, 400);
  auto stored = Body(client->Get(path));
  EXPECT_EQ(stored["allergies"], nlohmann::json::array({"fish"})) << "unchanged";
  EXPECT_EQ(stored["dietary_needs"], nlohmann::json::array({"vegetarian"}));
  EXPECT_TRUE(stored["phone"].get<std::string>().empty());

  auto cleared = client->Put(path, R"({"name": "Inés", "allergies": [], "dietary_needs": []})",
                             "application/json");
  ASSERT_EQ(cleared->status, 200) << cleared->body;
  EXPECT_TRUE(Body(cleared)["allergies"].empty()) << "stated as empty, so cleared";
}

TEST_F(ApiTest, AGuestsRecordsHoldEverythingStoredOfThemAndNothingOfOthers) {
  auto client = server().Client();
  auto created = client->Post("/v1/guests", R"({"name": "Pilar Cóndor", "allergies": ["dairy"]})",
                              "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string id = std::to_string(Body(created)["id"].get<Id>());
  const std::string item = std::to_string(Menu().begin()->first);
  auto visit = client->Post(
      "/v1/visits", R"({"guest_id": )" + id + R"(, "seated_at": "2026-11-02T20:00", "party_size": 2})",
      "application/json");
  ASSERT_EQ(visit->status, 201) << visit->body;
  const std::string visit_id = std::to_string(Body(visit)["id"].get<Id>());
  const std::pair<const char*, std::string> writes[] = {
      {"/v1/orders", R"({"visit_id": )" + visit_id + R"(, "item_id": )" + item + "}"},
      {"/v1/feedback", R"({"guest_id": )" + id + R"(, "visit_id": )" + visit_id +
                           R"(, "text": "El ceviche estaba delicioso."})"},
      {"/v1/events", R"({"guest_id": )" + id + R"(, "type": "viewed", "item_id": )" + item +
                         R"(, "at": "2026-11-02T20:05"})"},
      {"/v1/reservations", R"({"guest_id": )" + id +
                               R"(, "reserved_for": "2026-12-24T21:00", "party_size": 4})"}};
  for (const auto& [path, body] : writes) {
    auto r = client->Post(path, body, "application/json");
    ASSERT_EQ(r->status, 201) << path << " -> " << r->body;
  }

  auto answer = client->Get("/v1/guests/" + id + "/records");
  ASSERT_TRUE(answer);
  ASSERT_EQ(answer->status, 200) << answer->body;
  const auto records = Body(answer);
  EXPECT_EQ(records["guest"]["name"], "Pilar Cóndor");
  EXPECT_EQ(records["guest"]["allergies"], nlohmann::json::array({"dairy"}));
  for (const char* kind : {"reservations", "visits", "orders", "feedback", "events"}) {
    ASSERT_EQ(records[kind].size(), 1u) << kind << ": " << records[kind];
  }
  EXPECT_EQ(records["orders"][0]["visit_id"].get<Id>(), Body(visit)["id"].get<Id>());
  EXPECT_EQ(records["feedback"][0]["text"], "El ceviche estaba delicioso.");
  EXPECT_EQ(records["feedback"][0]["analysis"]["status"], "analysed") << records["feedback"];
  EXPECT_EQ(records["events"][0]["guest_id"].get<Id>(), Body(created)["id"].get<Id>());
}

TEST_F(ApiTest, AnErasedGuestIsGoneFromEveryRouteAtOnceAndCannotBeReimported) {
  auto client = server().Client();
  auto created = client->Post("/v1/guests", R"({"name": "Olga Mamani", "external_id": "CRM-77"})",
                              "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const Id id = Body(created)["id"].get<Id>();
  const std::string guest = "/v1/guests/" + std::to_string(id);
  auto visit = client->Post("/v1/visits", R"({"guest_id": )" + std::to_string(id) +
                                              R"(, "seated_at": "2026-11-01T20:00", "party_size": 2})",
                            "application/json");
  ASSERT_EQ(visit->status, 201) << visit->body;
  auto order = client->Post("/v1/orders",
                            R"({"visit_id": )" + std::to_string(Body(visit)["id"].get<Id>()) +
                                R"(, "item_id": )" + std::to_string(Menu().begin()->first) + "}",
                            "application/json");
  ASSERT_EQ(order->status, 201) << order->body;
  // Caches her history, which the erasure must drop.
  ASSERT_EQ(client->Get(guest + "/recommendations")->status, 200);
  const EntityCounts before = Counts();

  auto erased = client->Delete(guest);
  ASSERT_TRUE(erased);
  ASSERT_EQ(erased->status, 200) << erased->body;
  const auto what = Body(erased)["erased"];
  EXPECT_EQ(what["guest_id"].get<Id>(), id);
  EXPECT_EQ(what["visits"], 1);
  EXPECT_EQ(what["order_lines"], 1);
  EXPECT_EQ(Counts().guests, before.guests - 1);
  EXPECT_EQ(Counts().order_lines, before.order_lines - 1);
  for (const std::string& path :
       {guest, guest + "/visits", guest + "/records", guest + "/recommendations",
        guest + "/warning"}) {
    auto r = client->Get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, 404) << path << " -> " << r->body;
  }
  EXPECT_EQ(client->Delete(guest)->status, 404) << "already erased";

  auto back = client->Post("/v1/guests", R"({"name": "Olga Mamani", "external_id": "CRM-77"})",
                           "application/json");
  ASSERT_TRUE(back);
  EXPECT_EQ(back->status, 409) << back->body;
  EXPECT_NE(Body(back)["error"]["message"].get<std::string>().find("erased at their request"),
            std::string::npos)
      << back->body;
  EXPECT_EQ(Counts().guests, before.guests - 1);
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

// Sends each request and checks its status and that its JSON error names the
// problem.
void ExpectErrors(const TestServer& server, std::span<const BadRequest> cases) {
  auto client = server.Client();
  for (const BadRequest& c : cases) {
    httplib::Request req;
    req.method = c.method;
    req.path = c.path;
    req.headers = c.headers;
    req.body = c.body;
    if (!c.body.empty()) req.set_header("Content-Type", "application/json");
    auto r = client->send(req);
    ASSERT_TRUE(r) << c.method << " " << c.path;
    EXPECT_EQ(r->status, c.status) << c.method << " " << c.path.substr(0, 80) << " "
                                   << c.body.substr(0, 60) << " -> " << r->body;
    const auto body = Body(r);
    ASSERT_TRUE(body.is_object()) << "error bodies are JSON: " << r->body;
    const std::string message = body["error"]["message"].get<std::string>();
    EXPECT_NE(message.find(c.message), std::string::npos)
        << c.method << " " << c.path.substr(0, 80) << " -> " << message;
  }
}

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
      {"PUT", "/v1/guests/99999999",
       R"({"name": "Nadie", "allergies": [], "dietary_needs": []})", 404, "99999999"},
      {"GET", "/v1/guests/99999999", "", 404, "99999999"},
      {"GET", "/v1/guests/abc", "", 400, "id"},
      {"GET", "/v1/guests?limit=-1", "", 400, "limit"},
      {"GET", "/v1/guests/" + guest + "/recommendations?k=0", "", 400, "k"},
      {"GET", "/v1/guests/" + guest + "/recommendations?course=brunch", "", 400, "course"},
      {"GET", "/v1/guests/" + guest + "/recommendations?ordered=1,x", "", 400, "ordered"},
      {"GET", "/v1/guests/" + guest + "/recommendations?cours=main", "", 400,
       "cours: unknown query parameter"},
      {"GET", "/v1/guests/" + guest + "/recommendations?ordered=" + item + "&ordered=" + item, "",
       400, "ordered: given 2 times"},
      // An id off the menu steered nothing and hid nothing, silently.
      {"GET", "/v1/guests/" + guest + "/recommendations?ordered=" + item + ",99999999", "", 400,
       "ordered: item 99999999 is not on the menu of restaurant"},
      {"GET", "/v1/guests/" + guest + "/recommendations?at=2200-01-01", "", 400, "at"},
      {"GET", "/v1/guests/" + guest + "/recommendations?occasion=Birthday", "", 400,
       "occasion: expected birthday, anniversary, business, celebration or date, got 'Birthday'"},
      {"GET", "/v1/nowhere", "", 404, "no route"},
      {"DELETE", "/v1/menu", "", 405, "not allowed"},
      {"GET", "/v1/menu", "", 404, "999", {{"X-Restaurant-Id", "999"}}},
      {"GET", "/v1/menu", "", 400, "X-Restaurant-Id", {{"X-Restaurant-Id", "uno"}}},
  };
  const EntityCounts before = Counts();
  ExpectErrors(server(), cases);
  const EntityCounts after = Counts();
  EXPECT_EQ(after.guests, before.guests);
  EXPECT_EQ(after.visits, before.visits);
  EXPECT_EQ(after.reservations, before.reservations);
  EXPECT_EQ(after.order_lines, before.order_lines);
  auto health = server().Client()->Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200) << "the server keeps serving";
}

// A key the record does not have was ignored: a guest posted with a
// misspelt "allergy" (or a menu item's "allergens") was stored without
// their allergies, and the rule that keeps those dishes off their list had
// nothing to apply. The body's own id and restaurant_id were ignored too,
// so a POST of a stored record stored it again as a new one, and a record
// meant for another restaurant went to the default one.
TEST_F(ApiTest, AnUnknownFieldOrAnotherRecordsKeysIs400AndStoresNothing) {
  auto client = server().Client();
  const Guest stored = AllGuests().front();
  const std::string id = std::to_string(stored.id);
  Restaurant other;
  other.external_id = "keys-elsewhere";
  const std::string other_id = std::to_string(*server().store().UpsertRestaurant(other));
  const std::string tenant = std::to_string(server().restaurant());
  const BadRequest cases[] = {
      {"POST", "/v1/guests", R"({"name": "Ana", "allergy": ["fish"]})", 400,
       "allergy: unknown field (the fields are id, restaurant_id, external_id, name,"},
      {"POST", "/v1/guests", R"({"name": "Ana", "allergens": ["fish"]})", 400, "allergens: unknown"},
      {"POST", "/v1/guests", R"([{"name": "Ana"}, {"name": "Eva", "alergias": ["fish"]}])", 400,
       "[1]: alergias: unknown field"},
      {"POST", "/v1/guests", R"({"name": "Ana", "consent": {"marketting": true}})", 400,
       "consent.marketting: unknown field"},
      {"PUT", "/v1/guests/" + id,
       R"({"name": "Ana", "allergies": [], "dietary_needs": [], "diet": ["vegan"]})", 400,
       "diet: unknown field"},
      {"POST", "/v1/feedback", R"({"nps": 9, "stars": {"fod": 5}})", 400, "stars.fod: unknown"},
      {"POST", "/v1/events", R"({"guest_id": )" + id + R"(, "type": "viewed", "at": "2026-11-20T20:00", "item": 3})",
       400, "item: unknown field"},
      {"POST", "/v1/guests", R"({"name": "Ana", "id": )" + id + "}", 400,
       "replace record " + id + " with PUT /v1/guests/" + id},
      {"POST", "/v1/events", R"({"id": 5, "guest_id": )" + id + R"(, "type": "viewed", "at": "2026-11-20T20:00"})",
       400, "takes no id"},
      {"PUT", "/v1/guests/" + id,
       R"({"id": 99999999, "name": "Ana", "allergies": [], "dietary_needs": []})", 400,
       "id: 99999999 disagrees with the path's id " + id},
      {"POST", "/v1/guests", R"({"name": "Ana", "restaurant_id": )" + other_id + "}", 400,
       "restaurant_id: " + other_id + " is not the restaurant this request acts for (" + tenant},
      // The parser kept the last of a key named twice: Ana without her fish allergy.
      {"POST", "/v1/guests", R"({"name": "Ana", "allergies": ["fish"], "allergies": []})", 400,
       "allergies: named twice in one JSON object"},
      {"POST", "/v1/guests", R"([{"name": "Eva"}, {"name": "Ana", "consent": {"marketing": false, "marketing": true}}])",
       400, "consent.marketing: named twice"},
      {"POST", "/v1/feedback/analyze", R"({"text": "Rico.", "text": "Horrible."})", 400,
       "text: named twice"},
  };
  const EntityCounts before = Counts();
  ExpectErrors(server(), cases);
  const EntityCounts after = Counts();
  EXPECT_EQ(after.guests, before.guests);
  EXPECT_EQ(after.feedback, before.feedback);
  EXPECT_EQ(after.events, before.events);
  EXPECT_EQ(Body(client->Get("/v1/guests/" + id))["name"], stored.name) << "unchanged";

  // What GET gives back is accepted whole: a read record can be sent again.
  const nlohmann::json read = Body(client->Get("/v1/guests/" + id));
  auto put = client->Put("/v1/guests/" + id, read.dump(), "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Body(put), read);
}

// A PUT from a form that does not know the guest's POS key cleared it, and
// the next import from the POS stored the guest a second time.
TEST_F(ApiTest, APutWithoutExternalIdKeepsItAndAnEmptyOneClearsIt) {
  auto client = server().Client();
  auto created = client->Post("/v1/guests", R"({"name": "Juana Quispe", "external_id": "POS-4410"})",
                              "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string guest = "/v1/guests/" + std::to_string(Body(created)["id"].get<Id>());
  auto put = client->Put(guest, R"({"name": "Juana Quispe", "phone": "+51 987 654 321",
                                    "allergies": [], "dietary_needs": []})",
                         "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Body(put)["external_id"], "POS-4410");
  EXPECT_EQ(Body(put)["phone"], "+51 987 654 321");
  auto again = client->Post("/v1/guests", R"({"name": "Juana Quispe", "external_id": "POS-4410"})",
                            "application/json");
  EXPECT_EQ(Body(again)["id"], Body(created)["id"]) << "the POS's next import updates her";
  put = client->Put(guest, R"({"name": "Juana Quispe", "external_id": "",
                               "allergies": [], "dietary_needs": []})",
                    "application/json");
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_FALSE(Body(put).contains("external_id")) << put->body;
  EXPECT_EQ(server().store().GetGuest(server().restaurant(), Body(put)["id"].get<Id>())->external_id,
            "");
}

// Without a created_at a record was stored as made in 1970: a booking's
// lead time read as 56 years (which moves its no-show risk), a feedback was
// outside every insights window, and consent had no date.
TEST_F(ApiTest, ARecordPostedWithoutItsTimeIsStampedWithItsArrival) {
  auto client = server().Client();
  const std::string guest = std::to_string(AllGuests().front().id);
  const UnixSeconds before = std::time(nullptr);
  auto created_guest = client->Post(
      "/v1/guests", R"({"name": "Sin Fecha", "consent": {"marketing": true}})", "application/json");
  auto booking = client->Post(
      "/v1/reservations",
      R"({"guest_id": )" + guest + R"(, "reserved_for": "2026-12-24T21:00", "party_size": 2})",
      "application/json");
  auto feedback = client->Post("/v1/feedback", R"({"guest_id": )" + guest + R"(, "nps": 2})",
                               "application/json");
  const UnixSeconds after = std::time(nullptr);
  const auto stamped = [&](const httplib::Result& r, const std::string& field) {
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 201) << r->body;
    const nlohmann::json value = Body(r).value(nlohmann::json::json_pointer(field), nlohmann::json());
    ASSERT_TRUE(value.is_string()) << field << " missing: " << r->body;
    const StatusOr<UnixSeconds> at = ParseTimestamp(value.get<std::string>());
    ASSERT_TRUE(at.ok()) << r->body;
    EXPECT_GE(*at, before) << field;
    EXPECT_LE(*at, after) << field;
  };
  stamped(created_guest, "/created_at");
  stamped(created_guest, "/consent/updated_at");
  stamped(booking, "/created_at");
  stamped(feedback, "/created_at");
  // A time that is given is kept.
  auto dated =
      client->Post("/v1/feedback",
                   R"({"guest_id": )" + guest + R"(, "nps": 8, "created_at": "2026-01-02T20:00"})",
                   "application/json");
  ASSERT_EQ(dated->status, 201) << dated->body;
  EXPECT_EQ(Body(dated)["created_at"], "2026-01-02T20:00:00-05:00");
}

// The store names a record it refuses by its index in the batch it was
// given ("visit 0: ...", which reads like an id); the client is told the
// position in its own array, or for one object only the reason.
TEST_F(ApiTest, ARefusedRecordIsNamedByItsPlaceInTheRequest) {
  auto client = server().Client();
  const std::string guest = std::to_string(AllGuests().front().id);
  auto visit = [](const std::string& guest_id) {
    return R"({"guest_id": )" + guest_id + R"(, "seated_at": "2026-11-20T20:00", "party_size": 2})";
  };
  auto created = client->Post("/v1/visits", visit(guest), "application/json");
  ASSERT_EQ(created->status, 201) << created->body;
  const std::string stored = std::to_string(Body(created)["id"].get<Id>());
  const std::string in_restaurant =
      " not found in restaurant " + std::to_string(server().restaurant());
  const std::string no_guest = "guest 99999999" + in_restaurant;
  const struct {
    std::string method, path, body, message;
  } kCases[] = {
      {"PUT", "/v1/guests/99999999", R"({"name": "Nadie", "allergies": [], "dietary_needs": []})",
       no_guest},
      {"PUT", "/v1/visits/" + stored, visit("99999999"), no_guest},
      {"POST", "/v1/visits", visit("99999999"), no_guest},
      {"POST", "/v1/visits", "[" + visit(guest) + ", " + visit("99999999") + "]",
       "[1]: " + no_guest},
  };
  const EntityCounts before = Counts();
  for (const auto& c : kCases) {
    httplib::Request req;
    req.method = c.method;
    req.path = c.path;
    req.body = c.body;
    req.set_header("Content-Type", "application/json");
    auto r = client->send(req);
    ASSERT_TRUE(r) << c.method << " " << c.path;
    EXPECT_EQ(r->status, 404) << c.method << " " << c.path << " -> " << r->body;
    EXPECT_EQ(Body(r)["error"]["message"], c.message) << c.method << " " << c.path;
  }
  EXPECT_EQ(Counts().visits, before.visits) << "a refused batch stores none of its records";
  auto unchanged = client->Get("/v1/visits/" + stored);
  ASSERT_TRUE(unchanged);
  EXPECT_EQ(Body(unchanged)["guest_id"].get<Id>(), AllGuests().front().id);
}

// --- Feedback analysis (issue 4): tiny test models, so these check what is
// built around the model (splitting, dishes, storage, aggregates), not its
// quality.

httplib::Result PostJson(httplib::Client& client, const std::string& path,
                         const nlohmann::json& body) {
  return client.Post(path, body.dump(), "application/json");
}

TEST_F(ApiTest, AnalyzeReturnsLanguageVerdictSentencesAspectsAndLinkedDishes) {
  auto client = server().Client();
  auto r = PostJson(*client, "/v1/feedback/analyze",
                    {{"text", "Una noche espectacular. La comida estuvo buenísima 😍\n\n"
                              "El tiradito nikkei estaba salado."}});
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  const auto body = Body(r);
  EXPECT_EQ(body["language"], "es");
  EXPECT_EQ(body["status"], "analysed");
  EXPECT_EQ(body["verdict"], "mixed");
  ASSERT_EQ(body["sentences"].size(), 3u);
  EXPECT_EQ(body["sentences"][2]["text"], "El tiradito nikkei estaba salado.");
  ASSERT_EQ(body["dishes"].size(), 1u);
  EXPECT_EQ(body["dishes"][0]["name"], "Tiradito nikkei de atún");
  EXPECT_EQ(body["dishes"][0]["sentiment"], "negative");
  ASSERT_EQ(body["complaints"].size(), 1u);
  EXPECT_EQ(body["complaints"][0], "El tiradito nikkei estaba salado.");
  bool food = false;
  for (const auto& a : body["aspects"]) food |= a["aspect"] == "food";
  EXPECT_TRUE(food) << body.dump();
}

TEST_F(ApiTest, FeedbackAndMentionsAreStoredWithTheirAnalysis) {
  auto client = server().Client();
  const Id guest = AllGuests().front().id;
  auto posted = PostJson(*client, "/v1/feedback",
                         {{"guest_id", guest}, {"text", "El mozo se olvidó de nuestro pedido."}});
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  const std::string id = std::to_string(Body(posted)["id"].get<Id>());
  auto analysis = client->Get("/v1/feedback/" + id + "/analysis");
  ASSERT_TRUE(analysis);
  ASSERT_EQ(analysis->status, 200) << analysis->body;
  EXPECT_EQ(Body(analysis)["verdict"], "negative");
  EXPECT_EQ(Body(analysis)["aspects"][0]["aspect"], "service");

  auto put = client->Put("/v1/feedback/" + id,
                         nlohmann::json{{"guest_id", guest}, {"text", "La atención fue excelente"}}.dump(),
                         "application/json");
  ASSERT_TRUE(put);
  ASSERT_EQ(put->status, 200) << put->body;
  EXPECT_EQ(Body(client->Get("/v1/feedback/" + id + "/analysis"))["verdict"], "positive");

  auto mention = PostJson(*client, "/v1/mentions",
                          {{"platform", "instagram"},
                           {"posted_at", "2026-11-20T21:00"},
                           {"text", "The fish was far too salty"}});
  ASSERT_TRUE(mention);
  ASSERT_EQ(mention->status, 201) << mention->body;
  const auto m = Body(client->Get("/v1/mentions/" + std::to_string(Body(mention)["id"].get<Id>()) +
                                  "/analysis"));
  EXPECT_EQ(m["language"], "en");
  EXPECT_EQ(m["verdict"], "negative");
}

TEST_F(ApiTest, InsightsGiveAspectsPerDayOrWeekWorstDishesAndGuestsToWarn) {
  auto client = server().Client();
  const Id guest = AllGuests().back().id;
  auto posted = PostJson(*client, "/v1/feedback",
                         {{"guest_id", guest},
                          {"created_at", "2099-06-01T21:00"},
                          {"text", "Una noche espectacular. El tiradito nikkei estaba salado."}});
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;

  auto weekly = client->Get("/v1/insights/sentiment?from=2099-05-25&to=2099-06-08&granularity=week");
  ASSERT_TRUE(weekly);
  ASSERT_EQ(weekly->status, 200) << weekly->body;
  const auto w = Body(weekly);
  EXPECT_EQ(w["granularity"], "week");
  ASSERT_FALSE(w["aspects"].empty()) << w.dump();
  EXPECT_EQ(w["aspects"][0]["period"], "2099-06-01");  // a Monday
  ASSERT_EQ(w["dishes_most_criticised"].size(), 1u) << w.dump();
  EXPECT_EQ(w["dishes_most_criticised"][0]["example_quote"], "El tiradito nikkei estaba salado.");
  ASSERT_EQ(w["guests_to_warn"].size(), 1u);
  EXPECT_EQ(w["guests_to_warn"][0]["guest_id"], guest);
  EXPECT_EQ(w["guests_to_warn"][0]["verdict"], "mixed");

  auto service = Body(client->Get("/v1/insights/sentiment?from=2000-01-01&to=2099-12-31&aspect=service"));
  ASSERT_FALSE(service["aspects"].empty()) << "the demo's feedback is analysed as it is written";
  for (const auto& p : service["aspects"]) EXPECT_EQ(p["aspect"], "service");

  auto warning = Body(client->Get("/v1/guests/" + std::to_string(guest) + "/warning"));
  EXPECT_EQ(warning["warn"], true);
  EXPECT_EQ(warning["complaints"][0], "El tiradito nikkei estaba salado.");

  // A manager reads two decimals (0.46), not 0.46153846153846156; the
  // demo's months of feedback give means with long expansions.
  const auto all = client->Get("/v1/insights/sentiment?from=2000-01-01&to=2099-12-31&limit=100");
  ASSERT_TRUE(all);
  ASSERT_EQ(all->status, 200) << all->body;
  EXPECT_TRUE(std::regex_search(all->body, std::regex("\"score\":-?0\\.[0-9]{1,2}[,}]")))
      << all->body.substr(0, 400);
  EXPECT_FALSE(std::regex_search(all->body, std::regex("\"score\":-?[0-9]+\\.[0-9]{3,}")))
      << all->body.substr(0, 400);
}

TEST_F(ApiTest, BadTextGetsA4xxOrADocumentedNotAnalysedAndStoresNothingOnError) {
  const std::string too_big(70 * 1024, 'a');
  const BadRequest cases[] = {
      {"POST", "/v1/feedback/analyze", "", 400, "empty"},
      {"POST", "/v1/feedback/analyze", R"({"text": "   "})", 400, "empty"},
      {"POST", "/v1/feedback/analyze", R"({"texto": "hola"})", 400, "\"text\""},
      {"POST", "/v1/feedback/analyze", "{\"text\": \"rico \xC3\x28 todo\"}", 400, "UTF-8"},
      // Where and why a body is not JSON, as for the record routes.
      {"POST", "/v1/feedback/analyze", R"({"text": "hola")", 400, "column 16"},
      {"POST", "/v1/feedback/analyze", R"({"text": ")" + too_big + R"("})", 413, "exceeds"},
      {"POST", "/v1/feedback", "{\"text\": \"rico \xFF todo\"}", 400, "UTF-8"},
      {"POST", "/v1/feedback", R"({"text": ")" + too_big + R"("})", 413, "exceeds"},
      {"POST", "/v1/feedback", R"({"text": ")" + std::string(20'000, 'b') + R"("})", 400, "text"},
      {"POST", "/v1/mentions", "{\"text\": \"\xED\xA0\x80\"}", 400, "UTF-8"},
      {"GET", "/v1/feedback/99999999/analysis", "", 404, "99999999"},
      {"GET", "/v1/insights/sentiment?aspect=wifi", "", 400, "aspect"},
      {"GET", "/v1/insights/sentiment?granularity=month", "", 400, "granularity"},
      {"GET", "/v1/insights/sentiment?from=2026-02-01&to=2026-01-01", "", 400, "before"},
      {"GET", "/v1/insights/sentiment?from=ayer", "", 400, "from"},
  };
  const EntityCounts before = Counts();
  ExpectErrors(server(), cases);
  auto client = server().Client();
  const EntityCounts after = Counts();
  EXPECT_EQ(after.feedback, before.feedback);
  EXPECT_EQ(after.mentions, before.mentions);

  // Texts the models cannot read are analysed as "not_analysed", with why.
  const struct {
    std::string text;
    const char* reason;
  } unreadable[] = {
      {"\u0001\u0002 \u0007\u007f zzq xqj \u0003", "unknown_language"},
      {"Das Essen war ausgezeichnet und der Kellner sehr freundlich.", "unknown_language"},
      {"👍👍👍", "unknown_language"},
      {"A comida estava maravilhosa, o atendimento impecável e voltaremos com certeza.", "no_model"},
  };
  for (const auto& u : unreadable) {
    auto r = PostJson(*client, "/v1/feedback/analyze", {{"text", u.text}});
    ASSERT_TRUE(r);
    ASSERT_EQ(r->status, 200) << u.text << " -> " << r->body;
    EXPECT_EQ(Body(r)["status"], "not_analysed") << u.text;
    EXPECT_EQ(Body(r)["reason"], u.reason) << u.text;
  }
  // Feedback with no words (an NPS alone) is stored, not analysed.
  auto nps = PostJson(*client, "/v1/feedback", {{"nps", 9}, {"text", "!!!"}});
  ASSERT_TRUE(nps);
  ASSERT_EQ(nps->status, 201) << nps->body;
  const auto stored = Body(client->Get("/v1/feedback/" + std::to_string(Body(nps)["id"].get<Id>()) +
                                       "/analysis"));
  EXPECT_EQ(stored["reason"], "empty_text");
  EXPECT_EQ(stored["language"], "unknown");
}

}  // namespace
}  // namespace sobremesa::testing
