#pragma once
// Builds the hybrid model's training data from a restaurant's records: one
// interaction per (visit, item) a known guest ordered, weighted by signal
// type, with the visit's context (daypart, occasion, party size); views and
// dishes sent back as their own interactions. The weights come from
// configuration (`sobremesa train --signal-weights`).

#include <span>
#include <string>
#include <vector>

#include "domain/entities.h"
#include "domain/history.h"
#include "models/recommendation/hybrid_data.h"
#include "models/recommendation/restaurant_features.h"

namespace sobremesa::recommendation {

struct SignalWeights {
  float order = 1.0f;      // an item ordered in a visit
  float reorder = 0.5f;    // added when the guest had it on an earlier visit
  float view = 0.2f;       // a "viewed" event on the item
  float rating = 0.5f;     // times (food stars - 3) / 2 of the visit's feedback
  float sent_back = 1.0f;  // a "sent_back" event: an explicit negative of this weight
};

// Parses "order=1,reorder=0.5,view=0.2,rating=0.5,sent_back=1" (any subset);
// InvalidArgument naming the bad entry.
StatusOr<SignalWeights> ParseSignalWeights(std::string_view text);

struct RestaurantRecords {
  std::span<const MenuItem> menu;
  std::span<const Guest> guests;
  std::span<const Basket> baskets;         // visits with their items
  std::span<const BehaviourEvent> events;  // only viewed / sent_back with an item count
  std::span<const Feedback> feedback;      // food stars of a visit
};

struct RestaurantTrainingSet {
  HybridData data;  // users: guests with at least one signal; items: the menu
  RestaurantFeatures features;
  std::string data_hash;  // FNV-1a over every signal used, hex
};

RestaurantTrainingSet BuildRestaurantTrainingSet(const RestaurantRecords& records,
                                                 const SignalWeights& weights);

// "restaurant-<id>:<hash of the sorted item ids>": which catalogue a model's
// item rows belong to.
std::string MenuIdentity(Id restaurant_id, std::span<const MenuItem> menu);

}  // namespace sobremesa::recommendation
