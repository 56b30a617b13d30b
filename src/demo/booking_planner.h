#pragma once
// When each guest books, for how many, through which channel and how far
// ahead. Bookings come out in time order, the order the restaurant sees them.

#include <cstdint>
#include <string_view>
#include <vector>

#include "demo/guest_generator.h"

namespace sobremesa::demo {

struct Booking {
  size_t guest = 0;  // index into the guests
  int day = 0;       // day of the period; >= days() for the book after it
  Service service = Service::kDinner;
  UnixSeconds reserved_for = 0;
  UnixSeconds created_at = 0;
  int party_size = 2;
  std::string_view channel;   // "phone", "web", "whatsapp", "concierge", "walk_in"
  std::string_view occasion;  // "" or "birthday", "anniversary", "business", ...
  int seq = 0;                // n-th booking of this guest, to order ties

  bool IsFuture(int days) const { return day >= days; }
  int LeadDays() const { return static_cast<int>((reserved_for - created_at) / 86400); }
};

// Every guest's bookings over the period plus, for active guests, some for
// the two weeks after it; sorted by time, then guest, then seq.
std::vector<Booking> PlanBookings(const std::vector<GeneratedGuest>& guests,
                                  const DemoCalendar& calendar, std::uint64_t seed);

}  // namespace sobremesa::demo
