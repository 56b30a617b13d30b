// sobremesa export --kind guests --consent marketing|personalization [--out FILE]
// sobremesa export --kind menu [--out FILE]
// sobremesa export --segment N [--out FILE]   (marketing-consented members only)

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "service/behaviour_service.h"
#include "service/behaviour_training.h"
#include "service/csv_row.h"
#include "store/guest_pages.h"

namespace sobremesa {
namespace {

struct ExportOptions {
  std::string data_dir = kDefaultDataDir;
  std::string kind;
  std::string consent;  // only guests who consented to this purpose
  std::string out = "-";
  std::optional<Id> restaurant;
  std::optional<int> segment;  // export this behaviour segment instead of --kind
};

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : ";") + v;
  return out;
}

// `purpose` is "marketing" or "personalization" (checked by the flag).
bool Consented(const Guest& g, const std::string& purpose) {
  return purpose == "marketing" ? g.consent.marketing : g.consent.personalization;
}

Status ExportGuests(Store& store, Id restaurant, const std::string& consent, std::ostream& out) {
  WriteCsvRow(out, {"id", "external_id", "name", "email", "phone", "language", "allergies",
                 "dietary_needs", "consent_personalization", "consent_marketing"});
  return ForEachGuest(store, restaurant, [&](const Guest& g) {
    if (!Consented(g, consent)) return Status::Ok();
    WriteCsvRow(out, {std::to_string(g.id), g.external_id, g.name, g.email, g.phone,
                      std::string(LanguageCode(g.language)), Joined(AllergenCodes(g.allergies)),
                      Joined(DietTagCodes(g.dietary_needs)),
                      g.consent.personalization ? "true" : "false",
                      g.consent.marketing ? "true" : "false"});
    return Status::Ok();
  });
}

Status ExportMenu(Store& store, Id restaurant, std::ostream& out) {
  WriteCsvRow(out, {"id", "external_id", "name_es", "name_en", "course", "category", "ingredients",
                 "allergens", "diet_tags", "spice_level", "price", "available", "article_es",
                 "staple"});
  ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(restaurant));
  for (const MenuItem& m : menu) {
    WriteCsvRow(out, {std::to_string(m.id), m.external_id, m.name_es, m.name_en,
                   std::string(CourseCode(m.course)), m.category, Joined(m.ingredients),
                   Joined(AllergenCodes(m.allergens)), Joined(DietTagCodes(m.diet_tags)),
                   std::to_string(m.spice_level), FormatSoles(m.price),
                   m.available ? "true" : "false", std::string(SpanishArticleCode(ArticleEs(m))),
                   m.staple ? "true" : "false"});
  }
  return Status::Ok();
}

// The same CSV as GET /v1/segments/{id}/export, from the trained file.
Status ExportSegment(Store& store, Id restaurant, const std::string& data_dir, int segment,
                     std::ostream& out) {
  auto model = LoadBehaviour(data_dir, restaurant);
  if (!model.ok()) {
    return Status::FailedPrecondition(model.status().message() +
                                      "; run `sobremesa train behaviour` first");
  }
  BehaviourService behaviour(store);
  behaviour.SetModel(restaurant, *model);
  ASSIGN_OR_RETURN(std::int64_t rows, behaviour.ExportSegmentCsv(restaurant, segment, out));
  std::fprintf(stderr, "segment %d: %lld guests who consented to marketing\n", segment,
               static_cast<long long>(rows));
  return Status::Ok();
}

Status WriteExport(Store& store, Id restaurant, const ExportOptions& o, std::ostream& out) {
  if (o.segment) return ExportSegment(store, restaurant, o.data_dir, *o.segment, out);
  return o.kind == "guests" ? ExportGuests(store, restaurant, o.consent, out)
                            : ExportMenu(store, restaurant, out);
}

// A file is written as FILE.tmp and renamed over FILE only when complete: a
// failed export (no behaviour model yet, a store error) must not leave a
// truncated file where last week's campaign list was.
Status WriteExportFile(Store& store, Id restaurant, const ExportOptions& o) {
  const std::filesystem::path path(o.out);
  const std::filesystem::path partial = path.string() + ".tmp";
  Status status;
  {
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    if (!file) return Status::InvalidArgument("cannot write " + partial.string());
    status = WriteExport(store, restaurant, o, file);
    file.flush();
    if (status.ok() && !file) status = Status::Internal("writing " + partial.string() + " failed");
  }
  std::error_code ec;
  if (status.ok()) {
    std::filesystem::rename(partial, path, ec);
    if (ec) status = Status::Internal("cannot rename " + partial.string() + ": " + ec.message());
  }
  if (!status.ok()) std::filesystem::remove(partial, ec);
  return status;
}

Status RunExport(const ExportOptions& o) {
  if (!o.segment && o.kind.empty()) return Status::InvalidArgument("export: give --kind or --segment");
  // Guests' names and contacts leave the store only for a purpose they
  // consented to (Ley 29733 / GDPR purpose limitation; docs/schema.md).
  if (o.kind == "guests" && o.consent.empty()) {
    return Status::InvalidArgument(
        "export --kind guests: give --consent marketing or --consent personalization; guests' "
        "personal data is exported only for a purpose they consented to");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  ASSIGN_OR_RETURN(Id restaurant, ChooseRestaurant(*store, o.restaurant));
  if (o.out != "-") return WriteExportFile(*store, restaurant, o);
  RETURN_IF_ERROR(WriteExport(*store, restaurant, o, std::cout));
  std::cout.flush();
  if (!std::cout) return Status::Internal("writing to standard output failed");
  return Status::Ok();
}

}  // namespace

Command AddExportCommand(CLI::App& root) {
  auto options = std::make_shared<ExportOptions>();
  CLI::App* app = root.add_subcommand("export", "Export guests, the menu or a segment as CSV");
  CLI::Option* kind = app->add_option("--kind", options->kind, "What to export")
                          ->check(CLI::IsMember({"guests", "menu"}));
  app->add_option("--segment", options->segment,
                  "Export this behaviour segment's marketing-consented guests")
      ->check(CLI::PositiveNumber)
      ->excludes(kind);
  app->add_option("--consent", options->consent,
                  "Only guests who consented to this purpose (required with --kind guests)")
      ->check(CLI::IsMember({"marketing", "personalization"}));
  app->add_option("--out", options->out, "Output file ('-' for stdout)")->capture_default_str();
  app->add_option("--data-dir", options->data_dir, "Data directory")->capture_default_str();
  app->add_option("--restaurant", options->restaurant, "Restaurant id (default: the first)");
  return {app, [options] { return RunExport(*options); }};
}

}  // namespace sobremesa
