#include "selection/recommendation/temporal_split.h"

#include <algorithm>
#include <unordered_map>

namespace sobremesa::recommendation {
namespace {

// Each guest's ordering history from the training baskets.
std::unordered_map<Id, std::vector<ItemHistory>> Histories(std::span<const Basket> baskets) {
  std::unordered_map<Id, std::vector<ItemHistory>> out;
  for (const Basket& b : baskets) {
    if (!b.guest_id) continue;
    std::vector<ItemHistory>& h = out[*b.guest_id];
    for (Id item : b.item_ids) {
      auto it = std::find_if(h.begin(), h.end(), [&](const ItemHistory& x) { return x.item_id == item; });
      if (it == h.end()) {
        h.push_back({.item_id = item, .times_ordered = 1, .visits = 1, .last_ordered_at = b.seated_at});
      } else {
        ++it->visits;
        ++it->times_ordered;
        it->last_ordered_at = b.seated_at;
      }
    }
  }
  return out;
}

}  // namespace

UnixSeconds TimeQuantile(std::span<const Basket> baskets, double share) {
  std::vector<UnixSeconds> times;
  for (const Basket& b : baskets) times.push_back(b.seated_at);
  if (times.empty()) return 0;
  const size_t k = std::min(times.size() - 1, size_t(share * double(times.size())));
  std::nth_element(times.begin(), times.begin() + k, times.end());
  return times[k];
}

TemporalSplit SplitAt(const RestaurantSnapshot& s, UnixSeconds cut, UnixSeconds end) {
  TemporalSplit split;
  std::unordered_map<Id, const Guest*> guests;
  for (const Guest& g : s.guests) guests.emplace(g.id, &g);
  std::vector<const Basket*> later;
  for (const Basket& b : s.baskets) {
    if (b.seated_at < cut) {
      split.baskets.push_back(b);
    } else if (b.seated_at < end && b.guest_id && guests.count(*b.guest_id)) {
      later.push_back(&b);
    }
  }
  for (const BehaviourEvent& e : s.events) {
    if (e.at < cut) split.events.push_back(e);
  }
  for (const Feedback& f : s.feedback) {
    if (f.created_at < cut) split.feedback.push_back(f);
  }
  split.records = {s.menu, s.guests, split.baskets, split.events, split.feedback};
  auto histories = Histories(split.baskets);
  for (const Basket* b : later) {
    auto it = histories.find(*b->guest_id);
    split.test.push_back({guests[*b->guest_id], b,
                          it == histories.end() ? std::vector<ItemHistory>{} : it->second});
  }
  return split;
}

}  // namespace sobremesa::recommendation
