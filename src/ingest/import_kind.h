#pragma once
// What a bulk import file holds: one kind of record per file.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sobremesa {

enum class ImportKind : std::uint8_t {
  kMenu,
  kGuests,
  kReservations,
  kVisits,
  kOrders,
  kFeedback,
  kEvents,
  kMentions,
};

// Codes: "menu", "guests", "reservations", "visits", "orders", "feedback",
// "events", "mentions".
std::string_view ImportKindCode(ImportKind kind);
// InvalidArgument "unknown import kind 'x' (valid: menu, guests, ...)".
StatusOr<ImportKind> ParseImportKind(std::string_view code);

// The columns a CSV file of `kind` must have. Each group lists alternatives
// of which at least one must be present (e.g. {"price", "price_centimos"}).
const std::vector<std::vector<std::string>>& RequiredColumns(ImportKind kind);

}  // namespace sobremesa
