#include "models/recommendation/restaurant_features.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace sobremesa::recommendation {
namespace {

// Price bands in céntimos: under S/ 30, 30–60, 60–100, over 100.
int PriceBand(Centimos price) {
  return price < 3000 ? 0 : price < 6000 ? 1 : price < 10000 ? 2 : 3;
}

// Visit pattern: the most visits in which the guest ordered one item (a
// regular re-orders), readable from the history at serving time.
std::string VisitPattern(std::span<const ItemHistory> history) {
  int most = 0;
  for (const ItemHistory& h : history) most = std::max(most, h.visits);
  return most == 0 ? "visits:new" : most == 1 ? "visits:once" : most <= 3 ? "visits:some"
                                                                         : "visits:regular";
}

std::string PartyBand(int party) {
  return party <= 1 ? "party:1" : party == 2 ? "party:2" : party <= 4 ? "party:3-4" : "party:5+";
}

std::vector<std::string> ItemNames(const MenuItem& m) {
  std::vector<std::string> out{"course:" + std::string(CourseCode(m.course)),
                               "cat:" + m.category, "spice:" + std::to_string(m.spice_level),
                               "price:" + std::to_string(PriceBand(m.price))};
  for (const std::string& i : m.ingredients) out.push_back("ing:" + i);
  for (const std::string& a : AllergenCodes(m.allergens)) out.push_back("allergen:" + a);
  for (const std::string& d : DietTagCodes(m.diet_tags)) out.push_back("diet:" + d);
  return out;
}

std::vector<std::string> ProfileNames(const Guest& g) {
  std::vector<std::string> out{"lang:" + std::string(LanguageCode(g.language))};
  for (const std::string& d : DietTagCodes(g.dietary_needs)) out.push_back("need:" + d);
  for (const std::string& a : AllergenCodes(g.allergies)) out.push_back("allergy:" + a);
  for (const std::string& p : g.preferences) out.push_back("pref:" + p);
  return out;
}

const std::vector<std::string>& ContextNames() {
  static const std::vector<std::string> names{
      "daypart:lunch",        "daypart:dinner",   "occasion:birthday", "occasion:anniversary",
      "occasion:business",    "occasion:celebration", "occasion:date", "party:1",
      "party:2",              "party:3-4",        "party:5+"};
  return names;
}

void AppendKnown(const std::unordered_map<std::string, int32_t>& vocabulary,
                 const std::string& name, std::vector<int32_t>& out) {
  auto it = vocabulary.find(name);
  if (it != vocabulary.end()) out.push_back(it->second);
}

}  // namespace

void RestaurantFeatures::Index(const std::vector<std::string>& names, Vocabulary& out) {
  for (size_t i = 0; i < names.size(); ++i) out.emplace(names[i], int32_t(i));
}

void RestaurantFeatures::AddName(std::string name, std::vector<std::string>& names,
                                 Vocabulary& ids) {
  if (ids.emplace(name, int32_t(names.size())).second) names.push_back(std::move(name));
}

RestaurantFeatures RestaurantFeatures::Build(std::span<const MenuItem> menu,
                                             std::span<const Guest> guests) {
  RestaurantFeatures f;
  for (const MenuItem& m : menu) {
    for (std::string& n : ItemNames(m)) AddName(std::move(n), f.item_names_, f.item_ids_);
  }
  for (const Guest& g : guests) {
    for (std::string& n : ProfileNames(g)) AddName(std::move(n), f.user_names_, f.user_ids_);
  }
  for (const char* v : {"visits:new", "visits:once", "visits:some", "visits:regular"}) {
    AddName(v, f.user_names_, f.user_ids_);
  }
  std::vector<Id> ids;
  for (const MenuItem& m : menu) ids.push_back(m.id);
  std::sort(ids.begin(), ids.end());
  for (Id id : ids) {
    f.history_items_.push_back(id);
    f.history_features_.push_back(f.num_user_features());
    AddName(std::string(kHistoryPrefix) + std::to_string(id), f.user_names_, f.user_ids_);
  }
  f.history_rows_.Build(f.history_items_);
  f.context_names_ = ContextNames();
  Index(f.context_names_, f.context_ids_);
  return f;
}

RestaurantFeatures RestaurantFeatures::FromInfo(const HybridModelInfo& info) {
  RestaurantFeatures f;
  f.user_names_ = info.user_feature_names;
  f.item_names_ = info.item_feature_names;
  f.context_names_ = info.context_feature_names;
  Index(f.user_names_, f.user_ids_);
  Index(f.item_names_, f.item_ids_);
  Index(f.context_names_, f.context_ids_);
  for (size_t i = 0; i < f.user_names_.size(); ++i) {
    const std::string& n = f.user_names_[i];
    if (!n.starts_with(kHistoryPrefix)) continue;
    // A name that is not "hist:<number>" (a damaged file) is skipped.
    Id id = 0;
    const char* digits = n.data() + kHistoryPrefix.size();
    auto [end, ec] = std::from_chars(digits, n.data() + n.size(), id);
    if (ec != std::errc() || end != n.data() + n.size()) continue;
    f.history_items_.push_back(id);
    f.history_features_.push_back(int32_t(i));
  }
  f.history_rows_.Build(f.history_items_);
  return f;
}

std::vector<int32_t> RestaurantFeatures::ItemFeatures(const MenuItem& item) const {
  std::vector<int32_t> out;
  for (const std::string& n : ItemNames(item)) AppendKnown(item_ids_, n, out);
  return out;
}

void RestaurantFeatures::GuestProfileFeatures(const Guest& guest,
                                              std::span<const ItemHistory> history,
                                              std::vector<int32_t>& out) const {
  for (const std::string& n : ProfileNames(guest)) AppendKnown(user_ids_, n, out);
  AppendKnown(user_ids_, VisitPattern(history), out);
}

void RestaurantFeatures::ContextFeatures(const MealContext& c, std::vector<int32_t>& out) const {
  AppendKnown(context_ids_, c.lunch ? "daypart:lunch" : "daypart:dinner", out);
  if (!c.occasion.empty()) AppendKnown(context_ids_, "occasion:" + std::string(c.occasion), out);
  AppendKnown(context_ids_, PartyBand(c.party_size), out);
}

int32_t RestaurantFeatures::HistoryFeature(Id item_id) const {
  const int32_t row = history_rows_.Find(item_id);
  return row < 0 ? -1 : history_features_[row];
}

void RestaurantFeatures::FillInfo(HybridModelInfo& info) const {
  info.user_feature_names = user_names_;
  info.item_feature_names = item_names_;
  info.context_feature_names = context_names_;
}

}  // namespace sobremesa::recommendation
