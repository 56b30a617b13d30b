// sobremesa demo --data-dir D [--guests N] [--days N] [--seed S]

#include <chrono>
#include <cstdio>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "cli/progress_bar.h"
#include "demo/restaurant_generator.h"

namespace sobremesa {
namespace {

struct DemoCommandOptions {
  std::string data_dir = kDefaultDataDir;
  demo::DemoOptions demo;
};

Status RunDemo(const DemoCommandOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  demo::DemoSummary s;
  {
    ProgressBar bar;
    ASSIGN_OR_RETURN(s, demo::GenerateDemo(*store, o.demo,
                                           [&bar](std::string_view stage, double fraction) {
                                             bar.Update(stage, fraction);
                                           }));
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "demo restaurant %lld written to %s in %.1f s: %lld menu items, %lld guests, "
      "%lld reservations (%lld no-shows, %lld cancelled), %lld visits, %lld order lines, "
      "%lld feedback, %lld events, %lld mentions\n",
      static_cast<long long>(s.restaurant_id), o.data_dir.c_str(), seconds,
      static_cast<long long>(s.menu_items), static_cast<long long>(s.guests),
      static_cast<long long>(s.reservations), static_cast<long long>(s.no_shows),
      static_cast<long long>(s.cancellations), static_cast<long long>(s.visits),
      static_cast<long long>(s.order_lines), static_cast<long long>(s.feedback),
      static_cast<long long>(s.events), static_cast<long long>(s.mentions));
  return Status::Ok();
}

}  // namespace

Command AddDemoCommand(CLI::App& root) {
  auto options = std::make_shared<DemoCommandOptions>();
  CLI::App* app = root.add_subcommand("demo", "Write the generated demo restaurant");
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--guests", options->demo.guests, "Number of guests")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  app->add_option("--days", options->demo.days, "Days of history")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  app->add_option("--seed", options->demo.seed, "Random seed")->capture_default_str();
  app->add_option("--end-date", options->demo.end_date, "Last simulated day (YYYY-MM-DD)")
      ->capture_default_str();
  return {app, [options] { return RunDemo(*options); }};
}

}  // namespace sobremesa
