#pragma once
// Reads a restaurant's guests from the store as the timelines the 90-day
// return (churn) classifier learns from (models/behaviour/guest_timeline.h):
// visits with party, occasion and the dishes ordered, and the analysed
// feedback each guest wrote. The evaluation protocol and `sobremesa train
// behaviour` both read through here, so they see the same features.

#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "models/behaviour/guest_timeline.h"
#include "store/store.h"

namespace sobremesa {

struct RestaurantTimelines {
  std::vector<Id> guest_ids;           // guests with a visit at or before `now`, by id
  std::vector<GuestTimeline> guests;   // parallel to guest_ids
  int last_day = 0;                    // the latest visit's day
  int today = 0;                       // the day of `now`
  // FNV-1a (common/data_hash.h) over every field read: the guests'
  // languages, their visits (time, spend, party, occasion), the dishes
  // ordered and the menu fields that classify them, and each feedback
  // (time, guest, text) with its analysis (verdict, score, aspects).
  std::string data_hash;
};

// Days are Lima calendar days since the restaurant's first visit by a known
// guest. Visits and feedback after `now` are ignored; anonymous visits are
// left out (nobody to score); feedback without analysis (empty text,
// unknown language) counts as no feedback. The store's errors pass through;
// FailedPrecondition when no known guest has visited.
StatusOr<RestaurantTimelines> LoadGuestTimelines(Store& store, Id restaurant_id, UnixSeconds now);

}  // namespace sobremesa
