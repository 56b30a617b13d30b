#include "ingest/import_kind.h"

#include <array>

#include "domain/code_table.h"

namespace sobremesa {
namespace {

constexpr std::array<std::string_view, 8> kKindCodes{
    "menu", "guests", "reservations", "visits", "orders", "feedback", "events", "mentions"};

}  // namespace

std::string_view ImportKindCode(ImportKind kind) { return kKindCodes[size_t(kind)]; }

StatusOr<ImportKind> ParseImportKind(std::string_view code) {
  return ParseCodeFromTable<ImportKind>(code, kKindCodes, "import kind");
}

const std::vector<std::vector<std::string>>& RequiredColumns(ImportKind kind) {
  // Mirrors the required fields of the codec (codec/entity_json.cc), checked
  // up front so that a file with a wrong header stores nothing.
  static const std::array<std::vector<std::vector<std::string>>, 8> kRequired{{
      {{"name_es"}, {"course"}, {"price", "price_centimos"}},
      {{"name"}},
      {{"reserved_for"}, {"party_size"}},
      {{"seated_at"}, {"party_size"}},
      {{"visit_external_id", "visit_id"}, {"item_external_id", "item_id"}},
      {{"nps", "text", "stars.food", "stars.service", "stars.ambience", "stars.value",
        "stars.drinks"}},
      {{"guest_external_id", "guest_id"}, {"type"}, {"at"}},
      {{"platform"}, {"text"}, {"posted_at"}},
  }};
  return kRequired[size_t(kind)];
}

}  // namespace sobremesa
