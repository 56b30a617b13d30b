#include "service/restaurant_activity.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "common/data_hash.h"
#include "store/guest_visit_reader.h"

namespace sobremesa {
namespace {

// Item id -> index into the sorted category list.
std::unordered_map<Id, int> CategoryOfItem(const std::vector<MenuItem>& menu,
                                           std::vector<std::string>& categories) {
  for (const MenuItem& m : menu) categories.push_back(m.category);
  std::sort(categories.begin(), categories.end());
  categories.erase(std::unique(categories.begin(), categories.end()), categories.end());
  std::unordered_map<Id, int> index;
  for (const MenuItem& m : menu) {
    index[m.id] = int(std::lower_bound(categories.begin(), categories.end(), m.category) -
                      categories.begin());
  }
  return index;
}

Status ReadGuests(Store& store, Id restaurant_id, UnixSeconds now, RestaurantActivity& out,
                  DataHash& hash) {
  return ForEachGuestWithPastVisits(
      store, restaurant_id, now, [&](const Guest& g, std::vector<Visit> visits) {
        for (const Visit& v : visits) {
          hash.Add(g.id);
          hash.Add(v.id);
          hash.Add(v.seated_at);
          hash.Add(v.spend);
        }
        out.guests.push_back({g.id, std::move(visits), {}});
      });
}

}  // namespace

StatusOr<RestaurantActivity> LoadRestaurantActivity(Store& store, Id restaurant_id,
                                                    UnixSeconds now) {
  RestaurantActivity out;
  DataHash hash;
  ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(restaurant_id));
  const std::unordered_map<Id, int> category = CategoryOfItem(menu, out.categories);
  for (const MenuItem& m : menu) {
    hash.Add(m.id);
    hash.Add(m.category);
  }
  RETURN_IF_ERROR(ReadGuests(store, restaurant_id, now, out, hash));
  std::sort(out.guests.begin(), out.guests.end(),
            [](const GuestActivity& a, const GuestActivity& b) { return a.guest_id < b.guest_id; });
  std::unordered_map<Id, size_t> position;
  for (size_t i = 0; i < out.guests.size(); ++i) {
    out.guests[i].category_orders.assign(out.categories.size(), 0);
    position[out.guests[i].guest_id] = i;
  }
  RETURN_IF_ERROR(store.ForEachBasket(restaurant_id, [&](const Basket& b) {
    if (!b.guest_id || b.seated_at > now) return;
    auto guest = position.find(*b.guest_id);
    if (guest == position.end()) return;
    hash.Add(b.visit_id);
    for (Id item : b.item_ids) {
      hash.Add(item);
      auto c = category.find(item);
      if (c != category.end()) out.guests[guest->second].category_orders[c->second] += 1;
    }
  }));
  // From the first instant we accept (2000-01-01) to now.
  ASSIGN_OR_RETURN(out.reservations, store.ListReservations(restaurant_id, 946684800, now + 1));
  // Every field the no-show features read (no_show_features.h).
  for (const Reservation& r : out.reservations) {
    hash.Add(r.id);
    hash.Add(r.guest_id.value_or(0));
    hash.Add(r.reserved_for);
    hash.Add(r.created_at);
    hash.Add(static_cast<std::int64_t>(r.party_size));
    hash.Add(static_cast<std::int64_t>(r.status));
    hash.Add(r.channel);
    hash.Add(r.deposit);
  }
  out.data_hash = hash.Hex();
  return out;
}

}  // namespace sobremesa
