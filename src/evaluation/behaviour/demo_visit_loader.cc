#include "evaluation/behaviour/demo_visit_loader.h"

#include <algorithm>
#include <map>

#include "common/time.h"

namespace sobremesa {
namespace {

constexpr int kGuestPage = 1000;

// One guest's visits as (Lima day -> soles), merged per day.
std::map<int, double> VisitDays(const std::vector<Visit>& visits) {
  std::map<int, double> days;
  for (const Visit& v : visits) days[LocalDayNumber(v.seated_at)] += v.spend / 100.0;
  return days;
}

using DaySpend = std::map<int, double>;

StatusOr<std::vector<DaySpend>> ReadAllGuests(Store& store, Id restaurant_id) {
  std::vector<DaySpend> all;
  for (int offset = 0;; offset += kGuestPage) {
    ASSIGN_OR_RETURN(std::vector<Guest> page, store.ListGuests(restaurant_id, kGuestPage, offset));
    for (const Guest& g : page) {
      ASSIGN_OR_RETURN(std::vector<Visit> visits, store.ListGuestVisits(restaurant_id, g.id));
      if (!visits.empty()) all.push_back(VisitDays(visits));
    }
    if (page.size() < kGuestPage) return all;
  }
}

}  // namespace

StatusOr<GuestVisitDays> LoadGuestVisitDays(Store& store, Id restaurant_id) {
  ASSIGN_OR_RETURN(std::vector<DaySpend> all, ReadAllGuests(store, restaurant_id));
  if (all.empty()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(restaurant_id) +
                                      " has no visits by known guests");
  }
  int first = all.front().begin()->first, last = first;
  for (const auto& days : all) {
    first = std::min(first, days.begin()->first);
    last = std::max(last, days.rbegin()->first);
  }
  GuestVisitDays out;
  out.last_day = last - first;
  for (const auto& days : all) {
    std::vector<PurchaseDay>& guest = out.guests.emplace_back();
    for (const auto& [day, soles] : days) guest.push_back({day - first, soles});
  }
  return out;
}

}  // namespace sobremesa
