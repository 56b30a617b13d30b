#pragma once
// When a Lima restaurant is busy: weekdays, summer, Fiestas Patrias, year-end,
// and its two services (lunch 12:30–16:00, dinner 19:00–23:30, Lima time).
// Days are numbered 0..days-1 from the first day of the demo period.

#include <vector>

#include "common/time.h"
#include "demo/demo_random.h"

namespace sobremesa::demo {

enum class Service : std::uint8_t { kLunch, kDinner };

class DemoCalendar {
 public:
  // `last_day_start` is Lima midnight (as UTC) of the last day; days >= 1.
  DemoCalendar(UnixSeconds last_day_start, int days);

  int days() const { return days_; }
  UnixSeconds DayStart(int day) const { return first_day_start_ + day * kDaySeconds; }
  // First instant after the period.
  UnixSeconds PeriodEnd() const { return DayStart(days_); }
  LocalTime DateOf(int day) const { return ToLocal(DayStart(day) + 12 * 3600); }
  // Relative busyness of a day (1 = an ordinary Wednesday in May).
  double Weight(int day) const { return weights_[day]; }
  bool IsSummer(int day) const;
  bool IsFridayOrSaturday(int day) const;

  // A day in [from, to) drawn by busyness; from < to.
  int SampleDay(int from, int to, DemoRandom& rng) const;
  // Lunch or dinner for a guest who prefers dinner with `dinner_share`.
  // The restaurant serves no dinner on Sundays.
  Service PickService(int day, double dinner_share, DemoRandom& rng) const;
  // A reservation time on a quarter hour that leaves room to eat.
  UnixSeconds PickSlot(int day, Service service, DemoRandom& rng) const;
  // When the kitchen closes the service (16:00 or 23:30 Lima).
  UnixSeconds ServiceEnd(int day, Service service) const;
  UnixSeconds ServiceStart(int day, Service service) const;

  static constexpr UnixSeconds kDaySeconds = 86400;

 private:
  double ComputeWeight(int day) const;

  UnixSeconds first_day_start_;
  int days_;
  std::vector<double> weights_;
  std::vector<double> cumulative_;  // cumulative_[d] = sum of weights before day d
};

}  // namespace sobremesa::demo
