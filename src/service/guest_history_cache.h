#pragma once
// What each guest has ordered before, kept in memory for the live path: the
// store's aggregate over a regular's hundreds of order lines costs ~60 µs,
// more than the rest of a recommendation together. Entries expire after
// `max_age` (so imports by another process show), writes through this
// process invalidate the guests they touch, and the cache empties itself
// when it reaches `max_entries`, which bounds its memory.
//
// Only the history is cached: the guest's allergies and diet are read fresh
// on every request, so a newly declared allergy protects at once.

#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace sobremesa {

class GuestHistoryCache {
 public:
  using History = std::vector<ItemHistory>;
  GuestHistoryCache(Store& store, std::chrono::milliseconds max_age, size_t max_entries)
      : store_(store), max_age_(max_age), max_entries_(max_entries) {}

  // The guest's history as Store::GuestItemHistory gives it; errors are the store's.
  StatusOr<std::shared_ptr<const History>> Get(Id restaurant_id, Id guest_id);
  void Invalidate(Id restaurant_id, Id guest_id);

 private:
  struct Key {
    Id restaurant_id, guest_id;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    size_t operator()(const Key& k) const {
      return std::hash<Id>()(k.guest_id * 1000003 + k.restaurant_id);
    }
  };
  struct Entry {
    std::shared_ptr<const History> history;
    std::chrono::steady_clock::time_point loaded_at;
  };

  Store& store_;
  const std::chrono::milliseconds max_age_;
  const size_t max_entries_;

  std::mutex mutex_;  // guards entries_
  std::unordered_map<Key, Entry, KeyHash> entries_;
};

}  // namespace sobremesa
