#pragma once
// Instants are stored as UTC seconds since the Unix epoch; people read and
// write them in the restaurant's zone. America/Lima has kept UTC-5 without
// daylight saving since 1994, so a fixed offset is exact for every date we
// accept (2000-01-01 .. 2099-12-31) and needs no tz database.

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace sobremesa {

// Seconds since 1970-01-01T00:00:00Z.
using UnixSeconds = std::int64_t;

inline constexpr int kLimaOffsetSeconds = -5 * 3600;
inline constexpr int kMinYear = 2000;
inline constexpr int kMaxYear = 2099;

// Parses ISO 8601: "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]" (a space may replace
// the T) with an optional "Z" or "±HH:MM" offset. Without an offset the time
// is read in `default_offset_seconds` (Lima by default). Fails with
// InvalidArgument naming the problem, including years outside [2000, 2099].
StatusOr<UnixSeconds> ParseTimestamp(std::string_view text,
                                     int default_offset_seconds = kLimaOffsetSeconds);

// "2026-11-27T20:15:00-05:00" in the given offset (Lima by default).
std::string FormatTimestamp(UnixSeconds t, int offset_seconds = kLimaOffsetSeconds);

// Calendar pieces of an instant as seen in Lima.
struct LocalTime {
  int year, month, day, hour, minute, weekday;  // weekday: 0 = Sunday
};
LocalTime ToLocal(UnixSeconds t, int offset_seconds = kLimaOffsetSeconds);

// Days since 1970-01-01 on the calendar of the given offset (Lima by
// default), so a late dinner is not split across UTC days.
int LocalDayNumber(UnixSeconds t, int offset_seconds = kLimaOffsetSeconds);

// UTC instant of a Lima wall-clock time; fields must be valid.
UnixSeconds FromLocal(int year, int month, int day, int hour, int minute, int second,
                      int offset_seconds = kLimaOffsetSeconds);

}  // namespace sobremesa
