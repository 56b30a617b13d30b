#pragma once
// Everything the recommenders learn from, read from the store in one go:
// the menu, the guests, every visit's basket, item events and feedback.
// Training and the demo evaluation both start from this.

#include <vector>

#include "domain/history.h"
#include "store/store.h"

namespace sobremesa {

struct RestaurantSnapshot {
  Id restaurant_id = 0;
  std::vector<MenuItem> menu;
  std::vector<Guest> guests;
  std::vector<Basket> baskets;          // in visit id order
  std::vector<BehaviourEvent> events;   // with an item, in time order
  std::vector<Feedback> feedback;
};

// NotFound for an unknown restaurant; other store errors as they come.
StatusOr<RestaurantSnapshot> ReadRestaurantSnapshot(Store& store, Id restaurant_id);

}  // namespace sobremesa
