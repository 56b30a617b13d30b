#include "models/recommendation/restaurant_training_data.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "common/data_hash.h"

namespace sobremesa::recommendation {
namespace {

template <typename T>
std::unordered_map<Id, int32_t> DenseIndex(std::vector<T> ids) {
  std::sort(ids.begin(), ids.end());
  std::unordered_map<Id, int32_t> out;
  for (size_t i = 0; i < ids.size(); ++i) out.emplace(ids[i], int32_t(i));
  return out;
}

class Builder {
 public:
  Builder(const RestaurantRecords& r, const SignalWeights& w) : r_(r), w_(w) {
    set_.features = RestaurantFeatures::Build(r.menu, r.guests);
    std::vector<Id> items;
    for (const MenuItem& m : r.menu) items.push_back(m.id);
    item_index_ = DenseIndex(items);
    for (const Guest& g : r.guests) guest_of_[g.id] = &g;
  }

  RestaurantTrainingSet Finish() {
    RateVisits();
    AddOrders();
    AddEvents();
    FillUsersAndItems();
    set_.data_hash = hash_.Hex();
    return std::move(set_);
  }

 private:
  void RateVisits() {
    for (const Feedback& f : r_.feedback) {
      if (!f.visit_id || !f.stars.food) continue;
      rating_[*f.visit_id] = w_.rating * float(*f.stars.food - 3) / 2.f;
      hash_.Add(*f.visit_id);
      hash_.Add(std::int64_t{*f.stars.food});
    }
  }

  // Dense user ids are assigned in FillUsersAndItems, once all are known.
  void NoteUser(Id guest_id) {
    if (user_index_.emplace(guest_id, 0).second) guests_in_order_.push_back(guest_id);
  }

  void AddOrders() {
    std::map<std::pair<Id, Id>, bool> seen;  // (guest, item) ordered before
    for (const Basket& b : r_.baskets) {
      if (!b.guest_id || !guest_of_.count(*b.guest_id)) continue;
      std::vector<int32_t> context;
      set_.features.ContextFeatures(
          {ToLocal(b.seated_at).hour < 17, b.occasion, b.party_size}, context);
      const int32_t row = set_.data.context.rows();
      set_.data.context.AddRow(context);
      visit_context_[b.visit_id] = row;
      const float rating = rating_.count(b.visit_id) ? rating_[b.visit_id] : 0.f;
      NoteUser(*b.guest_id);
      for (Id item : b.item_ids) {
        auto it = item_index_.find(item);
        if (it == item_index_.end()) continue;
        const bool reorder = !seen.emplace(std::pair{*b.guest_id, item}, true).second;
        const float w = w_.order + (reorder ? w_.reorder : 0.f) + rating;
        pending_.push_back({*b.guest_id, item, it->second, w, row, true});
        hash_.Add(b.visit_id);
        hash_.Add(item);
      }
    }
  }

  void AddEvents() {
    for (const BehaviourEvent& e : r_.events) {
      if (!e.item_id || !guest_of_.count(e.guest_id)) continue;
      auto it = item_index_.find(*e.item_id);
      if (it == item_index_.end()) continue;
      float w = 0;
      if (e.type == EventType::kViewed) w = w_.view;
      if (e.type == EventType::kSentBack) w = -w_.sent_back;
      if (w == 0) continue;
      int32_t row = -1;
      if (e.visit_id && visit_context_.count(*e.visit_id)) {
        row = visit_context_[*e.visit_id];
      }
      NoteUser(e.guest_id);
      pending_.push_back({e.guest_id, *e.item_id, it->second, w, row, false});
      hash_.Add(e.guest_id);
      hash_.Add(*e.item_id);
      hash_.Add(int64_t(e.type));
    }
  }

