#include "store/restaurant_snapshot.h"

namespace sobremesa {

StatusOr<RestaurantSnapshot> ReadRestaurantSnapshot(Store& store, Id restaurant_id) {
  constexpr int kGuestPage = 5000;
  RestaurantSnapshot s;
  s.restaurant_id = restaurant_id;
  ASSIGN_OR_RETURN(s.menu, store.ListMenu(restaurant_id));
  for (int offset = 0;; offset += kGuestPage) {
    ASSIGN_OR_RETURN(std::vector<Guest> page, store.ListGuests(restaurant_id, kGuestPage, offset));
    s.guests.insert(s.guests.end(), page.begin(), page.end());
    if (int(page.size()) < kGuestPage) break;
  }
  RETURN_IF_ERROR(
      store.ForEachBasket(restaurant_id, [&](const Basket& b) { s.baskets.push_back(b); }));
  ASSIGN_OR_RETURN(s.events, store.ListItemEvents(restaurant_id));
  ASSIGN_OR_RETURN(s.feedback, store.ListFeedback(restaurant_id));
  return s;
}

}  // namespace sobremesa
