#pragma once
// Money is integer céntimos of Peruvian soles (PEN): no floating point in sums.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

using Centimos = std::int64_t;

// Parses "45", "45.5", "45.50" (a comma also works as the decimal mark) into
// céntimos. Negative amounts and more than two decimals are InvalidArgument.
StatusOr<Centimos> ParseSoles(std::string_view text);

// "45.50"
std::string FormatSoles(Centimos amount);

}  // namespace sobremesa
