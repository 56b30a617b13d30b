#pragma once
// A generated demo restaurant as plain vectors, before it is stored.
//
// References between records (a visit's guest_id and reservation_id, an order
// line's visit_id and item_id, ...) hold LOCAL ids: the 1-based position of
// the referenced record in its vector here (guest_id 1 is guests[0]). The
// writer maps them to the ids the store assigns. Every `id` and
// `restaurant_id` is 0 until then.

#include <vector>

#include "demo/taste_profile.h"
#include "domain/entities.h"

namespace sobremesa::demo {

enum class Segment : std::uint8_t { kRegular, kBusiness, kCelebration, kTourist, kOccasional };

// Position in a vector of a local id, and back.
inline size_t LocalIndex(Id local_id) { return static_cast<size_t>(local_id - 1); }
inline Id LocalId(size_t index) { return static_cast<Id>(index) + 1; }

struct DemoData {
  Restaurant restaurant;
  std::vector<MenuItem> menu;
  std::vector<Guest> guests;
  // Hidden truth, parallel to `guests`; never written to the store.
  std::vector<TasteProfile> tastes;
  std::vector<Segment> segments;

  std::vector<Reservation> reservations;
  std::vector<Visit> visits;
  std::vector<OrderLine> order_lines;
  std::vector<Feedback> feedback;
  std::vector<BehaviourEvent> events;
  std::vector<SocialMention> mentions;

  // The simulated period: [period_start, period_end). Reservations booked
  // for the days after it (status booked) are tonight's and next weeks' book.
  UnixSeconds period_start = 0;
  UnixSeconds period_end = 0;
};

}  // namespace sobremesa::demo
