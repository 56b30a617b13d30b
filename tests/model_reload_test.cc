// A running server picks up retrained model files without a restart, and
// keeps serving the old model when a new file is corrupt (issue 5).

#include <gtest/gtest.h>

#include <fstream>

#include "tests/test_server.h"

namespace sobremesa {
namespace {

using testing::Body;
using testing::TestServer;

// As `sobremesa train` writes: a temporary renamed over the old file.
void Replace(const std::string& path, const std::string& bytes) {
  std::ofstream(path + ".tmp", std::ios::binary | std::ios::trunc) << bytes;
  std::filesystem::rename(path + ".tmp", path);
}

class ModelReloadTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    server_ = new TestServer(300, 120);
    server_->TrainBehaviourModel();
  }
  static void TearDownTestSuite() { delete server_; }

  TestServer& server() { return *server_; }
  nlohmann::json Get(const std::string& path) { return Body(server().Client()->Get(path)); }
  nlohmann::json Reload() {
    auto r = server().Client()->Post("/v1/admin/reload", "", "application/json");
    EXPECT_TRUE(r && r->status == 200) << (r ? r->body : "no answer");
    return Body(r);
  }
  static bool Names(const nlohmann::json& list, const std::string& model) {
    for (const auto& entry : list) {
      if (entry["model"].get<std::string>().starts_with(model)) return true;
    }
    return false;
  }

  // A guest who first came after the model was trained: nothing to forecast
  // until a retrained model knows them.
  Id NewGuestWithAVisit() {
    Guest g;
    g.restaurant_id = server().restaurant();
    g.name = "Vuelve pronto";
    const Id id = server().store().UpsertGuests(std::vector<Guest>{g})->front();
    Visit v;
    v.restaurant_id = server().restaurant();
    v.guest_id = id;
    v.seated_at = server().now() - 3 * 86400;
    v.spend = 25000;
    EXPECT_TRUE(server().store().UpsertVisits(std::vector<Visit>{v}).ok());
    return id;
  }

  static TestServer* server_;
};
TestServer* ModelReloadTest::server_ = nullptr;

TEST_F(ModelReloadTest, RetrainedBehaviourServesWithoutRestartAndCorruptFilesAreRefused) {
  const Id guest = NewGuestWithAVisit();
  const std::string outlook = "/v1/guests/" + std::to_string(guest) + "/outlook";
  const auto before = Get(outlook);
  ASSERT_FALSE(before["predicted"].get<bool>()) << before;
  Reload();  // the file TrainBehaviourModel wrote after the watch began: the same model
  EXPECT_TRUE(Reload()["reloaded"].empty());  // nothing retrained since

  // `sobremesa train behaviour`, as another process would run it.
  auto report = TrainBehaviour(server().store(), server().restaurant(), server().data_dir(),
                               server().now());
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(Get(outlook)["predicted"].get<bool>());  // not before the check
  const auto reloaded = Reload();
  EXPECT_TRUE(Names(reloaded["reloaded"], "behaviour")) << reloaded;
  const auto after = Get(outlook);
  ASSERT_TRUE(after["predicted"].get<bool>()) << after;
  EXPECT_EQ(after["visits"].get<int>(), 1);
  EXPECT_NE(after["model"]["data_hash"], before["model"]["data_hash"]);

  Replace(BehaviourModelPath(server().data_dir(), server().restaurant()), "not a model");
  const auto refused = Reload();
  EXPECT_TRUE(Names(refused["refused"], "behaviour")) << refused;
  EXPECT_TRUE(refused["reloaded"].empty()) << refused;
  EXPECT_EQ(Get(outlook), after);  // the old model keeps answering
  EXPECT_TRUE(Reload()["refused"].empty());  // refused once, not on every check
}

TEST_F(ModelReloadTest, CorruptRecommenderFilesAreRefusedAndRecommendationsContinue) {
  const std::string guest =
      std::to_string(server().store().ListGuests(server().restaurant(), 1, 0)->front().id);
  const std::string path = "/v1/guests/" + guest + "/recommendations?k=5";
  const auto before = Get(path);
  ASSERT_TRUE(before.contains("items")) << before;
  Replace(HybridModelPath(server().data_dir(), server().restaurant()), "garbage");
  Replace(RecommenderModelPath(server().data_dir(), server().restaurant()), "{");
  const auto refused = Reload();
  EXPECT_TRUE(Names(refused["refused"], "hybrid recommender")) << refused;
  EXPECT_TRUE(Names(refused["refused"], "co-occurrence recommender")) << refused;
  EXPECT_EQ(Get(path), before);

  // Retraining replaces both with good files, which serve at once.
  ASSERT_TRUE(
      TrainRecommender(server().store(), server().restaurant(), server().data_dir(), 0).ok());
  const auto reloaded = Reload();
  EXPECT_TRUE(Names(reloaded["reloaded"], "hybrid recommender")) << reloaded;
  EXPECT_TRUE(Names(reloaded["reloaded"], "co-occurrence recommender")) << reloaded;
  EXPECT_TRUE(Get(path).contains("items"));
}

// A restaurant imported while the server runs is served by its trained
// models without a restart.
TEST_F(ModelReloadTest, ARestaurantCreatedWhileServingGetsItsModelsAtTheNextCheck) {
  Store& store = server().store();
  const Id added = *store.UpsertRestaurant({.external_id = "nueva", .name = "Nueva Cocina"});
  std::vector<MenuItem> menu;
  for (const char* name : {"Causa limeña", "Ceviche clásico", "Lomo saltado", "Suspiro"}) {
    menu.push_back({.restaurant_id = added, .name_es = name, .course = Course::kMain,
                    .price = 4500});
  }
  const std::vector<Id> items = *store.UpsertMenuItems(menu);
  for (int i = 0; i < 12; ++i) {
    Guest g{.restaurant_id = added, .name = "Comensal " + std::to_string(i)};
    const Id guest = store.UpsertGuests(std::vector<Guest>{g})->front();
    Visit v{.restaurant_id = added, .guest_id = guest,
            .seated_at = server().now() - (i + 1) * 86400};
    const Id visit = store.UpsertVisits(std::vector<Visit>{v})->front();
    std::vector<OrderLine> lines = {
        {.restaurant_id = added, .visit_id = visit, .item_id = items[i % 4]},
        {.restaurant_id = added, .visit_id = visit, .item_id = items[(i + 1) % 4]}};
    ASSERT_TRUE(store.UpsertOrderLines(lines).ok());
  }
  const std::string name = "co-occurrence recommender restaurant " + std::to_string(added);
  EXPECT_FALSE(Names(Reload()["reloaded"], name)) << "no file yet";
  ASSERT_TRUE(TrainRecommender(store, added, server().data_dir(), server().now()).ok());
  const auto reloaded = Reload();
  EXPECT_TRUE(Names(reloaded["reloaded"], name)) << reloaded;
  EXPECT_FALSE(Names(Reload()["reloaded"], name)) << "loaded once";
}

}  // namespace
}  // namespace sobremesa
