// sobremesa serve --data-dir D --port N [--host H] [--threads T] [--restaurant ID]
//                 [--reload-seconds S]

#include <signal.h>
#include <spdlog/spdlog.h>

#include <ctime>

#include "api/routes.h"
#include "cli/command.h"
#include "cli/data_dir.h"
#include "service/behaviour_training.h"
#include "service/recommender_training.h"
#include "service/trained_model_watch.h"

namespace sobremesa {
namespace {

// ~1 KB per regular guest: a few hundred MB at the most.
constexpr size_t kHistoryCacheEntries = 500'000;

struct ServeOptions {
  std::string data_dir = kDefaultDataDir;
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 2;
  std::optional<Id> restaurant;
  int reload_seconds = 5;  // 0: only POST /v1/admin/reload
};

// The hybrid model ranks when its file is present and matches the menu;
// otherwise the co-occurrence model serves (popularity and pairings) until
// `sobremesa train` writes one: training it here would hold up start-up.
void LoadHybridModel(Store& store, const std::string& data_dir, Id restaurant,
                     RecommendationService& service) {
  StatusOr<std::vector<MenuItem>> menu = store.ListMenu(restaurant);
  if (!menu.ok()) {
    spdlog::warn("restaurant {}: no hybrid model: {}", restaurant, menu.status().message());
    return;
  }
  auto hybrid = LoadHybridRecommender(data_dir, restaurant, *menu);
  if (!hybrid.ok()) {
    spdlog::warn("restaurant {}: no hybrid model ({}); ranking by co-occurrence", restaurant,
                 hybrid.status().message());
    return;
  }
  service.SetHybridModel(restaurant, *hybrid);
  const recommendation::ServingChoice& serving = (*hybrid)->model().info().serving;
  spdlog::info(
      "restaurant {}: hybrid model ({} loss) for {} guests and {} items; co-occurrence weight "
      "{} for guests with history, {} for new guests",
      restaurant, (*hybrid)->model().info().loss, (*hybrid)->model().num_users(),
      (*hybrid)->model().num_items(), serving.with_history, serving.without_history);
}

// Loads each restaurant's trained model. One never trained, or whose file is
// unreadable, gets a model learned now (seconds) rather than an unranked
// menu; one that cannot be trained (no menu yet) is served by the safety
// rules alone until it can. Either way the server starts.
Status LoadModels(Store& store, const std::string& data_dir, RecommendationService& service) {
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store.ListRestaurants());
  for (const Restaurant& r : restaurants) {
    auto model = LoadRecommender(data_dir, r.id);
    if (!model.ok()) {
      spdlog::warn("restaurant {}: {}; training a model now", r.id, model.status().message());
      auto report = TrainRecommender(store, r.id, data_dir, std::time(nullptr));
      model = report.ok() ? LoadRecommender(data_dir, r.id) : report.status();
    }
    if (!model.ok()) {
      spdlog::warn("restaurant {}: serving without a model: {}", r.id, model.status().message());
      continue;
    }
    service.SetModel(r.id, *model);
    spdlog::info("restaurant {} ({}): model trained on {} visits", r.id, r.name,
                 (*model)->basket_count());
    LoadHybridModel(store, data_dir, r.id, service);
  }
  return Status::Ok();
}

// Loads each restaurant's behaviour predictions. Training them takes a
// while and they are refreshed by `sobremesa train behaviour`, never at
// start: a restaurant without a readable file answers the behaviour routes
// with 412 and a message saying what to run.
Status LoadBehaviourModels(Store& store, const std::string& data_dir, BehaviourService& service) {
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store.ListRestaurants());
  for (const Restaurant& r : restaurants) {
    auto model = LoadBehaviour(data_dir, r.id);
    if (!model.ok()) {
      spdlog::warn("restaurant {}: no behaviour predictions ({}); run `sobremesa train behaviour`",
                   r.id, model.status().message());
      continue;
    }
    service.SetModel(r.id, *model);
    spdlog::info("restaurant {}: behaviour predictions for {} guests, {} segments", r.id,
                 (*model)->guests.size(), (*model)->segments.size());
  }
  return Status::Ok();
}

