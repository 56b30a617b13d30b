#include "store/guest_pages.h"

#include <vector>

namespace sobremesa {

Status ForEachGuest(Store& store, Id restaurant_id, const std::function<Status(const Guest&)>& fn) {
  constexpr int kGuestPage = 5000;
  for (int offset = 0;; offset += kGuestPage) {
    ASSIGN_OR_RETURN(std::vector<Guest> page, store.ListGuests(restaurant_id, kGuestPage, offset));
    for (const Guest& g : page) RETURN_IF_ERROR(fn(g));
    if (page.size() < size_t(kGuestPage)) return Status::Ok();
  }
}

}  // namespace sobremesa
