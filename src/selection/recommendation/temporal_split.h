#pragma once
// A temporal split of a restaurant's records: every signal before a cut-off
// trains; the visits of known guests after it are held out, each ranked with
// only what was known at its start. The demo protocol tests on such a split,
// and `sobremesa train recommender` validates on one (serving_choice.h).

#include <span>
#include <vector>

#include "models/recommendation/restaurant_training_data.h"
#include "store/restaurant_snapshot.h"

namespace sobremesa::recommendation {

struct HeldOutVisit {
  const Guest* guest = nullptr;
  const Basket* basket = nullptr;
  std::vector<ItemHistory> history;  // from the training visits only
};

// Owns the filtered records that `records` points into.
struct TemporalSplit {
  std::vector<Basket> baskets;
  std::vector<BehaviourEvent> events;
  std::vector<Feedback> feedback;
  RestaurantRecords records;
  std::vector<HeldOutVisit> test;
};

// The seated_at below which `share` of the visits lie.
UnixSeconds TimeQuantile(std::span<const Basket> baskets, double share);

// Trains on signals before `cut`; tests on guest visits in [cut, end).
// The snapshot must outlive the split.
TemporalSplit SplitAt(const RestaurantSnapshot& snapshot, UnixSeconds cut, UnixSeconds end);

}  // namespace sobremesa::recommendation
