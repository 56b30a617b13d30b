#pragma once
// Line-by-line reading of the plain-text data sets in ../shared/datasets,
// shared by their loaders so every error names the file and line alike.

#include <charconv>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// Calls `parse_line` with each non-empty line (a trailing '\r' removed);
// prefixes its error with "path:line: ". NotFound if
// `path` cannot be opened.
Status ForEachLine(const std::string& path,
                   const std::function<Status(std::string_view line)>& parse_line);

// Splits on any of `separators`, dropping empty fields.
std::vector<std::string_view> Split(std::string_view line, std::string_view separators);

// InvalidArgument "'field' is not a number" unless all of `field` parses.
template <typename T>
Status ParseNumber(std::string_view field, T& out) {
  const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
  if (ec != std::errc() || ptr != field.data() + field.size()) {
    // Built by append: GCC 12 warns falsely (-Wrestrict) on "'" + std::string.
    std::string message(1, '\'');
    message.append(field).append("' is not a number");
    return Status::InvalidArgument(std::move(message));
  }
  return Status::Ok();
}

}  // namespace sobremesa::recommendation
