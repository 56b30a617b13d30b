#pragma once
// A thin RAII layer over the SQLite C API, private to the store module: a
// connection that caches its prepared statements, a statement cursor, and a
// transaction. sqlite3.h stays in the .cc so that only forward declarations
// leave this file.
//
// Errors map to Status codes the store can branch on: a FOREIGN KEY violation
// is NotFound, a UNIQUE violation AlreadyExists, a CHECK or NOT NULL violation
// InvalidArgument; anything else is Internal with SQLite's message.
//
// Thread safety: a Connection and its statements are used by one thread at a
// time; callers serialize (the writer mutex, the reader pool).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace sobremesa::sqlite {

// A prepared statement borrowed from its connection's cache. Destruction
// resets it and clears its bindings, which also ends any read it holds open
// (an unreset statement would pin a WAL snapshot).
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are 1-based. A failing bind is remembered and reported by
  // the next Step, so call sites stay linear.
  void BindInt(int index, std::int64_t value);
  // The text must stay unchanged until the statement is reset.
  void BindText(int index, std::string_view value);
  // For temporaries: SQLite keeps its own copy.
  void BindTextCopy(int index, std::string_view value);
  void BindNull(int index);
  void BindOptionalInt(int index, std::optional<std::int64_t> value);

  // True when a row is ready to read, false when the statement is done.
  [[nodiscard]] StatusOr<bool> Step();
  // Steps to completion, for statements that return no rows.
  [[nodiscard]] Status Run();

  // Columns are 0-based and valid until the next Step.
  std::int64_t ColumnInt(int column) const;
  std::optional<std::int64_t> ColumnOptionalInt(int column) const;
  // The exact bytes stored, embedded NULs included.
  std::string_view ColumnText(int column) const;

 private:
  sqlite3_stmt* stmt_;
  sqlite3* db_;
  int bind_error_ = 0;  // first failing sqlite3_bind_* result, 0 when none
};

enum class OpenMode : std::uint8_t {
  kReadWriteCreate,  // the writer: creates the file when missing
  kQueryOnly,        // readers: the file must exist; PRAGMA query_only refuses writes
};

// One SQLite connection. Owns its cached statements and finalizes them first.
class Connection {
 public:
  // Opens `path` with a busy timeout; see OpenMode.
  // Internal with SQLite's message when the file cannot be opened.
  [[nodiscard]] static StatusOr<std::unique_ptr<Connection>> Open(const std::string& path,
                                                                  OpenMode mode);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements that return no rows (DDL, PRAGMA).
  [[nodiscard]] Status Exec(const char* sql);
  // Returns the statement for `sql`, prepared once and cached by the address
  // of the text: pass only texts with static storage duration. The same text
  // must not be in use twice at once on one connection.
  [[nodiscard]] StatusOr<Statement> Prepare(const char* sql);

  // Defines, on this connection only, the deterministic SQL function
  // `name`(text) whose value is the blob `fn` returns, or NULL when it returns
  // nothing or the argument is NULL. The connection keeps `fn` until it
  // closes. Internal with SQLite's message when SQLite refuses it.
  using TextToBlob = std::function<std::optional<std::string>(std::string_view)>;
  [[nodiscard]] Status DefineFunction(const char* name, TextToBlob fn);

 private:
  explicit Connection(sqlite3* db) : db_(db) {}

  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

// BEGIN ... COMMIT; rolled back on destruction unless committed. kImmediate
// takes the write lock at once, so a writer never fails half-way on a lock
// upgrade; kDeferred gives a reader one consistent snapshot.
class Transaction {
 public:
  enum class Kind : std::uint8_t { kDeferred, kImmediate };

  [[nodiscard]] static StatusOr<Transaction> Begin(Connection& db, Kind kind);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  [[nodiscard]] Status Commit();

 private:
  explicit Transaction(Connection* db) : db_(db) {}

  Connection* db_;  // null once committed or moved from
};

}  // namespace sobremesa::sqlite
