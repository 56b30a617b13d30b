#include "service/guest_history_cache.h"

namespace sobremesa {

StatusOr<std::shared_ptr<const GuestHistoryCache::History>> GuestHistoryCache::Get(
    Id restaurant_id, Id guest_id) {
  const Key key{restaurant_id, guest_id};
  const auto now = std::chrono::steady_clock::now();
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && now - it->second.loaded_at < max_age_) return it->second.history;
  }
  // Read outside the lock: two threads may both load a guest, which is harmless.
  ASSIGN_OR_RETURN(History history, store_.GuestItemHistory(restaurant_id, guest_id));
  auto shared = std::make_shared<const History>(std::move(history));
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_) entries_.clear();
  entries_[key] = Entry{shared, now};
  return shared;
}

void GuestHistoryCache::Invalidate(Id restaurant_id, Id guest_id) {
  std::lock_guard lock(mutex_);
  entries_.erase(Key{restaurant_id, guest_id});
}

}  // namespace sobremesa
