#pragma once
// The embedded SQLite implementation of Store (store.h), the default for a
// single restaurant server and for the demo. Schema: docs/schema.md.
//
// Beyond the Store contract:
//   - The record index in batch error messages is the 0-based position in
//     the span ("order line 3: item 999 not found in restaurant 1").
//   - AppendEvents refuses an event with id != 0 (InvalidArgument): events
//     are never updated.
//   - A read about a guest, visit or restaurant that is not in the
//     restaurant (GuestItemHistory, ListGuestVisits, ListVisitOrders, the
//     lists and Counts) is NotFound rather than an empty result.
//   - A write that breaks a UNIQUE rule (update by id to an external_id
//     another record holds) is AlreadyExists; a value outside a column's
//     range (spice level 7, quantity 0, NPS 11) is InvalidArgument naming
//     the record and the rule.
//
// Concurrency: one writer connection behind a mutex and a pool of reader
// connections; the file is in WAL mode, so reads do not wait for writes.

#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

namespace sobremesa {

// Opens the database file at `path`, creating it when missing, and migrates
// its schema to the version this binary knows. The key that erased guests'
// external ids are hashed under is read from "<path>-erasure.key", and
// written there when missing (store/erasure_key.h). FailedPrecondition naming
// both versions when the file's schema is newer than the binary, or naming
// the key file when it is missing but erased ids were hashed under it or is
// not a key; Internal with SQLite's message when the file cannot be opened
// or is not a database.
// The caller owns the returned store; it closes the file on destruction.
[[nodiscard]] StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace sobremesa
