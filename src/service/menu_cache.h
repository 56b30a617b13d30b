#pragma once
// Each restaurant's menu, read from the store at most once per `max_age`
// and shared read-only by request threads. Writes through this process call
// Invalidate(); changes made by another process (an import) show within
// max_age, which keeps a 150-item menu off the per-request path.

#include <chrono>
#include <memory>
#include <vector>

#include "service/expiring_cache.h"
#include "store/store.h"

namespace sobremesa {

class MenuCache {
 public:
  using Menu = std::vector<MenuItem>;
  MenuCache(Store& store, std::chrono::milliseconds max_age)
      : store_(store), cache_(max_age, kMaxRestaurants) {}

  // The menu ordered as Store::ListMenu; errors are the store's.
  StatusOr<std::shared_ptr<const Menu>> Get(Id restaurant_id) {
    return cache_.Get(restaurant_id, [&] { return store_.ListMenu(restaurant_id); });
  }
  void Invalidate(Id restaurant_id) { cache_.Invalidate(restaurant_id); }

 private:
  static constexpr size_t kMaxRestaurants = 10'000;
  Store& store_;
  ExpiringCache<Id, Menu> cache_;
};

}  // namespace sobremesa
