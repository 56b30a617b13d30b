#pragma once
// What each guest has ordered before, kept in memory for the live path: the
// store's aggregate over a regular's hundreds of order lines costs ~60 µs,
// more than the rest of a recommendation together. Entries expire after
// `max_age` (so imports by another process show), writes through this
// process invalidate the guests they touch, and at most `max_entries` are
// kept.
//
// Only the history is cached: the guest's allergies and diet are read fresh
// on every request, so a newly declared allergy protects at once.

#include <chrono>
#include <memory>
#include <vector>

#include "service/expiring_cache.h"
#include "store/store.h"

namespace sobremesa {

class GuestHistoryCache {
 public:
  using History = std::vector<ItemHistory>;
  GuestHistoryCache(Store& store, std::chrono::milliseconds max_age, size_t max_entries)
      : store_(store), cache_(max_age, max_entries) {}

  // The guest's history as Store::GuestItemHistory gives it; errors are the store's.
  StatusOr<std::shared_ptr<const History>> Get(Id restaurant_id, Id guest_id) {
    return cache_.Get(GuestKey{restaurant_id, guest_id},
                      [&] { return store_.GuestItemHistory(restaurant_id, guest_id); });
  }
  void Invalidate(Id restaurant_id, Id guest_id) {
    cache_.Invalidate(GuestKey{restaurant_id, guest_id});
  }

 private:
  struct GuestKey {
    Id restaurant_id, guest_id;
    bool operator==(const GuestKey&) const = default;
  };
  struct GuestKeyHash {
    size_t operator()(const GuestKey& k) const {
      return std::hash<Id>()(k.guest_id * 1000003 + k.restaurant_id);
    }
  };
  Store& store_;
  ExpiringCache<GuestKey, History, GuestKeyHash> cache_;
};

}  // namespace sobremesa
