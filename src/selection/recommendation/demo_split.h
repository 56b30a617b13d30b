#pragma once
// A temporal split of a restaurant's records for the demo protocol: every
// signal before a cut-off trains; the visits of known guests after it are
// the test cases, each ranked with only what was known at its start.

#include <span>
#include <vector>

#include "models/recommendation/restaurant_training_data.h"
#include "store/restaurant_snapshot.h"

namespace sobremesa::recommendation {

struct DemoTestVisit {
  const Guest* guest = nullptr;
  const Basket* basket = nullptr;
  std::vector<ItemHistory> history;  // from the training visits only
};

// Owns the filtered records that `records` points into.
struct DemoSplit {
  std::vector<Basket> baskets;
  std::vector<BehaviourEvent> events;
  std::vector<Feedback> feedback;
  RestaurantRecords records;
  std::vector<DemoTestVisit> test;
};

// The seated_at below which `share` of the visits lie.
UnixSeconds TimeQuantile(std::span<const Basket> baskets, double share);

// Trains on signals before `cut`; tests on guest visits in [cut, end).
// The snapshot must outlive the split.
DemoSplit SplitAt(const RestaurantSnapshot& snapshot, UnixSeconds cut, UnixSeconds end);

}  // namespace sobremesa::recommendation
