#pragma once
// SQL of a guest's erasure (Store::EraseGuest, migration 4, docs/schema.md).
// Used by sqlite_store.cc.

#include "common/status.h"
#include "store/sqlite_statement.h"
#include "store/store.h"

namespace sobremesa::sqlite {

// Deletes the guest's rows and records the erasure (the id, and a keyed hash
// of the external id: `db` must have erased_id_hash), inside the caller's
// transaction; NotFound when the guest is not in the restaurant.
[[nodiscard]] StatusOr<GuestErasure> EraseGuestRows(Connection& db, Id restaurant_id, Id guest_id,
                                                    UnixSeconds now);

}  // namespace sobremesa::sqlite
