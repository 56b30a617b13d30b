#pragma once
// Maps a stable text code to its enum value by position in a table of codes.

#include <span>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

// Returns the enum whose index in `codes` holds `code`, or InvalidArgument
// "unknown <what> 'x' (valid: a, b, c)".
template <typename E>
StatusOr<E> ParseCodeFromTable(std::string_view code, std::span<const std::string_view> codes,
                               const char* what) {
  std::string valid;
  for (size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] == code) return static_cast<E>(i);
    valid += (i ? ", " : "") + std::string(codes[i]);
  }
  return Status::InvalidArgument("unknown " + std::string(what) + " '" +
                                 std::string(code.substr(0, 40)) + "' (valid: " + valid + ")");
}

}  // namespace sobremesa
