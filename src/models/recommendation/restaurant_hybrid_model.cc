#include "models/recommendation/restaurant_hybrid_model.h"

#include <algorithm>

#include "models/recommendation/restaurant_training_data.h"

namespace sobremesa::recommendation {
namespace {

// Share of the model's items still on the menu below which the file is taken
// to belong to another menu.
constexpr double kMinSharedItems = 0.5;

Status CheckMenu(const HybridModel& m, const std::string& path, Id restaurant_id,
                 std::span<const MenuItem> menu) {
  const std::string prefix = "restaurant-" + std::to_string(restaurant_id) + ":";
  if (!m.info().menu_identity.starts_with(prefix)) {
    return Status::InvalidArgument("model file " + path + " was trained for " +
                                   m.info().menu_identity.substr(0, 40) + ", not restaurant " +
                                   std::to_string(restaurant_id));
  }
  int shared = 0;
  for (const MenuItem& item : menu) shared += m.ItemIndex(item.id) >= 0;
  if (m.num_items() == 0 || shared < kMinSharedItems * m.num_items()) {
    return Status::InvalidArgument("model file " + path + " was trained on another menu (" +
                                   std::to_string(shared) + " of its " +
                                   std::to_string(m.num_items()) + " items are on this menu)");
  }
  return Status::Ok();
}

}  // namespace

RestaurantHybridModel::RestaurantHybridModel(HybridModel model)
    : model_(std::move(model)), features_(RestaurantFeatures::FromInfo(model_.info())) {
  const int32_t features = features_.num_user_features();
  item_feature_dots_.resize(size_t(model_.num_items()) * features);
  for (int32_t i = 0; i < model_.num_items(); ++i) {
    for (int32_t f = 0; f < features; ++f) {
      item_feature_dots_[size_t(i) * features + f] =
          model_.Dot(model_.user_feature_vector(f), model_.item_vector(i));
    }
  }
}

StatusOr<std::shared_ptr<const RestaurantHybridModel>> RestaurantHybridModel::Load(
    const std::string& path, Id restaurant_id, std::span<const MenuItem> menu) {
  ASSIGN_OR_RETURN(HybridModel m, HybridModel::Load(path));
  RETURN_IF_ERROR(CheckMenu(m, path, restaurant_id, menu));
  return std::make_shared<const RestaurantHybridModel>(std::move(m));
}

void RestaurantHybridModel::GuestVector(const Guest& guest, std::span<const ItemHistory> history,
                                        std::span<const Id> tonight, const MealContext& context,
                                        Scratch& s, float* out) const {
  s.features.clear();
  s.ids.clear();
  features_.GuestProfileFeatures(guest, history, s.ids);
  for (int32_t f : s.ids) s.features.push_back({f, 1.f});
  for (const ItemHistory& h : history) {
    // Training rows hold an item once per visit: weigh it by visits alike.
    const int32_t f = features_.HistoryFeature(h.item_id);
    if (f >= 0) s.features.push_back({f, float(std::max(1, h.visits)), true});
  }
  for (Id id : tonight) {
    const int32_t f = features_.HistoryFeature(id);
    if (f >= 0) s.features.push_back({f, kTonightFeatureWeight, true});
  }
  s.ids.clear();
  features_.ContextFeatures(context, s.ids);
  model_.UserVector(model_.UserIndex(guest.id), s.features, s.ids, out);
}

const float* RestaurantHybridModel::ItemVector(const MenuItem& item, float* buffer,
                                               float& bias) const {
  const int32_t row = model_.ItemIndex(item.id);
  if (row >= 0) {
    bias = model_.item_bias(row);
    return model_.item_vector(row);
  }
  bias = model_.NewItemVector(features_.ItemFeatures(item), buffer);
  return buffer;
}

float RestaurantHybridModel::Score(const float* guest, const MenuItem& item) const {
  float buffer[kMaxHybridDim], bias = 0;
  const float* v = ItemVector(item, buffer, bias);
  return model_.Dot(guest, v) + bias;
}

float RestaurantHybridModel::Score(const float* guest, const MenuItem& item,
                                   std::span<const ItemHistory> history) const {
  const auto own = std::find_if(history.begin(), history.end(),
                                [&](const ItemHistory& h) { return h.item_id == item.id; });
  return Score(guest, item) + (own != history.end() ? Familiarity(item, own->visits) : 0.f);
}

void RestaurantHybridModel::HistoryFeatures(std::span<const ItemHistory> history,
                                            std::vector<HistoryFeature>& out) const {
  out.clear();
  for (const ItemHistory& h : history) {
    const int32_t f = features_.HistoryFeature(h.item_id);
    if (f >= 0) out.push_back({h.item_id, f, h.visits});
  }
}

std::pair<Id, float> RestaurantHybridModel::StrongestHistory(
    std::span<const HistoryFeature> history, float total_weight, const MenuItem& item) const {
  const int32_t row = model_.ItemIndex(item.id);
  float buffer[kMaxHybridDim], bias = 0;
  const float* v = row >= 0 ? nullptr : ItemVector(item, buffer, bias);
  const float* dots =
      row >= 0 ? &item_feature_dots_[size_t(row) * features_.num_user_features()] : nullptr;
  std::pair<Id, float> best{0, 0.f};
  for (const HistoryFeature& h : history) {
    if (h.item_id == item.id) continue;
    const float dot =
        dots != nullptr ? dots[h.feature] : model_.Dot(model_.user_feature_vector(h.feature), v);
    const float c = float(h.visits) / total_weight * dot;
    if (c > best.second) best = {h.item_id, c};
  }
  return best;
}

}  // namespace sobremesa::recommendation
