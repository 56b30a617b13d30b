#pragma once
// Each restaurant's menu, read from the store at most once per `max_age`
// and shared read-only by request threads. Writes through this process call
// Invalidate(); changes made by another process (an import) show within
// max_age, which keeps a 150-item menu off the per-request path.

#include <chrono>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace sobremesa {

class MenuCache {
 public:
  using Menu = std::vector<MenuItem>;
  MenuCache(Store& store, std::chrono::milliseconds max_age) : store_(store), max_age_(max_age) {}

  // The menu ordered as Store::ListMenu; errors are the store's.
  StatusOr<std::shared_ptr<const Menu>> Get(Id restaurant_id);
  void Invalidate(Id restaurant_id);

 private:
  struct Entry {
    std::shared_ptr<const Menu> menu;
    std::chrono::steady_clock::time_point loaded_at;
  };
  Store& store_;
  const std::chrono::milliseconds max_age_;

  std::mutex mutex_;  // guards entries_
  std::unordered_map<Id, Entry> entries_;
};

}  // namespace sobremesa
