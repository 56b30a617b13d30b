#include "demo/demo_calendar.h"

#include <algorithm>

namespace sobremesa::demo {
namespace {

constexpr double kWeekdayFactor[7] = {0.8, 0.55, 0.7, 0.8, 0.95, 1.35, 1.5};  // Sunday first

double SeasonFactor(const LocalTime& t) {
  if (t.month == 12) return 1.15;  // year-end dinners
  if (t.month <= 3) return 1.1;    // summer: Lima at its liveliest, tourists
  return t.month == 7 ? 1.05 : 1.0;
}

double HolidayFactor(const LocalTime& t) {
  if (t.month == 7 && (t.day == 28 || t.day == 29)) return 1.8;  // Fiestas Patrias
  if (t.month == 12 && (t.day == 24 || t.day == 25)) return 0.6;  // families eat at home
  if (t.month == 12 && t.day >= 18) return 1.3;
  if (t.month == 1 && t.day == 1) return 0.5;
  if (t.month == 2 && t.day == 14) return 1.6;  // San Valentín
  // Mother's Day: second Sunday of May.
  if (t.month == 5 && t.weekday == 0 && t.day >= 8 && t.day <= 14) return 1.8;
  return 1.0;
}

}  // namespace

DemoCalendar::DemoCalendar(UnixSeconds last_day_start, int days)
    : first_day_start_(last_day_start - static_cast<UnixSeconds>(days - 1) * kDaySeconds),
      days_(days) {
  weights_.reserve(days);
  cumulative_.reserve(days + 1);
  cumulative_.push_back(0);
  for (int d = 0; d < days; ++d) {
    weights_.push_back(ComputeWeight(d));
    cumulative_.push_back(cumulative_.back() + weights_.back());
  }
}

double DemoCalendar::ComputeWeight(int day) const {
  const LocalTime t = DateOf(day);
  return kWeekdayFactor[t.weekday] * SeasonFactor(t) * HolidayFactor(t);
}

bool DemoCalendar::IsSummer(int day) const {
  const int month = DateOf(day).month;
  return month == 12 || month <= 3;
}

bool DemoCalendar::IsFridayOrSaturday(int day) const {
  const int weekday = DateOf(day).weekday;
  return weekday == 5 || weekday == 6;
}

int DemoCalendar::SampleDay(int from, int to, DemoRandom& rng) const {
  const double target = rng.Uniform(cumulative_[from], cumulative_[to]);
  const auto it = std::upper_bound(cumulative_.begin() + from + 1, cumulative_.begin() + to + 1,
                                   target);
  return std::min(static_cast<int>(it - cumulative_.begin()) - 1, to - 1);
}

Service DemoCalendar::PickService(int day, double dinner_share, DemoRandom& rng) const {
  if (DateOf(day).weekday == 0) return Service::kLunch;
  const double share = dinner_share + (IsFridayOrSaturday(day) ? 0.15 : 0.0);
  return rng.Chance(share) ? Service::kDinner : Service::kLunch;
}

UnixSeconds DemoCalendar::ServiceStart(int day, Service service) const {
  return DayStart(day) + (service == Service::kLunch ? 12 * 3600 + 30 * 60 : 19 * 3600);
}

UnixSeconds DemoCalendar::ServiceEnd(int day, Service service) const {
  return DayStart(day) + (service == Service::kLunch ? 16 * 3600 : 23 * 3600 + 30 * 60);
}

UnixSeconds DemoCalendar::PickSlot(int day, Service service, DemoRandom& rng) const {
  // Last seating: 14:30 at lunch, 21:45 at dinner (22:00 on Friday/Saturday).
  const int last_quarter = service == Service::kLunch ? 8 : (IsFridayOrSaturday(day) ? 12 : 11);
  return ServiceStart(day, service) + rng.Int(0, last_quarter) * 15 * 60;
}

}  // namespace sobremesa::demo