  // Users are the guests with a signal, in ascending id order; each user's
  // row holds their profile features and, once per visit, the items they
  // ordered, tagged with the visit (its context row) so that training on a
  // visit's orders sees only the other visits.
  void FillUsersAndItems() {
    HybridData& d = set_.data;
    std::sort(guests_in_order_.begin(), guests_in_order_.end());
    for (size_t i = 0; i < guests_in_order_.size(); ++i) {
      user_index_[guests_in_order_[i]] = int32_t(i);
    }
    const RestaurantFeatures& f = set_.features;
    // Per user, what they ordered (for the visit pattern) and its features.
    std::vector<std::vector<ItemHistory>> history(guests_in_order_.size());
    std::vector<std::vector<int32_t>> ordered(guests_in_order_.size()), visit(ordered.size());
    for (const Pending& p : pending_) {
      const int32_t u = user_index_[p.guest];
      if (p.weight != 0) {
        d.interactions.push_back({u, p.item, p.weight, p.context_row, p.context_row});
      }
      if (!p.ordered) continue;
      ordered[u].push_back(f.HistoryFeature(p.item_id));
      visit[u].push_back(p.context_row);
      std::vector<ItemHistory>& h = history[u];
      auto it = std::find_if(h.begin(), h.end(),
                             [&](const ItemHistory& x) { return x.item_id == p.item; });
      if (it == h.end()) {
        h.push_back({.item_id = p.item, .times_ordered = 1, .visits = 1});
      } else {
        ++it->visits;
      }
    }
    for (size_t u = 0; u < guests_in_order_.size(); ++u) {
      std::vector<int32_t> row;
      f.GuestProfileFeatures(*guest_of_[guests_in_order_[u]], history[u], row);
      std::vector<int32_t> groups(row.size(), -1);
      row.insert(row.end(), ordered[u].begin(), ordered[u].end());
      groups.insert(groups.end(), visit[u].begin(), visit[u].end());
      d.user_features.AddRow(row, groups);
    }
    d.user_keys.assign(guests_in_order_.begin(), guests_in_order_.end());
    std::vector<const MenuItem*> menu;
    for (const MenuItem& m : r_.menu) menu.push_back(&m);
    std::sort(menu.begin(), menu.end(), [](auto* a, auto* b) { return a->id < b->id; });
    for (const MenuItem* m : menu) {
      d.item_keys.push_back(m->id);
      d.item_features.AddRow(f.ItemFeatures(*m));
      d.item_history_feature.push_back(f.HistoryFeature(m->id));
    }
    d.num_users = int32_t(guests_in_order_.size());
    d.num_items = int32_t(menu.size());
    d.num_user_features = f.num_user_features();
    d.num_item_features = f.num_item_features();
    d.num_context_features = f.num_context_features();
  }

  struct Pending {
    Id guest;
    Id item_id;
    int32_t item;  // dense
    float weight;
    int32_t context_row;
    bool ordered;  // part of the guest's history
  };

  const RestaurantRecords& r_;
  const SignalWeights& w_;
  RestaurantTrainingSet set_;
  std::unordered_map<Id, int32_t> item_index_, user_index_;
  std::unordered_map<Id, const Guest*> guest_of_;
  std::unordered_map<Id, float> rating_;
  std::unordered_map<Id, int32_t> visit_context_;  // visit -> context row
  std::vector<Id> guests_in_order_;
  std::vector<Pending> pending_;
  DataHash hash_;
};

}  // namespace

StatusOr<SignalWeights> ParseSignalWeights(std::string_view text) {
  SignalWeights w;
  while (!text.empty()) {
    const size_t comma = text.find(',');
    const std::string_view entry = text.substr(0, comma);
    text = comma == std::string_view::npos ? std::string_view{} : text.substr(comma + 1);
    const size_t eq = entry.find('=');
    const std::string name(entry.substr(0, eq));
    float* target = name == "order" ? &w.order : name == "reorder" ? &w.reorder
                    : name == "view" ? &w.view : name == "rating" ? &w.rating
                    : name == "sent_back" ? &w.sent_back : nullptr;
    char* end = nullptr;
    const std::string value = eq == std::string_view::npos ? "" : std::string(entry.substr(eq + 1));
    const float v = value.empty() ? 0 : std::strtof(value.c_str(), &end);
    if (target == nullptr || value.empty() || *end != '\0' || v < 0) {
      return Status::InvalidArgument("signal weight '" + std::string(entry) +
                                     "': expected NAME=VALUE >= 0 with NAME one of order, "
                                     "reorder, view, rating, sent_back");
    }
    *target = v;
  }
  return w;
}

RestaurantTrainingSet BuildRestaurantTrainingSet(const RestaurantRecords& records,
                                                 const SignalWeights& weights) {
  return Builder(records, weights).Finish();
}

std::string MenuIdentity(Id restaurant_id, std::span<const MenuItem> menu) {
  std::vector<Id> ids;
  for (const MenuItem& m : menu) ids.push_back(m.id);
  std::sort(ids.begin(), ids.end());
  DataHash h;
  for (Id id : ids) h.Add(id);
  return "restaurant-" + std::to_string(restaurant_id) + ":" + h.Hex();
}

}  // namespace sobremesa::recommendation
