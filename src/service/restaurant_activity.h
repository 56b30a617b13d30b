#pragma once
// Everything the behaviour models learn from, read from the store in one
// pass: each known guest's visits and what they ordered by menu category,
// and the reservation book up to a given instant.

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "store/store.h"

namespace sobremesa {

struct GuestActivity {
  Id guest_id = 0;
  std::vector<Visit> visits;         // seated at or before `now`, ascending; never empty
  std::vector<int> category_orders;  // items ordered per RestaurantActivity::categories
};

struct RestaurantActivity {
  std::vector<std::string> categories;    // the menu's categories, sorted
  std::vector<GuestActivity> guests;      // guests with a visit, by id
  std::vector<Reservation> reservations;  // reserved_for <= now, by time
  // FNV-1a (common/data_hash.h) over every field read: visits, baskets,
  // menu categories, reservations.
  std::string data_hash;
};

// Reads the restaurant's activity up to `now`. Anonymous visits are left
// out (nobody to predict for); later records are ignored, so retraining on
// the same data gives the same hash. The store's errors pass through.
StatusOr<RestaurantActivity> LoadRestaurantActivity(Store& store, Id restaurant_id,
                                                    UnixSeconds now);

}  // namespace sobremesa
