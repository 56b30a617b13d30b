#pragma once
// Reads a restaurant's visits from the store as purchase days per guest, the
// shape the return (churn) protocol shares with CDNOW.

#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "evaluation/behaviour/cdnow_loader.h"
#include "store/store.h"

namespace sobremesa {

struct GuestVisitDays {
  // Per guest with at least one visit: days since the restaurant's first
  // visit (Lima calendar days), ascending, several visits on a day summed
  // into one, spend in soles.
  std::vector<std::vector<PurchaseDay>> guests;
  int last_day = 0;  // the latest visit's day
};

// Reads every guest of `restaurant_id` and their visits. Anonymous visits
// (no guest) are left out: nobody to score. The store's errors pass through;
// FailedPrecondition when the restaurant has no visit at all.
StatusOr<GuestVisitDays> LoadGuestVisitDays(Store& store, Id restaurant_id);

}  // namespace sobremesa
