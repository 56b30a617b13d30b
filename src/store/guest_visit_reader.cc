#include "store/guest_visit_reader.h"

#include <algorithm>

#include "store/guest_pages.h"

namespace sobremesa {

Status ForEachGuestWithPastVisits(Store& store, Id restaurant_id, UnixSeconds now,
                                  const GuestVisitsFn& fn) {
  return ForEachGuest(store, restaurant_id, [&](const Guest& g) -> Status {
    ASSIGN_OR_RETURN(std::vector<Visit> visits, store.ListGuestVisits(restaurant_id, g.id));
    std::erase_if(visits, [now](const Visit& v) { return v.seated_at > now; });
    if (visits.empty()) return Status::Ok();
    std::sort(visits.begin(), visits.end(),
              [](const Visit& a, const Visit& b) { return a.seated_at < b.seated_at; });
    fn(g, std::move(visits));
    return Status::Ok();
  });
}

}  // namespace sobremesa
