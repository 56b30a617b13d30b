#pragma once
// Errors as values at module boundaries (LevelDB's Status, absl's StatusOr).
// NotFound is kept apart from other failures so callers can branch on it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sobremesa {

enum class StatusCode {
  kOk,
  kInvalidArgument,     // the caller's input is wrong; message names the problem
  kNotFound,            // a referenced entity does not exist
  kAlreadyExists,       // a unique key is taken
  kFailedPrecondition,  // the system is not in a state to do this (e.g. no model trained)
  kResourceExhausted,   // a size limit was exceeded
  kInternal,            // a bug or a failing dependency (database, file system)
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) {
    return {StatusCode::kFailedPrecondition, std::move(m)};
  }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  bool IsNotFound() const { return code_ == StatusCode::kNotFound; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid_argument: price must be >= 0" — for logs and CLI output.
  std::string ToString() const;

  // Returns a copy whose message is prefixed with `context` ("line 12: ...").
  // A refused record (WithRecord) stays known.
  Status WithContext(const std::string& context) const;

  // How a batch write refuses one of its records (store.h, "Writes"): a copy
  // whose message is "<noun> <index>: <message>" ("order line 3: item 999 not
  // found in restaurant 1"), `index` being the record's place in the batch.
  // The index and the bare reason are also kept as data, so that a caller who
  // knows the record by another name (an import by its file line, the API by
  // its position in the request) names it so without reading the text back.
  Status WithRecord(std::string_view noun, size_t index) const;
  // The index given to WithRecord; nullopt for other failures and OK.
  std::optional<size_t> record_index() const {
    if (record_index_ == kNoRecord) return std::nullopt;
    return record_index_;
  }
  // The message without what stands before the reason WithRecord was given
  // ("item 999 not found in restaurant 1"); the whole message when there is
  // no record. Valid while this Status lives.
  std::string_view record_reason() const {
    if (record_index_ == kNoRecord) return message_;
    return std::string_view(message_).substr(message_.size() - reason_size_);
  }

 private:
  static constexpr size_t kNoRecord = static_cast<size_t>(-1);

  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  // Set by WithRecord: two integers, so an OK Status stays as cheap as before.
  size_t record_index_ = kNoRecord;
  size_t reason_size_ = 0;  // the reason is the message's tail of this length
};

// Stable snake_case name of a code, used in JSON error bodies.
const char* StatusCodeName(StatusCode code);

// Either a value or a non-OK Status. Accessing value() of an error is a bug.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : v_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace sobremesa

#define SOBREMESA_CONCAT_INNER(a, b) a##b
#define SOBREMESA_CONCAT(a, b) SOBREMESA_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                    \
  do {                                           \
    ::sobremesa::Status status_ = (expr);        \
    if (!status_.ok()) return status_;           \
  } while (0)

#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(SOBREMESA_CONCAT(statusor_, __LINE__), lhs, expr)
#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()
