#pragma once
// Finds the row of an item by its id on the serving path. Menu item ids are
// small dense integers from the store, so a direct table answers in one load
// (a hash lookup per menu item was a third of a ranking); ids too sparse for
// a table fall back to binary search.

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace sobremesa::recommendation {

class RowIndex {
 public:
  // Row r holds keys[r]; keys are unique.
  void Build(std::span<const int64_t> keys) {
    dense_.clear();
    sorted_.clear();
    int64_t max = -1, min = 0;
    for (int64_t k : keys) max = std::max(max, k), min = std::min(min, k);
    if (min >= 0 && max < int64_t(4 * keys.size() + 4096)) {
      dense_.assign(size_t(max + 1), -1);
      for (size_t r = 0; r < keys.size(); ++r) dense_[size_t(keys[r])] = int32_t(r);
      return;
    }
    for (size_t r = 0; r < keys.size(); ++r) sorted_.emplace_back(keys[r], int32_t(r));
    std::sort(sorted_.begin(), sorted_.end());
  }

  // The row of `key`, or -1.
  int32_t Find(int64_t key) const {
    if (sorted_.empty()) return key >= 0 && key < int64_t(dense_.size()) ? dense_[key] : -1;
    auto it = std::lower_bound(sorted_.begin(), sorted_.end(), std::pair{key, INT32_MIN});
    return it != sorted_.end() && it->first == key ? it->second : -1;
  }

 private:
  std::vector<int32_t> dense_;
  std::vector<std::pair<int64_t, int32_t>> sorted_;
};

}  // namespace sobremesa::recommendation
