// sobremesa analyze --data-dir D [--restaurant ID]
// Reads every stored feedback and mention again with the current sentiment
// models (after `sobremesa train sentiment`) and replaces their analyses.

#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "service/text_analysis_service.h"

namespace sobremesa {
namespace {

struct AnalyzeOptions {
  std::string data_dir = kDefaultDataDir;
  std::optional<Id> restaurant;
};

Status RunAnalyze(const AnalyzeOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  std::vector<Id> restaurants;
  if (o.restaurant) {
    ASSIGN_OR_RETURN(Id id, ChooseRestaurant(*store, o.restaurant));
    restaurants.push_back(id);
  } else {
    ASSIGN_OR_RETURN(std::vector<Restaurant> all, store->ListRestaurants());
    for (const Restaurant& r : all) restaurants.push_back(r.id);
  }
  std::int64_t texts = 0;
  for (Id restaurant : restaurants) {
    ASSIGN_OR_RETURN(std::int64_t n, store->ReanalyzeTexts(restaurant));
    texts += n;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("analysed %lld feedback and mention texts of %zu restaurant(s) in %.1f s\n",
              static_cast<long long>(texts), restaurants.size(), seconds);
  return Status::Ok();
}

}  // namespace

Command AddAnalyzeCommand(CLI::App& root) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* app = root.add_subcommand(
      "analyze", "Analyse every stored feedback and mention again with the current models");
  app->add_option("--data-dir", o->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", o->restaurant, "Restaurant id (default: every restaurant)");
  return {app, [o] { return RunAnalyze(*o); }};
}

}  // namespace sobremesa
