#include "demo/restaurant_generator.h"

#include "demo/booking_planner.h"
#include "demo/demo_writer.h"
#include "demo/guest_generator.h"
#include "demo/menu_catalog.h"
#include "demo/menu_context.h"
#include "demo/visit_simulator.h"

namespace sobremesa::demo {
namespace {

// Streams of DemoRandom::ForStream used here; other stages use their own.
constexpr std::uint64_t kStreamGuests = 1, kStreamBookings = 2, kStreamVisits = 4;

StatusOr<UnixSeconds> ValidateOptions(const DemoOptions& options) {
  if (options.guests < 1 || options.guests > 1'000'000) {
    return Status::InvalidArgument("guests must be in [1, 1000000], got " +
                                   std::to_string(options.guests));
  }
  if (options.days < 1 || options.days > 3650) {
    return Status::InvalidArgument("days must be in [1, 3650], got " +
                                   std::to_string(options.days));
  }
  if (options.batch_size < 1) return Status::InvalidArgument("batch_size must be >= 1");
  if (options.end_date.size() != 10) {
    return Status::InvalidArgument("end_date must be YYYY-MM-DD, got '" + options.end_date + "'");
  }
  StatusOr<UnixSeconds> end = ParseTimestamp(options.end_date);
  if (!end.ok()) return end.status().WithContext("end_date");
  if (ToLocal(*end - static_cast<UnixSeconds>(options.days) * 86400).year < kMinYear) {
    return Status::InvalidArgument("the demo period would start before 2000");
  }
  return end;
}

Restaurant DemoRestaurant() {
  Restaurant r;
  r.external_id = "demo";
  r.name = "Sobremesa Demo — Miraflores";
  return r;
}

}  // namespace

StatusOr<DemoData> GenerateDemoData(const DemoOptions& options) {
  ASSIGN_OR_RETURN(const UnixSeconds last_day_start, ValidateOptions(options));
  DemoData data;
  data.restaurant = DemoRestaurant();
  ASSIGN_OR_RETURN(data.menu, BuildDemoMenu());
  const DemoCalendar calendar(last_day_start, options.days);
  data.period_start = calendar.DayStart(0);
  data.period_end = calendar.PeriodEnd();
  const std::uint64_t seed = options.seed;
  const std::vector<GeneratedGuest> guests =
      GenerateGuests(options.guests, calendar, seed ^ kStreamGuests);
  for (const GeneratedGuest& g : guests) {
    data.guests.push_back(g.guest);
    data.tastes.push_back(g.habits.taste);
    data.segments.push_back(g.habits.segment);
  }
  const std::vector<Booking> bookings = PlanBookings(guests, calendar, seed ^ kStreamBookings);
  const MenuContext menu(data.menu, seed);
  SimulateVisits(bookings, guests, menu, calendar, seed ^ kStreamVisits, data);
  return data;
}

DemoSummary Summarize(const DemoData& data) {
  DemoSummary s;
  s.menu_items = static_cast<std::int64_t>(data.menu.size());
  s.guests = static_cast<std::int64_t>(data.guests.size());
  s.reservations = static_cast<std::int64_t>(data.reservations.size());
  for (const Reservation& r : data.reservations) {
    s.no_shows += r.status == ReservationStatus::kNoShow ? 1 : 0;
    s.cancellations += r.status == ReservationStatus::kCancelled ? 1 : 0;
  }
  s.visits = static_cast<std::int64_t>(data.visits.size());
  s.order_lines = static_cast<std::int64_t>(data.order_lines.size());
  s.feedback = static_cast<std::int64_t>(data.feedback.size());
  s.events = static_cast<std::int64_t>(data.events.size());
  s.mentions = static_cast<std::int64_t>(data.mentions.size());
  return s;
}

StatusOr<DemoSummary> GenerateDemo(Store& store, const DemoOptions& options,
                                   const DemoProgress& progress) {
  if (progress) progress("generating", 0.0);
  ASSIGN_OR_RETURN(const DemoData data, GenerateDemoData(options));
  if (progress) progress("generating", 1.0);
  ASSIGN_OR_RETURN(const Id restaurant_id,
                   WriteDemoData(store, data, options.batch_size, progress));
  DemoSummary summary = Summarize(data);
  summary.restaurant_id = restaurant_id;
  return summary;
}

}  // namespace sobremesa::demo
