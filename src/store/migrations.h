#pragma once
// Versioned schema of the SQLite store. Migrations form an ordered list
// numbered 1, 2, ...; each is applied once and recorded in the table
// schema_migrations(version, description, applied_at). A newer binary
// upgrades an older database in place at open; a database newer than the
// binary is refused rather than guessed at. The schema is described for
// analysts in docs/schema.md.

#include <span>
#include <string_view>

#include "common/status.h"
#include "store/sqlite_statement.h"

namespace sobremesa::sqlite {

struct Migration {
  int version;
  std::string_view description;
  const char* sql;  // one or more statements, run inside the migration's transaction
};

// Every migration, in version order starting at 1.
std::span<const Migration> SchemaMigrations();
// The version this binary writes: the last migration's.
int LatestSchemaVersion();

// The highest version recorded in the database; 0 for a new, empty one.
[[nodiscard]] StatusOr<int> SchemaVersion(Connection& db);

// Migration 5 and the triggers it creates call erased_id_hash, which must be
// defined on `db` (DefineErasedIdHash, erasure_key.h).
//
// Applies, in one IMMEDIATE transaction, every migration above the recorded
// version up to `target_version`; all of them or none. FailedPrecondition
// naming both versions when the database is already newer than
// `target_version`; InvalidArgument when `target_version` is not a known
// version; Internal with SQLite's message when a statement fails.
[[nodiscard]] Status Migrate(Connection& db, int target_version);

}  // namespace sobremesa::sqlite
