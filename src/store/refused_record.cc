#include "store/refused_record.h"

#include <algorithm>
#include <cctype>

namespace sobremesa {
namespace {

bool IsNounChar(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == ' '; }
bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)); }

}  // namespace

Status RefusedRecord(const Status& cause, std::string_view noun, size_t index) {
  return cause.WithContext(std::string(noun) + " " + std::to_string(index));
}

std::optional<RecordRefusal> ParseRefusedRecord(const Status& status) {
  const std::string& message = status.message();
  const size_t colon = message.find(": ");
  if (status.ok() || colon == std::string::npos) return std::nullopt;
  const std::string_view prefix = std::string_view(message).substr(0, colon);
  const size_t space = prefix.rfind(' ');
  if (space == std::string_view::npos || space == 0) return std::nullopt;
  const std::string_view noun = prefix.substr(0, space), index = prefix.substr(space + 1);
  // Up to 18 digits always fit a size_t.
  if (index.empty() || index.size() > 18 || !std::all_of(index.begin(), index.end(), IsDigit) ||
      !std::all_of(noun.begin(), noun.end(), IsNounChar)) {
    return std::nullopt;
  }
  return RecordRefusal{std::stoul(std::string(index)), message.substr(colon + 2)};
}

}  // namespace sobremesa
