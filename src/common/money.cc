#include "common/money.h"

#include <cstdio>

namespace sobremesa {

StatusOr<Centimos> ParseSoles(std::string_view text) {
  auto bad = [&](const char* why) {
    return Status::InvalidArgument("invalid amount '" + std::string(text.substr(0, 30)) +
                                   "': " + why);
  };
  if (text.empty()) return bad("empty");
  if (text[0] == '-') return bad("must not be negative");
  Centimos whole = 0;
  int decimals = -1;  // -1 until the decimal mark is seen
  Centimos cents = 0;
  for (char c : text) {
    if (c == '.' || c == ',') {
      if (decimals >= 0) return bad("more than one decimal mark");
      decimals = 0;
    } else if (c >= '0' && c <= '9') {
      if (decimals < 0) {
        whole = whole * 10 + (c - '0');
        if (whole > 1'000'000'000) return bad("too large");
      } else if (++decimals > 2) {
        return bad("more than two decimals");
      } else {
        cents = cents * 10 + (c - '0');
      }
    } else {
      return bad("not a number");
    }
  }
  // A lone decimal mark ("." or ",") is no amount, not zero.
  if (text.size() == 1 && decimals == 0) return bad("not a number");
  if (decimals == 1) cents *= 10;
  return whole * 100 + cents;
}

std::string FormatSoles(Centimos amount) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%lld.%02lld", amount < 0 ? "-" : "",
                static_cast<long long>(std::llabs(amount) / 100),
                static_cast<long long>(std::llabs(amount) % 100));
  return buf;
}

}  // namespace sobremesa