void PrintWelcome(const ServeOptions& o, int port, Store& store, Id restaurant) {
  const std::string base = "http://" + o.host + ":" + std::to_string(port);
  std::printf("Sobremesa is serving on %s\n", base.c_str());
  auto guests = store.ListGuests(restaurant, 1, 0);
  const std::string guest = guests.ok() && !guests->empty() ? std::to_string(guests->front().id)
                                                            : "1";
  std::printf("  menu:            curl %s/v1/menu\n", base.c_str());
  std::printf("  guests:          curl '%s/v1/guests?limit=5'\n", base.c_str());
  std::printf("  recommendations: curl '%s/v1/guests/%s/recommendations?k=5&course=main'\n",
              base.c_str(), guest.c_str());
  std::printf("  outlook:         curl %s/v1/guests/%s/outlook\n", base.c_str(), guest.c_str());
  std::printf("  tonight:         curl %s/v1/reservations/tonight\n", base.c_str());
  std::printf("  segments:        curl %s/v1/segments\n", base.c_str());
  std::printf("Press Ctrl-C to stop.\n");
  std::fflush(stdout);
}

Status RunServe(const ServeOptions& o) {
  // Block the stop signals in every thread; this one waits for them below.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  ASSIGN_OR_RETURN(DataDirStore data, OpenDataDirWithTextAnalysis(o.data_dir));
  std::unique_ptr<Store>& store = data.store;
  ASSIGN_OR_RETURN(Id restaurant, ChooseRestaurant(*store, o.restaurant));
  MenuCache menus(*store, std::chrono::seconds(1));
  GuestHistoryCache histories(*store, std::chrono::minutes(1), kHistoryCacheEntries);
  RecommendationService recommendations(*store, menus, histories);
  BehaviourService behaviour(*store);
  // Watched before the first load, so a file retrained meanwhile is reloaded.
  ModelReloader reloader;
  RETURN_IF_ERROR(
      WatchTrainedModels(*store, o.data_dir, recommendations, behaviour, reloader));
  if (data.text_analysis) WatchSentimentModels(o.data_dir, *data.text_analysis, reloader);
  RETURN_IF_ERROR(LoadModels(*store, o.data_dir, recommendations));
  RETURN_IF_ERROR(LoadBehaviourModels(*store, o.data_dir, behaviour));
  if (o.reload_seconds > 0) reloader.Start(std::chrono::seconds(o.reload_seconds));

  ApiServices services{*store, menus, histories, recommendations, behaviour,
                       data.text_analysis.get(), &reloader};
  const Router router = BuildRouter(services, restaurant);
  HttpServerOptions http;
  http.host = o.host;
  http.port = o.port;
  http.threads = o.threads;
  ASSIGN_OR_RETURN(std::unique_ptr<HttpServer> server,
                   HttpServer::Start(http, [&router](const HttpRequest& r) {
                     return router.Handle(r);
                   }));
  PrintWelcome(o, server->port(), *store, restaurant);
  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  spdlog::info("signal {}: stopping", signal_number);
  server->Stop();
  reloader.Stop();
  return Status::Ok();
}

}  // namespace

Command AddServeCommand(CLI::App& root) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* app = root.add_subcommand("serve", "Serve the HTTP API");
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--host", options->host, "Address to listen on")->capture_default_str();
  app->add_option("--port", options->port, "Port (0 picks a free one)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  app->add_option("--threads", options->threads, "Server threads")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  app->add_option("--restaurant", options->restaurant,
                  "Restaurant for requests without X-Restaurant-Id (default: the first)");
  app->add_option("--reload-seconds", options->reload_seconds,
                  "Check for retrained model files this often (0: only POST /v1/admin/reload)")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  return {app, [options] { return RunServe(*options); }};
}

}  // namespace sobremesa
