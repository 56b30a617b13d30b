#include "tests/test_server.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "analysis/tiny_sentiment_models.h"
#include "service/trained_model_watch.h"

namespace sobremesa::testing {

TestServer::TestServer(int guests, int days) {
  dir_ = std::filesystem::path(::testing::TempDir()) /
         ("sobremesa-it-" + std::to_string(getpid()) + "-" + std::to_string(rand()));
  std::filesystem::create_directories(dir_);
  auto store = OpenSqliteStore((dir_ / "sobremesa.db").string());
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  store_ = std::move(store).value();
  // Feedback and mentions are analysed as they are written, by tiny models
  // trained for the tests (plumbing, not quality).
  auto analysis = TextAnalysisService::Create(*store_, analysis::testing::TinySentimentModels());
  EXPECT_TRUE(analysis.ok()) << analysis.status().ToString();
  text_analysis_ = std::move(analysis).value();
  store_->SetTextAnalysisHook(text_analysis_);

  demo::DemoOptions options;
  options.guests = guests;
  options.days = days;
  auto summary = demo::GenerateDemo(*store_, options, {});
  EXPECT_TRUE(summary.ok()) << summary.status().ToString();
  restaurant_ = summary->restaurant_id;
  now_ = *ParseTimestamp(options.end_date) + 36 * 3600;

  menus_ = std::make_unique<MenuCache>(*store_, std::chrono::seconds(1));
  histories_ = std::make_unique<GuestHistoryCache>(*store_, std::chrono::minutes(1), 10'000);
  recommendations_ = std::make_unique<RecommendationService>(*store_, *menus_, *histories_);
  auto report = TrainRecommender(*store_, restaurant_, dir_.string(), 0);
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  auto model = LoadRecommender(dir_.string(), restaurant_);
  EXPECT_TRUE(model.ok()) << model.status().ToString();
  recommendations_->SetModel(restaurant_, *model);
  auto hybrid = LoadHybridRecommender(dir_.string(), restaurant_, *store_->ListMenu(restaurant_));
  EXPECT_TRUE(hybrid.ok()) << hybrid.status().ToString();
  if (hybrid.ok()) recommendations_->SetHybridModel(restaurant_, *hybrid);

  behaviour_ = std::make_unique<BehaviourService>(*store_, [this] { return now_; });
  reloader_ = std::make_unique<ModelReloader>();
  EXPECT_TRUE(WatchTrainedModels(*store_, dir_.string(), *recommendations_, *behaviour_, *reloader_)
                  .ok());
  services_ = std::make_unique<ApiServices>(ApiServices{*store_, *menus_, *histories_,
                                                        *recommendations_, *behaviour_,
                                                        text_analysis_.get(), reloader_.get()});
  router_ = std::make_unique<Router>(BuildRouter(*services_, restaurant_));
  HttpServerOptions http;
  http.port = 0;
  http.max_body_bytes = 64 * 1024;
  auto server = HttpServer::Start(http, [this](const HttpRequest& r) { return router_->Handle(r); });
  EXPECT_TRUE(server.ok()) << server.status().ToString();
  server_ = std::move(server).value();
}

void TestServer::TrainBehaviourModel() {
  auto report = TrainBehaviour(*store_, restaurant_, dir_.string(), now_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  auto model = LoadBehaviour(dir_.string(), restaurant_);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  behaviour_->SetModel(restaurant_, *model);
}

TestServer::~TestServer() {
  server_->Stop();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::unique_ptr<httplib::Client> TestServer::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port());
  client->set_keep_alive(true);
  client->set_read_timeout(10, 0);
  return client;
}

nlohmann::json Body(const httplib::Result& result) {
  if (!result) return nullptr;
  return nlohmann::json::parse(result->body, nullptr, false);
}

}  // namespace sobremesa::testing
