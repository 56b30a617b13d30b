#include "common/time.h"

#include <charconv>
#include <chrono>

namespace sobremesa {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

bool ReadInt(std::string_view s, size_t pos, size_t len, int& out) {
  if (pos + len > s.size()) return false;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  std::from_chars(s.data() + pos, s.data() + pos + len, out);
  return true;
}

Status Bad(std::string_view text, const std::string& why) {
  return Status::InvalidArgument("invalid timestamp '" + std::string(text.substr(0, 40)) +
                                 "': " + why);
}

// Reads "Z" or "+HH:MM"/"-HH:MM" (also "+HHMM") at the end of `text`.
StatusOr<int> ParseOffset(std::string_view text, std::string_view rest) {
  if (rest == "Z" || rest == "z") return 0;
  int hh = 0, mm = 0;
  const bool colon = rest.size() == 6 && rest[3] == ':';
  if ((rest.size() != 6 && rest.size() != 5) || (rest[0] != '+' && rest[0] != '-') ||
      !ReadInt(rest, 1, 2, hh) || !ReadInt(rest, colon ? 4 : 3, 2, mm) || hh > 14 || mm > 59) {
    return Bad(text, "expected an offset like Z or -05:00 after the time");
  }
  const int sign = rest[0] == '-' ? -1 : 1;
  return sign * (hh * 3600 + mm * 60);
}

}  // namespace

UnixSeconds FromLocal(int year, int month, int day, int hour, int minute, int second,
                      int offset_seconds) {
  const sys_days d{std::chrono::year{year} / month / day};
  return d.time_since_epoch().count() * 86400LL + hour * 3600 + minute * 60 + second -
         offset_seconds;
}

StatusOr<UnixSeconds> ParseTimestamp(std::string_view text, int default_offset_seconds) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (text.size() < 10 || !ReadInt(text, 0, 4, y) || text[4] != '-' ||
      !ReadInt(text, 5, 2, mo) || text[7] != '-' || !ReadInt(text, 8, 2, d)) {
    return Bad(text, "expected YYYY-MM-DD[THH:MM[:SS]][Z|±HH:MM]");
  }
  if (y < kMinYear || y > kMaxYear) {
    return Bad(text, "year out of range " + std::to_string(kMinYear) + ".." +
                         std::to_string(kMaxYear));
  }
  const std::chrono::year_month_day ymd{std::chrono::year{y} / mo / d};
  if (!ymd.ok()) return Bad(text, "no such calendar date");
  size_t pos = 10;
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == ' ')) {
    if (!ReadInt(text, pos + 1, 2, h) || text.size() < pos + 6 || text[pos + 3] != ':' ||
        !ReadInt(text, pos + 4, 2, mi)) {
      return Bad(text, "expected HH:MM after the date");
    }
    pos += 6;
    if (pos < text.size() && text[pos] == ':') {
      if (!ReadInt(text, pos + 1, 2, s)) return Bad(text, "expected SS after HH:MM:");
      pos += 3;
      // Fractional seconds are accepted and dropped: we keep whole seconds.
      if (pos < text.size() && text[pos] == '.') {
        ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      }
    }
    if (h > 23 || mi > 59 || s > 60) return Bad(text, "time of day out of range");
  }
  int offset = default_offset_seconds;
  if (pos < text.size()) {
    auto parsed = ParseOffset(text, text.substr(pos));
    if (!parsed.ok()) return parsed.status();
    offset = *parsed;
  }
  return FromLocal(y, mo, d, h, mi, s, offset);
}

int LocalDayNumber(UnixSeconds t, int offset_seconds) {
  const long long local = t + offset_seconds;
  return static_cast<int>(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

LocalTime ToLocal(UnixSeconds t, int offset_seconds) {
  const long long local = t + offset_seconds;
  long long day_count = local / 86400;
  long long secs = local % 86400;
  if (secs < 0) {
    secs += 86400;
    --day_count;
  }
  const sys_days sd{days{day_count}};
  const std::chrono::year_month_day ymd{sd};
  const std::chrono::weekday wd{sd};
  return LocalTime{int(ymd.year()),      int(unsigned(ymd.month())), int(unsigned(ymd.day())),
                   int(secs / 3600),     int(secs % 3600 / 60),      int(wd.c_encoding())};
}

std::string FormatTimestamp(UnixSeconds t, int offset_seconds) {
  const LocalTime lt = ToLocal(t, offset_seconds);
  const long long local = t + offset_seconds;
  const int sec = int(((local % 60) + 60) % 60);
  const int off_min = std::abs(offset_seconds) / 60;
  char buf[40];
  if (offset_seconds == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", lt.year, lt.month, lt.day,
                  lt.hour, lt.minute, sec);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", lt.year, lt.month,
                  lt.day, lt.hour, lt.minute, sec, offset_seconds < 0 ? '-' : '+', off_min / 60,
                  off_min % 60);
  }
  return buf;
}

}  // namespace sobremesa
