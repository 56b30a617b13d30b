#pragma once
// How a batch write names the record it refused (store.h, "Writes"):
// "<noun> <index>: <reason>", the index being the record's place in the
// batch ("order line 3: item 999 not found in restaurant 1"). Callers that
// know where each record came from name it in their client's terms instead:
// an import by its file line, the API by its position in the request's array.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

// `cause` with the record's noun and index in the batch in front.
Status RefusedRecord(const Status& cause, std::string_view noun, size_t index);

struct RecordRefusal {
  size_t index = 0;    // in the batch
  std::string reason;  // the message after "<noun> <index>: "
};

// What RefusedRecord put into the Status of a batch write; nullopt for the
// others (the database failing, a transaction that could not start). Only
// for a batch write's Status: any "<words> <digits>: ..." reads as a refusal.
std::optional<RecordRefusal> ParseRefusedRecord(const Status& status);

}  // namespace sobremesa
