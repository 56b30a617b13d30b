#include "selection/behaviour/guest_timeline_loader.h"

#include <algorithm>
#include <unordered_map>

#include "common/data_hash.h"
#include "common/time.h"
#include "store/guest_visit_reader.h"

namespace sobremesa {
namespace {

// A visit's place: guest, then visit within the guest's timeline.
using VisitPlace = std::pair<size_t, size_t>;

struct Reading {
  RestaurantTimelines out;
  std::vector<std::vector<Visit>> visits;  // parallel to out.guests, by time
  std::unordered_map<Id, size_t> guest_index;
  DataHash hash;
};

Status ReadVisits(Store& store, Id restaurant_id, UnixSeconds now, Reading& r) {
  return ForEachGuestWithPastVisits(
      store, restaurant_id, now, [&r](const Guest& g, std::vector<Visit> visits) {
        r.hash.Add(g.id);
        r.hash.Add(static_cast<std::int64_t>(g.language));
        for (const Visit& v : visits) {
          r.hash.Add(v.id);
          r.hash.Add(v.seated_at);
          r.hash.Add(v.spend);
          r.hash.Add(static_cast<std::int64_t>(v.party_size));
          r.hash.Add(v.occasion);
        }
        r.guest_index[g.id] = r.out.guests.size();
        r.out.guest_ids.push_back(g.id);
        r.out.guests.push_back({.foreign_language = g.language != Language::kSpanish});
        r.visits.push_back(std::move(visits));
      });
}

// Fills the timelines' visits on the day origin of the first visit.
int PlaceVisits(Reading& r, std::unordered_map<Id, VisitPlace>& place) {
  int origin = LocalDayNumber(r.visits.front().front().seated_at);
  for (const auto& visits : r.visits) origin = std::min(origin, LocalDayNumber(visits[0].seated_at));
  for (size_t g = 0; g < r.visits.size(); ++g) {
    for (const Visit& v : r.visits[g]) {
      TimelineVisit t{.day = LocalDayNumber(v.seated_at) - origin,
                      .spend = std::max<Centimos>(0, v.spend) / 100.0,
                      .party_size = v.party_size};
      SetOccasion(v.occasion, t);
      place[v.id] = {g, r.out.guests[g].visits.size()};
      r.out.guests[g].visits.push_back(t);
      r.out.last_day = std::max(r.out.last_day, t.day);
    }
  }
  return origin;
}

Status ReadDishes(Store& store, Id restaurant_id, const std::unordered_map<Id, VisitPlace>& place,
                  Reading& r) {
  ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(restaurant_id));
  std::unordered_map<Id, const MenuItem*> items;
  for (const MenuItem& m : menu) {
    items[m.id] = &m;
    // What CountDish reads.
    r.hash.Add(m.id);
    r.hash.Add(static_cast<std::int64_t>(m.course));
    r.hash.Add(static_cast<std::int64_t>(m.allergens.bits()));
    r.hash.Add(static_cast<std::int64_t>(m.diet_tags.bits()));
  }
  return store.ForEachBasket(restaurant_id, [&](const Basket& b) {
    auto p = place.find(b.visit_id);
    if (p == place.end()) return;
    VisitDishes& dishes = r.out.guests[p->second.first].visits[p->second.second].dishes;
    r.hash.Add(b.visit_id);
    for (Id item : b.item_ids) {
      r.hash.Add(item);
      if (auto m = items.find(item); m != items.end()) CountDish(*m->second, dishes);
    }
  });
}

TimelineText TextOf(const TextAnalysis& a, int day) {
  TimelineText t{.day = day, .verdict = a.verdict, .score = a.score};
  for (const AspectSentiment& s : a.aspects) {
    t.aspect_score[static_cast<size_t>(s.aspect)] = s.score;
    t.aspect_present[static_cast<size_t>(s.aspect)] = true;
  }
  return t;
}

Status ReadFeedback(Store& store, Id restaurant_id, UnixSeconds now, int origin, Reading& r) {
  ASSIGN_OR_RETURN(std::vector<Feedback> feedback, store.ListFeedback(restaurant_id));
  std::sort(feedback.begin(), feedback.end(), [](const Feedback& a, const Feedback& b) {
    return a.created_at < b.created_at || (a.created_at == b.created_at && a.id < b.id);
  });
  for (const Feedback& f : feedback) {
    if (!f.guest_id || f.created_at > now) continue;
    auto g = r.guest_index.find(*f.guest_id);
    if (g == r.guest_index.end()) continue;
    r.hash.Add(f.id);
    r.hash.Add(*f.guest_id);
    r.hash.Add(f.created_at);
    r.hash.Add(f.text);
    StatusOr<TextAnalysis> a = store.GetTextAnalysis(restaurant_id, TextSource::kFeedback, f.id);
    if (!a.ok() && a.status().code() == StatusCode::kNotFound) continue;  // never analysed
    if (!a.ok()) return a.status();
    r.hash.Add(static_cast<std::int64_t>(a->status));
    if (a->status != AnalysisStatus::kAnalysed) continue;
    r.hash.Add(static_cast<std::int64_t>(a->verdict));
    r.hash.Add(a->score);
    for (const AspectSentiment& s : a->aspects) {
      r.hash.Add(static_cast<std::int64_t>(s.aspect));
      r.hash.Add(s.score);
    }
    r.out.guests[g->second].texts.push_back(TextOf(*a, LocalDayNumber(f.created_at) - origin));
  }
  return Status::Ok();
}

}  // namespace

StatusOr<RestaurantTimelines> LoadGuestTimelines(Store& store, Id restaurant_id,
                                                 UnixSeconds now) {
  Reading r;
  RETURN_IF_ERROR(ReadVisits(store, restaurant_id, now, r));
  if (r.out.guests.empty()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(restaurant_id) +
                                      " has no visits by known guests");
  }
  std::unordered_map<Id, VisitPlace> place;
  const int origin = PlaceVisits(r, place);
  r.out.today = LocalDayNumber(now) - origin;
  RETURN_IF_ERROR(ReadDishes(store, restaurant_id, place, r));
  RETURN_IF_ERROR(ReadFeedback(store, restaurant_id, now, origin, r));
  r.out.data_hash = r.hash.Hex();
  return std::move(r.out);
}

}  // namespace sobremesa
