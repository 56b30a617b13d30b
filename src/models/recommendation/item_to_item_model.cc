#include "models/recommendation/item_to_item_model.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "models/recommendation/model_file.h"

namespace sobremesa::recommendation {

ItemToItemModel::ItemToItemModel(int32_t num_items, std::vector<float> weights)
    : num_items_(num_items), weights_(std::move(weights)) {}

float ItemToItemModel::Score(std::span<const int32_t> history, int32_t item) const {
  if (!Known(item)) return 0;
  float score = 0;
  for (int32_t from : history) {
    if (Known(from)) score += weight(from, item);
  }
  return score;
}

void ItemToItemModel::ScoreAll(std::span<const int32_t> history, std::span<float> scores) const {
  std::fill(scores.begin(), scores.end(), 0.0f);
  const size_t n = std::min<size_t>(scores.size(), num_items_);
  for (int32_t from : history) {
    if (!Known(from)) continue;
    const float* row = &weights_[static_cast<size_t>(from) * num_items_];
    for (size_t j = 0; j < n; ++j) scores[j] += row[j];
  }
}

StatusOr<ItemToItemModel> ItemToItemModel::PlusScaled(const ItemToItemModel& other,
                                                       float weight) const {
  if (other.num_items_ != num_items_) {
    return Status::InvalidArgument("cannot add item-to-item models over " +
                                   std::to_string(num_items_) + " and " +
                                   std::to_string(other.num_items_) + " items");
  }
  std::vector<float> sum = weights_;
  for (size_t k = 0; k < sum.size(); ++k) sum[k] += weight * other.weights_[k];
  return ItemToItemModel(num_items_, std::move(sum));
}

double ItemToItemModel::MeanAbsWeight() const {
  double total = 0;
  for (float w : weights_) total += std::abs(w);
  return weights_.empty() ? 0 : total / weights_.size();
}

Status ItemToItemModel::Save(const std::string& path) const {
  return WriteModelFile(
      path, {.kind = ModelKind::kItemToItem, .shape = {num_items_}, .arrays = {weights_}});
}

StatusOr<ItemToItemModel> ItemToItemModel::Load(const std::string& path) {
  ASSIGN_OR_RETURN(ModelFileContents c, ReadModelFile(path, ModelKind::kItemToItem));
  if (c.shape.size() != 1 || c.arrays.size() != 1 || c.shape[0] < 0 ||
      static_cast<int64_t>(c.arrays[0].size()) != c.shape[0] * c.shape[0]) {
    return Status::InvalidArgument("model file " + path + ": array sizes disagree with shape");
  }
  return ItemToItemModel(static_cast<int32_t>(c.shape[0]), std::move(c.arrays[0]));
}

}  // namespace sobremesa::recommendation
