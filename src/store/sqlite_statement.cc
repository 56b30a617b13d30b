#include "store/sqlite_statement.h"

#include <sqlite3.h>

#include <utility>

namespace sobremesa::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Maps a failed result to the Status the store branches on (see header).
Status ErrorStatus(sqlite3* db, int result) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(result);
  switch (result) {
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Status::NotFound(std::move(message));
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Status::AlreadyExists(std::move(message));
    // Our triggers' RAISE(ABORT): a key kept back, such as an erased guest's
    // external id.
    case SQLITE_CONSTRAINT_TRIGGER:
      return Status::AlreadyExists(std::move(message));
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Status::InvalidArgument(std::move(message));
    default:
      return Status::Internal("sqlite: " + message);
  }
}

void CallTextToBlob(sqlite3_context* context, int, sqlite3_value** args) {
  const auto& fn = *static_cast<const Connection::TextToBlob*>(sqlite3_user_data(context));
  if (sqlite3_value_type(args[0]) == SQLITE_NULL) return sqlite3_result_null(context);
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(args[0]));
  const std::string_view view(text != nullptr ? text : "",
                              static_cast<size_t>(sqlite3_value_bytes(args[0])));
  const std::optional<std::string> blob = fn(view);
  if (!blob) return sqlite3_result_null(context);
  sqlite3_result_blob64(context, blob->data(), blob->size(), SQLITE_TRANSIENT);
}

}  // namespace

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), db_(other.db_), bind_error_(other.bind_error_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::BindInt(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindText(int index, std::string_view value) {
  // A null data pointer would bind SQL NULL; an empty text is still text.
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_STATIC, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindTextCopy(int index, std::string_view value) {
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
}

void Statement::BindOptionalInt(int index, std::optional<std::int64_t> value) {
  if (value) {
    BindInt(index, *value);
  } else {
    BindNull(index);
  }
}

StatusOr<bool> Statement::Step() {
  if (bind_error_ != 0) {
    return Status::Internal(std::string("sqlite: bind: ") + sqlite3_errstr(bind_error_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return ErrorStatus(db_, sqlite3_extended_errcode(db_));
}

Status Statement::Run() {
  while (true) {
    ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

std::int64_t Statement::ColumnInt(int column) const { return sqlite3_column_int64(stmt_, column); }

std::optional<std::int64_t> Statement::ColumnOptionalInt(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_, column);
}

std::string_view Statement::ColumnText(int column) const {
  // Ask for the text before its length: the order SQLite documents as safe.
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (text == nullptr) return {};
  return {text, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

StatusOr<std::unique_ptr<Connection>> Connection::Open(const std::string& path, OpenMode mode) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == OpenMode::kReadWriteCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  // The handle owns its error message, so wrap it before reporting.
  std::unique_ptr<Connection> connection(new Connection(db));
  if (rc != SQLITE_OK) {
    return Status::Internal("sqlite: cannot open " + path + ": " +
                            (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (mode == OpenMode::kQueryOnly) RETURN_IF_ERROR(connection->Exec("PRAGMA query_only = ON"));
  return connection;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Connection::Exec(const char* sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return Status::Internal("sqlite: " + message);
}

StatusOr<Statement> Connection::Prepare(const char* sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return ErrorStatus(db_, rc);
    it = statements_.emplace(sql, stmt).first;
  }
  return Statement(it->second, db_);
}

Status Connection::DefineFunction(const char* name, TextToBlob fn) {
  // Innocuous: no side effects, so triggers and indexes may call it even
  // where the schema is not trusted.
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  int rc = sqlite3_create_function_v2(
      db_, name, 1, flags, new TextToBlob(std::move(fn)), CallTextToBlob, nullptr, nullptr,
      [](void* p) { delete static_cast<TextToBlob*>(p); });
  return rc == SQLITE_OK ? Status::Ok() : ErrorStatus(db_, rc);
}

StatusOr<Transaction> Transaction::Begin(Connection& db, Kind kind) {
  ASSIGN_OR_RETURN(Statement begin,
                   db.Prepare(kind == Kind::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED"));
  RETURN_IF_ERROR(begin.Run());
  return Transaction(&db);
}

Transaction::~Transaction() {
  if (db_ == nullptr) return;
  // Nothing to report to: a failed rollback leaves SQLite to roll back when
  // the next transaction begins or the connection closes.
  if (auto rollback = db_->Prepare("ROLLBACK"); rollback.ok()) (void)rollback->Run();
}

Status Transaction::Commit() {
  ASSIGN_OR_RETURN(Statement commit, db_->Prepare("COMMIT"));
  RETURN_IF_ERROR(commit.Run());
  db_ = nullptr;
  return Status::Ok();
}

}  // namespace sobremesa::sqlite
