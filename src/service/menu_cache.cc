#include "service/menu_cache.h"

namespace sobremesa {

StatusOr<std::shared_ptr<const MenuCache::Menu>> MenuCache::Get(Id restaurant_id) {
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(restaurant_id);
    if (it != entries_.end() && now - it->second.loaded_at < max_age_) return it->second.menu;
  }
  // Read outside the lock: two threads may both reload, which is harmless.
  ASSIGN_OR_RETURN(Menu menu, store_.ListMenu(restaurant_id));
  auto shared = std::make_shared<const Menu>(std::move(menu));
  std::lock_guard lock(mutex_);
  entries_[restaurant_id] = Entry{shared, now};
  return shared;
}

void MenuCache::Invalidate(Id restaurant_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(restaurant_id);
}

}  // namespace sobremesa
