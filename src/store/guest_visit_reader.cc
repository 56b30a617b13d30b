#include "store/guest_visit_reader.h"

#include <algorithm>

namespace sobremesa {

Status ForEachGuestWithPastVisits(Store& store, Id restaurant_id, UnixSeconds now,
                                  const GuestVisitsFn& fn) {
  constexpr int kGuestPage = 2000;
  for (int offset = 0;; offset += kGuestPage) {
    ASSIGN_OR_RETURN(std::vector<Guest> page, store.ListGuests(restaurant_id, kGuestPage, offset));
    for (const Guest& g : page) {
      ASSIGN_OR_RETURN(std::vector<Visit> visits, store.ListGuestVisits(restaurant_id, g.id));
      std::erase_if(visits, [now](const Visit& v) { return v.seated_at > now; });
      if (visits.empty()) continue;
      std::sort(visits.begin(), visits.end(),
                [](const Visit& a, const Visit& b) { return a.seated_at < b.seated_at; });
      fn(g, std::move(visits));
    }
    if (page.size() < size_t(kGuestPage)) return Status::Ok();
  }
}

}  // namespace sobremesa
