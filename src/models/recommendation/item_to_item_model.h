#pragma once
// An item-to-item model: a guest's score for item j is the sum, over the items
// i in their history, of weight(i, j). EASE and item-kNN both learn such a
// matrix (ease_trainer.h, item_knn_trainer.h); serving reads it directly, with
// no LibTorch, so a request costs |history| row reads. Weights are read-only
// after construction; any number of threads may score at once.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

class ItemToItemModel {
 public:
  // `weights` is num_items × num_items, row-major, row = the item in the
  // history. Its size must be num_items² (checked by Load; trusted here).
  ItemToItemModel(int32_t num_items, std::vector<float> weights);

  // Score of `item` for a guest whose history is `history`. Ids outside
  // [0, num_items) contribute nothing (an item added after training scores 0).
  float Score(std::span<const int32_t> history, int32_t item) const;

  // Writes the score of every item to `scores` (size num_items).
  void ScoreAll(std::span<const int32_t> history, std::span<float> scores) const;

  int32_t num_items() const { return num_items_; }
  float weight(int32_t from, int32_t to) const {
    return weights_[static_cast<size_t>(from) * num_items_ + to];
  }

  // The model whose weights are this one's plus `weight` times `other`'s:
  // scores add the same way, so a blend of item-to-item models (e.g. EASE
  // and item-kNN) is served as one. InvalidArgument if the catalogues differ.
  StatusOr<ItemToItemModel> PlusScaled(const ItemToItemModel& other, float weight) const;

  // Mean absolute weight, to put two models on a comparable scale.
  double MeanAbsWeight() const;

  // See model_file.h for the format and the errors.
  Status Save(const std::string& path) const;
  static StatusOr<ItemToItemModel> Load(const std::string& path);

 private:
  bool Known(int32_t item) const { return item >= 0 && item < num_items_; }

  int32_t num_items_;
  std::vector<float> weights_;
};

}  // namespace sobremesa::recommendation
