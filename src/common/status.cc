#include "common/status.h"

namespace sobremesa {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kFailedPrecondition: return "failed_precondition";
    case StatusCode::kResourceExhausted: return "resource_exhausted";
    case StatusCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(StatusCodeName(code_)) + ": " + message_;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s(code_, context + ": " + message_);
  s.record_index_ = record_index_;
  s.reason_size_ = reason_size_;
  return s;
}

Status Status::WithRecord(std::string_view noun, size_t index) const {
  if (ok()) return *this;
  Status s = WithContext(std::string(noun) + " " + std::to_string(index));
  s.record_index_ = index;
  s.reason_size_ = message_.size();
  return s;
}

}  // namespace sobremesa
