#include "store/restaurant_snapshot.h"

#include "store/guest_pages.h"

namespace sobremesa {

StatusOr<RestaurantSnapshot> ReadRestaurantSnapshot(Store& store, Id restaurant_id) {
  RestaurantSnapshot s;
  s.restaurant_id = restaurant_id;
  ASSIGN_OR_RETURN(s.menu, store.ListMenu(restaurant_id));
  RETURN_IF_ERROR(ForEachGuest(store, restaurant_id, [&](const Guest& g) {
    s.guests.push_back(g);
    return Status::Ok();
  }));
  RETURN_IF_ERROR(
      store.ForEachBasket(restaurant_id, [&](const Basket& b) { s.baskets.push_back(b); }));
  ASSIGN_OR_RETURN(s.events, store.ListItemEvents(restaurant_id));
  ASSIGN_OR_RETURN(s.feedback, store.ListFeedback(restaurant_id));
  return s;
}

}  // namespace sobremesa
