#pragma once
// Values loaded from the store on demand and shared read-only by request
// threads until they are `max_age` old or invalidated. The cache empties
// itself when it reaches `max_entries`, which bounds its memory.

#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "common/status.h"

namespace sobremesa {

template <typename Key, typename Value, typename Hash = std::hash<Key>>
class ExpiringCache {
 public:
  ExpiringCache(std::chrono::milliseconds max_age, size_t max_entries)
      : max_age_(max_age), max_entries_(max_entries) {}

  // The cached value of `key`, or what `load()` (returning StatusOr<Value>)
  // gives; a load error is returned and nothing is cached.
  template <typename Load>
  StatusOr<std::shared_ptr<const Value>> Get(const Key& key, const Load& load) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && now - it->second.loaded_at < max_age_) return it->second.value;
    }
    // Load outside the lock: two threads may both load a key, which is harmless.
    ASSIGN_OR_RETURN(Value value, load());
    auto shared = std::make_shared<const Value>(std::move(value));
    std::lock_guard lock(mutex_);
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[key] = Entry{shared, now};
    return shared;
  }

  void Invalidate(const Key& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
  }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    std::chrono::steady_clock::time_point loaded_at;
  };
  const std::chrono::milliseconds max_age_;
  const size_t max_entries_;

  std::mutex mutex_;  // guards entries_
  std::unordered_map<Key, Entry, Hash> entries_;
};

}  // namespace sobremesa
