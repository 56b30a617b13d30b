#pragma once

#include <functional>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "store/store.h"

namespace sobremesa {

// Every guest of a restaurant who had a visit seated at or before `now`, with
// those visits oldest first, read a page of guests at a time so that a large
// restaurant is never held twice in memory. Behaviour training and its
// evaluation both start from this view of the history.
using GuestVisitsFn = std::function<void(const Guest&, std::vector<Visit> visits)>;
Status ForEachGuestWithPastVisits(Store& store, Id restaurant_id, UnixSeconds now,
                                  const GuestVisitsFn& fn);

}  // namespace sobremesa
