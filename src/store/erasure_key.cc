#include "store/erasure_key.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace sobremesa::sqlite {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";

std::string ToHex(const unsigned char* bytes, size_t size) {
  std::string hex;
  for (size_t i = 0; i < size; ++i) {
    hex += kHexDigits[bytes[i] >> 4];
    hex += kHexDigits[bytes[i] & 15];
  }
  return hex;
}

Status SystemError(const std::string& what, const std::string& path) {
  return Status::Internal(what + " " + path + ": " + std::strerror(errno));
}

// Writes a new random key to a private temporary file, then links it to
// `path`, which fails when another process got there first: the file at
// `path` is always whole.
Status CreateKeyFile(const std::string& path) {
  std::array<unsigned char, ErasureKey::kBytes> key;
  randombytes_buf(key.data(), key.size());
  const std::string text = ToHex(key.data(), key.size()) + "\n";
  sodium_memzero(key.data(), key.size());
  std::string temporary = path + ".XXXXXX";
  const int fd = mkstemp(temporary.data());  // mode 0600
  if (fd < 0) return SystemError("cannot create", temporary);
  const bool written =
      write(fd, text.data(), text.size()) == ssize_t(text.size()) && fsync(fd) == 0;
  close(fd);
  const bool linked = written && link(temporary.c_str(), path.c_str()) == 0;
  const int link_errno = errno;
  unlink(temporary.c_str());
  if (!written) return SystemError("cannot write", temporary);
  if (!linked && link_errno != EEXIST) {
    errno = link_errno;
    return SystemError("cannot create", path);
  }
  return Status::Ok();
}

StatusOr<std::array<unsigned char, ErasureKey::kBytes>> ReadKeyFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return SystemError("cannot read", path);
  std::string hex;
  in >> hex;
  std::array<unsigned char, ErasureKey::kBytes> key;
  size_t size = 0;
  if (hex.size() != 2 * key.size() ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &size, nullptr) !=
          0 ||
      size != key.size()) {
    return Status::FailedPrecondition("erasure key " + path + ": expected " +
                                      std::to_string(2 * key.size()) +
                                      " hex digits; restore the file from a backup");
  }
  return key;
}

// True when the database already keeps erased ids hashed (migration 5 ran
// and some erased guest had an external id).
StatusOr<bool> HoldsHashedErasedIds(Connection& db) {
  ASSIGN_OR_RETURN(Statement column, db.Prepare("SELECT 1 FROM pragma_table_info('erased_guests')"
                                                " WHERE name = 'external_id_hash'"));
  ASSIGN_OR_RETURN(bool migrated, column.Step());
  if (!migrated) return false;
  ASSIGN_OR_RETURN(Statement rows, db.Prepare("SELECT 1 FROM erased_guests"
                                              " WHERE external_id_hash IS NOT NULL LIMIT 1"));
  return rows.Step();
}

}  // namespace

StatusOr<ErasureKey> ErasureKey::Load(const std::string& path, bool may_create) {
  if (sodium_init() < 0) return Status::Internal("libsodium cannot start");
  struct stat info;
  if (stat(path.c_str(), &info) != 0) {
    if (errno != ENOENT) return SystemError("cannot read", path);
    if (!may_create) return Status::NotFound("erasure key " + path + " not found");
    RETURN_IF_ERROR(CreateKeyFile(path));
  }
  ASSIGN_OR_RETURN(auto bytes, ReadKeyFile(path));
  return ErasureKey(bytes);
}

StatusOr<ErasureKey> LoadErasureKeyOf(Connection& db, const std::string& database_path) {
  const std::string path = ErasureKeyPath(database_path);
  ASSIGN_OR_RETURN(bool hashed, HoldsHashedErasedIds(db));
  StatusOr<ErasureKey> key = ErasureKey::Load(path, /*may_create=*/!hashed);
  if (key.status().IsNotFound()) {
    return Status::FailedPrecondition(
        "erasure key " + path +
        " is missing, and the database keeps erased guests' ids hashed"
        " under it: restore the file from the backup of this data directory (without it an"
        " erased guest could be imported again)");
  }
  return key;
}

std::optional<std::string> ErasureKey::Hash(std::string_view external_id) const {
  if (external_id.empty()) return std::nullopt;
  std::string hash(kHashBytes, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(hash.data()), hash.size(),
                     reinterpret_cast<const unsigned char*>(external_id.data()), external_id.size(),
                     key_.data(), key_.size());
  return hash;
}

std::string ErasureKeyPath(const std::string& database_path) {
  return database_path + "-erasure.key";
}

Status DefineErasedIdHash(Connection& db, const ErasureKey& key) {
  return db.DefineFunction("erased_id_hash",
                           [key](std::string_view external_id) { return key.Hash(external_id); });
}

}  // namespace sobremesa::sqlite
