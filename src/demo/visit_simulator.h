#pragma once
// Plays the bookings forward in time: each becomes a reservation that is
// kept, cancelled or missed (no-show), and a kept one a visit with its order
// lines, behaviour events and, for some, feedback and a social mention.

#include <cstdint>
#include <vector>

#include "demo/booking_planner.h"
#include "demo/demo_data.h"
#include "demo/menu_context.h"

namespace sobremesa::demo {

// Appends to data.reservations, visits, order_lines, events, feedback and
// mentions, and sets each guest's created_at (and consent time) to their
// first booking. `data.menu` and `data.guests` must be filled and match
// `menu` and `guests`; `bookings` must be in time order.
void SimulateVisits(const std::vector<Booking>& bookings,
                    const std::vector<GeneratedGuest>& guests, const MenuContext& menu,
                    const DemoCalendar& calendar, std::uint64_t seed, DemoData& data);

}  // namespace sobremesa::demo
