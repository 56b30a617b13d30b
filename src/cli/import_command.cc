// sobremesa import --data-dir D --kind K FILE.csv|FILE.jsonl [--restaurant ID]

#include <cstdio>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "cli/progress_bar.h"
#include "ingest/importer.h"

namespace sobremesa {
namespace {

struct ImportCommandOptions {
  std::string data_dir = kDefaultDataDir;
  std::string kind;
  std::string file;
  std::optional<Id> restaurant;
  std::string restaurant_name = "Mi restaurante";
};

// A new restaurant's first import (usually its menu) creates the restaurant.
StatusOr<Id> ChooseOrCreateRestaurant(Store& store, const ImportCommandOptions& o) {
  ASSIGN_OR_RETURN(std::vector<Restaurant> existing, store.ListRestaurants());
  if (!existing.empty() || o.restaurant) return ChooseRestaurant(store, o.restaurant);
  Restaurant r;
  r.external_id = "default";
  r.name = o.restaurant_name;
  ASSIGN_OR_RETURN(Id id, store.UpsertRestaurant(r));
  std::fprintf(stderr, "created restaurant %lld (%s)\n", static_cast<long long>(id),
               r.name.c_str());
  return id;
}

Status RunImport(const ImportCommandOptions& o) {
  ASSIGN_OR_RETURN(ImportKind kind, ParseImportKind(o.kind));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  ASSIGN_OR_RETURN(Id restaurant, ChooseOrCreateRestaurant(*store, o));
  ImportReport report;
  {
    ProgressBar bar;
    ImportOptions options;
    options.progress = [&bar](std::uint64_t read, std::uint64_t total) {
      if (total > 0) bar.Update("importing", double(read) / double(total));
    };
    ASSIGN_OR_RETURN(report, ImportFile(*store, restaurant, kind, o.file, options));
  }
  for (const std::string& warning : report.warnings) {
    std::fprintf(stderr, "warning: %s\n", warning.c_str());
  }
  for (const std::string& error : report.errors) std::fprintf(stderr, "%s\n", error.c_str());
  if (report.rows_rejected > static_cast<std::int64_t>(report.errors.size())) {
    std::fprintf(stderr, "... and %lld more rejected rows\n",
                 static_cast<long long>(report.rows_rejected - report.errors.size()));
  }
  std::printf("%s: %lld rows read, %lld stored, %lld rejected in %.2f s\n", o.file.c_str(),
              static_cast<long long>(report.rows_read),
              static_cast<long long>(report.rows_stored),
              static_cast<long long>(report.rows_rejected), report.elapsed.count());
  if (report.rows_rejected > 0) {
    return Status::InvalidArgument(std::to_string(report.rows_rejected) +
                                   " rows were rejected (listed above); the others were stored");
  }
  return Status::Ok();
}

}  // namespace

Command AddImportCommand(CLI::App& root) {
  auto options = std::make_shared<ImportCommandOptions>();
  CLI::App* app = root.add_subcommand("import", "Bulk-import a CSV or JSON Lines file");
  app->add_option("file", options->file, "The file (.csv, .jsonl or .ndjson)")->required();
  app->add_option("--kind", options->kind,
                  "menu, guests, reservations, visits, orders, feedback, events or mentions")
      ->required();
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", options->restaurant, "Restaurant id (default: the first)");
  app->add_option("--restaurant-name", options->restaurant_name,
                  "Name of the restaurant created when the store has none")
      ->capture_default_str();
  return {app, [options] { return RunImport(*options); }};
}

}  // namespace sobremesa
