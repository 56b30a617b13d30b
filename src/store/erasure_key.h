#pragma once
// The secret key under which the store keeps erased guests' external ids
// (migration 5, docs/schema.md). An erased guest's external id is the source
// system's key to a person, so the store keeps only a keyed hash of it
// (BLAKE2b-256 with a 32-byte key, libsodium's crypto_generichash): enough to
// refuse a re-import of the same id, and, without the key, no way back to
// the id, not even by hashing every id a POS could have issued.
//
// The key lives in a file beside the database ("<database>-erasure.key",
// 64 hex digits, mode 0600) and must be backed up with it: without it, the
// erased ids can no longer be recognised.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "store/sqlite_statement.h"

namespace sobremesa::sqlite {

class ErasureKey {
 public:
  static constexpr size_t kBytes = 32;
  static constexpr size_t kHashBytes = 32;

  // Reads the key in the file at `path`. When there is no file and
  // `may_create`, writes a new random key there first (two processes racing
  // both end with the one that was written first). NotFound when there is no
  // file and !may_create; FailedPrecondition naming the file when it is not
  // a key; Internal when it cannot be read or written.
  [[nodiscard]] static StatusOr<ErasureKey> Load(const std::string& path, bool may_create);

  // The key from raw bytes (tests).
  explicit ErasureKey(const std::array<unsigned char, kBytes>& bytes) : key_(bytes) {}

  // The keyed hash of a non-empty external id; nothing for "" (a guest
  // without one leaves nothing to refuse).
  std::optional<std::string> Hash(std::string_view external_id) const;

 private:
  std::array<unsigned char, kBytes> key_;
};

// The key of the database open on `db` at `database_path`, created when
// missing unless the database already keeps ids hashed under a key, which is
// then FailedPrecondition naming the file to restore. Errors as Load.
[[nodiscard]] StatusOr<ErasureKey> LoadErasureKeyOf(Connection& db,
                                                    const std::string& database_path);

// Where the key of the database at `database_path` is kept.
std::string ErasureKeyPath(const std::string& database_path);

// Defines the SQL function erased_id_hash(text) -> blob on `db` with `key`;
// the migrations, the erasure and the triggers that refuse a re-import call
// it, so every connection that writes must have it.
[[nodiscard]] Status DefineErasedIdHash(Connection& db, const ErasureKey& key);

}  // namespace sobremesa::sqlite
