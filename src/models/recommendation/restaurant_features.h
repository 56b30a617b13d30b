#pragma once
// Turns the restaurant's records into the feature ids of the hybrid model,
// the same way at training and at serving time. Feature names are stored in
// the model file ("course:main", "ing:pescado", "pref:seafood",
// "hist:<item id>", "daypart:dinner" ...), so serving rebuilds this mapping
// from the file and a model keeps working when the vocabulary of the data
// grows (unknown names are skipped).

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/entities.h"
#include "domain/history.h"
#include "models/recommendation/hybrid_model.h"
#include "models/recommendation/row_index.h"

namespace sobremesa::recommendation {

// Context of a meal the model learns from and is asked about.
struct MealContext {
  bool lunch = false;
  std::string_view occasion;  // "", "birthday", ...
  int party_size = 2;
};

class RestaurantFeatures {
 public:
  // The vocabulary of a menu and its guests; history features "hist:<id>"
  // come in menu order (ascending item id) after the profile features.
  static RestaurantFeatures Build(std::span<const MenuItem> menu, std::span<const Guest> guests);
  // The vocabulary stored in a model file.
  static RestaurantFeatures FromInfo(const HybridModelInfo& info);

  std::vector<int32_t> ItemFeatures(const MenuItem& item) const;
  // Profile features of a guest (language, dietary needs, allergies, stated
  // preferences, visit pattern from `history`), appended to `out`.
  void GuestProfileFeatures(const Guest& guest, std::span<const ItemHistory> history,
                            std::vector<int32_t>& out) const;
  // Context features (daypart, occasion, party size), appended to `out`.
  void ContextFeatures(const MealContext& context, std::vector<int32_t>& out) const;
  // The history feature of an item, or -1 for an item not in the vocabulary.
  int32_t HistoryFeature(Id item_id) const;

  void FillInfo(HybridModelInfo& info) const;
  int32_t num_user_features() const { return int32_t(user_names_.size()); }
  int32_t num_item_features() const { return int32_t(item_names_.size()); }
  int32_t num_context_features() const { return int32_t(context_names_.size()); }

 private:
  using Vocabulary = std::unordered_map<std::string, int32_t>;
  static void Index(const std::vector<std::string>& names, Vocabulary& out);
  static void AddName(std::string name, std::vector<std::string>& names, Vocabulary& ids);

  std::vector<std::string> user_names_, item_names_, context_names_;
  Vocabulary user_ids_, item_ids_, context_ids_;
  // Item id -> history feature id, read per history item on every request.
  std::vector<int64_t> history_items_;
  std::vector<int32_t> history_features_;  // parallel to history_items_
  RowIndex history_rows_;
};

// Names of the feature kinds, shared with tests and the reason picker.
inline constexpr std::string_view kHistoryPrefix = "hist:";

}  // namespace sobremesa::recommendation
