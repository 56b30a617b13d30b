#pragma once
// Who comes to the restaurant: guests by segment, each with hidden tastes,
// declared allergies and dietary needs, consents, and how often and when
// they come.

#include <cstdint>
#include <vector>

#include "demo/demo_calendar.h"
#include "demo/demo_data.h"
#include "demo/name_pool.h"

namespace sobremesa::demo {

// How a guest behaves, used by the booking and visit simulation; hidden.
struct GuestHabits {
  Segment segment = Segment::kOccasional;
  TasteProfile taste;
  int first_day = 0;  // active between these days of the period, inclusive
  int last_day = 0;
  int bookings = 1;            // reservations over the active window
  double dinner_share = 0.6;   // chance of choosing dinner over lunch
  double flakiness = 0;        // extra no-show probability of this person
};

struct GeneratedGuest {
  Guest guest;  // created_at is left 0: it is the first booking's creation
  GuestHabits habits;
};

// `count` guests; deterministic for (`seed`, calendar).
std::vector<GeneratedGuest> GenerateGuests(int count, const DemoCalendar& calendar,
                                           std::uint64_t seed);

}  // namespace sobremesa::demo
