#pragma once
// Values loaded from the store on demand and shared read-only by request
// threads until they are `max_age` old or invalidated. The cache empties
// itself when it reaches `max_entries`, which bounds its memory.

#include <chrono>
#include <cstdint>
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
    std::uint64_t invalidations_before = 0;
    {
      std::lock_guard lock(mutex_);
      auto it = entries_.find(key);
      if (it != entries_.end() && now - it->second.loaded_at < max_age_) return it->second.value;
      invalidations_before = invalidations_;
    }
    // Load outside the lock: two threads may both load a key, which is harmless.
    ASSIGN_OR_RETURN(Value value, load());
    auto shared = std::make_shared<const Value>(std::move(value));
    std::lock_guard lock(mutex_);
    // A write invalidated while we loaded, so what we read may predate it:
    // return it to this caller (whose request began before the write) but do
    // not cache it, or the write would stay unseen until max_age.
    if (invalidations_ != invalidations_before) return shared;
    if (entries_.size() >= max_entries_) entries_.clear();
    entries_[key] = Entry{shared, now};
    return shared;
  }

  void Invalidate(const Key& key) {
    std::lock_guard lock(mutex_);
    entries_.erase(key);
    ++invalidations_;
  }

 private:
  struct Entry {
    std::shared_ptr<const Value> value;
    std::chrono::steady_clock::time_point loaded_at;
  };
  const std::chrono::milliseconds max_age_;
  const size_t max_entries_;

  std::mutex mutex_;  // guards entries_ and invalidations_
  std::unordered_map<Key, Entry, Hash> entries_;
  // Every Invalidate() so far, of any key: cheaper than a count per key, and
  // a load that overlaps another key's write only misses the cache once.
  std::uint64_t invalidations_ = 0;
};

}  // namespace sobremesa
