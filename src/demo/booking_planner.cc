#include "demo/booking_planner.h"

#include <algorithm>
#include <array>
#include <tuple>

namespace sobremesa::demo {
namespace {

struct Choice {
  std::string_view value;
  double weight;
};

std::string_view PickFrom(std::span<const Choice> choices, DemoRandom& rng) {
  std::vector<double> weights;
  for (const Choice& c : choices) weights.push_back(c.weight);
  return choices[rng.Weighted(weights)].value;
}

std::string_view PickChannel(Segment segment, DemoRandom& rng) {
  static constexpr Choice kRegular[] = {
      {"phone", .35}, {"whatsapp", .4}, {"web", .15}, {"walk_in", .1}};
  static constexpr Choice kBusiness[] = {
      {"phone", .35}, {"web", .3}, {"whatsapp", .25}, {"walk_in", .1}};
  static constexpr Choice kCelebration[] = {
      {"web", .4}, {"whatsapp", .3}, {"phone", .25}, {"walk_in", .05}};
  static constexpr Choice kTourist[] = {
      {"concierge", .35}, {"web", .45}, {"walk_in", .15}, {"whatsapp", .05}};
  static constexpr Choice kOccasional[] = {
      {"web", .45}, {"phone", .2}, {"whatsapp", .2}, {"walk_in", .15}};
  switch (segment) {
    case Segment::kRegular: return PickFrom(kRegular, rng);
    case Segment::kBusiness: return PickFrom(kBusiness, rng);
    case Segment::kCelebration: return PickFrom(kCelebration, rng);
    case Segment::kTourist: return PickFrom(kTourist, rng);
    case Segment::kOccasional: return PickFrom(kOccasional, rng);
  }
  return "web";
}

int PickLeadDays(std::string_view channel, Segment segment, DemoRandom& rng) {
  if (channel == "walk_in") return 0;
  if (channel == "concierge") return rng.Int(0, 3);
  // Most tables are booked within the week; celebrations and the web book further out.
  constexpr double kBuckets[] = {0.2, 0.3, 0.3, 0.15, 0.05};
  constexpr int kLo[] = {0, 1, 3, 8, 22}, kHi[] = {0, 2, 7, 21, 45};
  const size_t b = rng.Weighted(kBuckets);
  int lead = rng.Int(kLo[b], kHi[b]);
  if (segment == Segment::kCelebration) lead += rng.Int(0, 10);
  if (channel == "web") lead += rng.Int(0, 5);
  return lead;
}

int PickPartySize(Segment segment, DemoRandom& rng) {
  static constexpr std::array<double, 10> kBySegment[] = {
      // party of 1..10
      {.05, .55, .15, .18, .04, .03, 0, 0, 0, 0},        // regular
      {.02, .33, .25, .25, .08, .05, .02, 0, 0, 0},      // business
      {0, .30, .08, .18, .12, .12, .08, .06, .03, .03},  // celebration
      {.10, .60, .10, .16, .02, .02, 0, 0, 0, 0},        // tourist
      {.03, .50, .18, .18, .06, .05, 0, 0, 0, 0},        // occasional
  };
  return static_cast<int>(rng.Weighted(kBySegment[static_cast<size_t>(segment)])) + 1;
}

std::string_view PickOccasion(Segment segment, int party_size, const LocalTime& date,
                              DemoRandom& rng) {
  if (date.month == 2 && date.day == 14 && party_size == 2) return "date";
  switch (segment) {
    case Segment::kCelebration:
      if (party_size == 2) return rng.Chance(0.7) ? "anniversary" : "date";
      return rng.Chance(0.65) ? "birthday" : "celebration";
    case Segment::kBusiness: return rng.Chance(0.85) ? "business" : "";
    case Segment::kTourist: return rng.Chance(0.06) ? "anniversary" : "";
    default:
      if (date.month == 7 && date.day >= 27 && date.day <= 29) return "celebration";
      if (rng.Chance(0.06)) return "birthday";
      return party_size == 2 && rng.Chance(0.12) ? "date" : "";
  }
}

Booking MakeBooking(size_t guest, const GuestHabits& habits, int day, int seq,
                    const DemoCalendar& calendar, DemoRandom& rng) {
  Booking b;
  b.guest = guest;
  b.day = day;
  b.seq = seq;
  b.service = calendar.PickService(day, habits.dinner_share, rng);
  b.reserved_for = calendar.PickSlot(day, b.service, rng);
  b.party_size = PickPartySize(habits.segment, rng);
  b.channel = PickChannel(habits.segment, rng);
  b.occasion = PickOccasion(habits.segment, b.party_size, calendar.DateOf(day), rng);
  const int lead = PickLeadDays(b.channel, habits.segment, rng);
  b.created_at = lead == 0 && b.channel == "walk_in"
                     ? b.reserved_for
                     : b.reserved_for - lead * DemoCalendar::kDaySeconds - rng.Int(1, 10) * 3600;
  return b;
}

void PlanGuest(size_t index, const GuestHabits& habits, const DemoCalendar& calendar,
               DemoRandom& rng, std::vector<Booking>& out) {
  int seq = 0;
  for (int k = 0; k < habits.bookings; ++k) {
    const int day = calendar.SampleDay(habits.first_day, habits.last_day + 1, rng);
    out.push_back(MakeBooking(index, habits, day, seq++, calendar, rng));
  }
  const bool still_coming = habits.last_day == calendar.days() - 1 &&
                            habits.segment != Segment::kTourist;
  if (still_coming && rng.Chance(habits.segment == Segment::kRegular ? 0.3 : 0.03)) {
    const int day = calendar.days() + rng.Int(0, 13);
    Booking b = MakeBooking(index, habits, day, seq++, calendar, rng);
    if (b.channel == "walk_in") b.channel = "phone";  // nobody walks in two weeks ahead
    b.created_at = std::min(b.created_at, calendar.PeriodEnd() - 3600);
    out.push_back(b);
  }
}

}  // namespace

std::vector<Booking> PlanBookings(const std::vector<GeneratedGuest>& guests,
                                  const DemoCalendar& calendar, std::uint64_t seed) {
  std::vector<Booking> bookings;
  bookings.reserve(guests.size() * 3);
  for (size_t i = 0; i < guests.size(); ++i) {
    DemoRandom rng = DemoRandom::ForStream(seed, 2'000'000'000 + i);
    PlanGuest(i, guests[i].habits, calendar, rng, bookings);
  }
  std::sort(bookings.begin(), bookings.end(), [](const Booking& a, const Booking& b) {
    return std::tie(a.reserved_for, a.guest, a.seq) < std::tie(b.reserved_for, b.guest, b.seq);
  });
  return bookings;
}

}  // namespace sobremesa::demo
