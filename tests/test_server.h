#pragma once
// A real Sobremesa server for integration tests: a small demo restaurant in
// a fresh SQLite file, trained recommenders (co-occurrence and hybrid), and
// the HTTP API on an ephemeral port, called over loopback with cpp-httplib's
// client.

#include <httplib.h>

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api/http_server.h"
#include "api/routes.h"
#include "demo/restaurant_generator.h"
#include "service/behaviour_training.h"
#include "service/model_reloader.h"
#include "service/recommender_training.h"
#include "store/sqlite_store.h"

namespace sobremesa::testing {

class TestServer {
 public:
  // Generates `guests` demo guests over `days` days; fails the test on error.
  explicit TestServer(int guests = 400, int days = 120);
  ~TestServer();

  Store& store() { return *store_; }
  Id restaurant() const { return restaurant_; }
  int port() const { return server_->port(); }
  // The instant the server takes for "now": noon (Lima) on the day after
  // the demo period, whose bookings are still open. Fixed, so the tests do
  // not depend on the date they run.
  UnixSeconds now() const { return now_; }
  // Trains the behaviour model on the demo and serves it; until then the
  // behaviour routes answer 412.
  void TrainBehaviourModel();
  const std::string data_dir() const { return dir_.string(); }
  // To swap models as `serve` would, e.g. fall back when one is rejected.
  RecommendationService& recommendations() { return *recommendations_; }
  // A fresh keep-alive client for this server.
  std::unique_ptr<httplib::Client> Client() const;

 private:
  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<TextAnalysisService> text_analysis_;
  Id restaurant_ = 0;
  UnixSeconds now_ = 0;
  std::unique_ptr<MenuCache> menus_;
  std::unique_ptr<GuestHistoryCache> histories_;
  std::unique_ptr<RecommendationService> recommendations_;
  std::unique_ptr<BehaviourService> behaviour_;
  // Watches the trained files as `serve` does; checked on POST /v1/admin/reload.
  std::unique_ptr<ModelReloader> reloader_;
  std::unique_ptr<ApiServices> services_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<HttpServer> server_;
};

// The parsed JSON body of a response, or a JSON null when it is not JSON.
nlohmann::json Body(const httplib::Result& result);

}  // namespace sobremesa::testing
