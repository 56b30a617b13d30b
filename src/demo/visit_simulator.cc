#include "demo/visit_simulator.h"

#include <algorithm>
#include <map>

#include "demo/feedback_composer.h"
#include "demo/mention_composer.h"
#include "demo/order_simulator.h"

namespace sobremesa::demo {
namespace {

constexpr UnixSeconds kMinute = 60, kHour = 3600;
// Behaviour is only known since the QR menu went live, this many days before
// the period's end; the recommender came later still.
constexpr int kQrMenuDays = 180;
constexpr int kRecommenderDays = 120;

double NoShowProbability(const Booking& b, const GuestHabits& habits, int past_no_shows,
                         Centimos deposit) {
  if (b.channel == "walk_in") return 0.0;
  const int lead = b.LeadDays();
  double p = 0.03 + habits.flakiness + 0.08 * std::min(past_no_shows, 2);
  p += lead > 14 ? 0.09 : lead >= 7 ? 0.05 : lead >= 3 ? 0.02 : 0.0;
  if (b.channel == "web") p += 0.05;
  if (b.channel == "whatsapp") p += 0.02;
  if (habits.segment == Segment::kTourist) p += 0.02;
  // A deposit is the strongest promise to come.
  return deposit > 0 ? p * 0.3 : p;
}

std::string TableFor(int party_size, DemoRandom& rng) {
  if (party_size >= 7) return "Salón privado";
  if (party_size <= 2 && rng.Chance(0.2)) return "Barra " + std::to_string(rng.Int(1, 6));
  if (rng.Chance(0.25)) return "Terraza " + std::to_string(rng.Int(1, 8));
  return "Mesa " + std::to_string(rng.Int(1, 24));
}

class Simulation {
 public:
  Simulation(const std::vector<GeneratedGuest>& guests, const MenuContext& menu,
             const DemoCalendar& calendar, DemoData& data)
      : guests_(guests), menu_(menu), calendar_(calendar), data_(data),
        past_no_shows_(guests.size(), 0) {
    // Few distinct (allergies, needs) pairs exist, so their menus are shared.
    allowed_.reserve(guests.size());
    for (const GeneratedGuest& g : guests) {
      const std::uint64_t key =
          (std::uint64_t{g.guest.allergies.bits()} << 32) | g.guest.dietary_needs.bits();
      auto it = menus_.find(key);
      if (it == menus_.end()) {
        it = menus_.emplace(key, menu.AllowedFor(g.guest.allergies, g.guest.dietary_needs)).first;
      }
      allowed_.push_back(&it->second);
    }
  }

  void Play(const Booking& b, DemoRandom& rng);

 private:
  ReservationStatus Decide(const Booking& b, Centimos deposit, DemoRandom& rng);
  void Visit(const Booking& b, Id reservation, DemoRandom& rng);
  Id AddVisit(const Booking& b, Id reservation, const TableOrder& order, UnixSeconds seated,
              UnixSeconds closed);
  void AddEvents(const Booking& b, Id visit, const TableOrder& order, UnixSeconds seated,
                 DemoRandom& rng);
  void AddEvent(const Booking& b, Id visit, std::optional<size_t> item, EventType type,
                UnixSeconds at);
  Evening EveningOf(const Booking& b, const TableOrder& order, bool delayed) const;
  void MaybeAddFeedback(const Booking& b, Id visit, const Evening& e, UnixSeconds closed,
                        DemoRandom& rng);
  void MaybeAddMention(const Booking& b, const Evening& e, UnixSeconds closed, DemoRandom& rng);
  UnixSeconds Later(UnixSeconds t, UnixSeconds by) const {
    return std::min(t + by, calendar_.PeriodEnd() - kMinute);
  }
  // Behaviour is recorded for guests who consented, once the QR menu is live.
  bool Tracked(const Booking& b) const {
    return guests_[b.guest].guest.consent.personalization &&
           b.day >= calendar_.days() - kQrMenuDays;
  }

  const std::vector<GeneratedGuest>& guests_;
  const MenuContext& menu_;
  const DemoCalendar& calendar_;
  DemoData& data_;
  std::map<std::uint64_t, AllowedItems> menus_;
  std::vector<const AllowedItems*> allowed_;  // per guest, into menus_
  std::vector<int> past_no_shows_;
};

ReservationStatus Simulation::Decide(const Booking& b, Centimos deposit, DemoRandom& rng) {
  if (b.IsFuture(calendar_.days())) return ReservationStatus::kBooked;
  if (b.channel != "walk_in" && rng.Chance(0.06)) return ReservationStatus::kCancelled;
  const double p = NoShowProbability(b, guests_[b.guest].habits, past_no_shows_[b.guest], deposit);
  if (rng.Chance(p)) {
    ++past_no_shows_[b.guest];
    return ReservationStatus::kNoShow;
  }
  return ReservationStatus::kCompleted;
}

void Simulation::Play(const Booking& b, DemoRandom& rng) {
  Reservation r;
  r.external_id = "res-" + std::to_string(data_.reservations.size() + 1);
  r.guest_id = LocalId(b.guest);
  r.reserved_for = b.reserved_for;
  r.party_size = b.party_size;
  r.channel = std::string(b.channel);
  r.deposit = b.party_size >= 6 ? static_cast<Centimos>(b.party_size) * 10000 : 0;
  r.created_at = b.created_at;
  r.status = Decide(b, r.deposit, rng);
  data_.reservations.push_back(r);
  Guest& guest = data_.guests[b.guest];
  if (guest.created_at == 0 || b.created_at < guest.created_at) {
    guest.created_at = b.created_at;
    guest.consent.updated_at = b.created_at;
  }
  if (r.status == ReservationStatus::kCompleted) {
    Visit(b, LocalId(data_.reservations.size() - 1), rng);
  }
}

void Simulation::Visit(const Booking& b, Id reservation, DemoRandom& rng) {
  const UnixSeconds start = calendar_.ServiceStart(b.day, b.service);
  const UnixSeconds end = calendar_.ServiceEnd(b.day, b.service);
  const UnixSeconds seated = std::max(start, b.reserved_for + rng.Int(-5, 20) * kMinute);
  const int minutes = (b.service == Service::kLunch ? rng.Int(70, 110) : rng.Int(95, 150)) +
                      10 * std::max(0, b.party_size - 4);
  const UnixSeconds closed = std::min(end, seated + minutes * kMinute);
  const bool busy = calendar_.Weight(b.day) > 1.3;
  const bool delayed = rng.Chance(busy ? 0.16 : 0.08);
  const GeneratedGuest& host = guests_[b.guest];
  TableContext table{&host.habits.taste, allowed_[b.guest], b.party_size, b.service,
                     calendar_.IsSummer(b.day), delayed, seated, closed};
  const TableOrder order = SimulateOrder(menu_, table, rng);
  const Id visit = AddVisit(b, reservation, order, seated, closed);
  data_.visits.back().table = TableFor(b.party_size, rng);
  if (Tracked(b)) AddEvents(b, visit, order, seated, rng);
  const Evening evening = EveningOf(b, order, delayed);
  MaybeAddFeedback(b, visit, evening, closed, rng);
  MaybeAddMention(b, evening, closed, rng);
}

Id Simulation::AddVisit(const Booking& b, Id reservation, const TableOrder& order,
                        UnixSeconds seated, UnixSeconds closed) {
  ::sobremesa::Visit v;
  v.external_id = "visit-" + std::to_string(data_.visits.size() + 1);
  v.guest_id = LocalId(b.guest);
  v.reservation_id = reservation;
  v.party_size = b.party_size;
  v.seated_at = seated;
  v.closed_at = closed;
  v.occasion = std::string(b.occasion);
  const Id visit = LocalId(data_.visits.size());
  for (const PlannedLine& planned : order.lines) {
    OrderLine line;
    line.external_id = "line-" + std::to_string(data_.order_lines.size() + 1);
    line.visit_id = visit;
    line.item_id = LocalId(planned.item);
    line.quantity = planned.quantity;
    line.modifiers = planned.modifiers;
    line.ordered_at = planned.ordered_at;
    v.spend += menu_.item(planned.item).price * planned.quantity;
    data_.order_lines.push_back(std::move(line));
  }
  data_.visits.push_back(std::move(v));
  return visit;
}

void Simulation::AddEvent(const Booking& b, Id visit, std::optional<size_t> item, EventType type,
                          UnixSeconds at) {
  BehaviourEvent e;
  e.external_id = "event-" + std::to_string(data_.events.size() + 1);
  e.guest_id = LocalId(b.guest);
  e.visit_id = visit;
  if (item) e.item_id = LocalId(*item);
  e.type = type;
  e.at = at;
  data_.events.push_back(std::move(e));
}

void Simulation::AddEvents(const Booking& b, Id visit, const TableOrder& order,
                           UnixSeconds seated, DemoRandom& rng) {
  for (size_t item : order.host_viewed) {
    AddEvent(b, visit, item, EventType::kViewed, seated + rng.Int(1, 8) * kMinute);
  }
  if (b.day >= calendar_.days() - kRecommenderDays && !order.host_items.empty()) {
    // The recommender's pick is what the host ended up ordering about a third
    // of the time; otherwise another dish they were allowed.
    const bool accepted = rng.Chance(0.35);
    const size_t shown = accepted ? order.host_items[0] : order.host_viewed.empty()
                                                              ? order.host_items[0]
                                                              : order.host_viewed[0];
    const bool ordered = std::find(order.host_items.begin(), order.host_items.end(), shown) !=
                         order.host_items.end();
    AddEvent(b, visit, shown, EventType::kRecommendationShown, seated + 2 * kMinute);
    AddEvent(b, visit, shown,
             ordered ? EventType::kRecommendationAccepted : EventType::kRecommendationDeclined,
             seated + 4 * kMinute);
  }
  for (size_t i = 0; i < order.host_items.size(); ++i) {
    const size_t item = order.host_items[i];
    AddEvent(b, visit, item, EventType::kOrdered, order.host_ordered_at[i]);
    const bool food = menu_.item(item).course != Course::kDrink;
    if (food && order.host_liking[i] < -1.0 && rng.Chance(0.3)) {
      AddEvent(b, visit, item, EventType::kSentBack, order.host_ordered_at[i] + 12 * kMinute);
    }
  }
}

Evening Simulation::EveningOf(const Booking& b, const TableOrder& order, bool delayed) const {
  const GeneratedGuest& host = guests_[b.guest];
  Evening e;
  e.language = host.guest.language;
  e.occasion = b.occasion;
  for (size_t item : order.host_items) e.host_items.push_back(&data_.menu[item]);
  e.host_liking = order.host_liking;
  e.kitchen_delayed = delayed;
  e.tourist = host.habits.segment == Segment::kTourist;
  e.price_sensitivity = host.habits.taste.price_sensitivity;
  return e;
}

void Simulation::MaybeAddFeedback(const Booking& b, Id visit, const Evening& e,
                                  UnixSeconds closed, DemoRandom& rng) {
  // Guests with something to say, good or bad, write more often.
  const double liking = e.FoodLiking();
  const bool strong = e.kitchen_delayed || liking > 1.0 || liking < -0.8;
  if (!rng.Chance(strong ? 0.42 : 0.26)) return;
  const ComposedFeedback composed = ComposeFeedback(e, rng);
  Feedback f;
  f.external_id = "feedback-" + std::to_string(data_.feedback.size() + 1);
  f.guest_id = LocalId(b.guest);
  f.visit_id = visit;
  f.nps = composed.nps;
  f.stars = composed.stars;
  f.text = composed.text;
  f.language = e.language;
  f.channel = composed.channel;
  f.created_at = Later(closed, rng.Int(1, 48) * kHour);
  if (Tracked(b)) AddEvent(b, visit, std::nullopt, EventType::kFeedbackGiven, f.created_at);
  data_.feedback.push_back(std::move(f));
}

void Simulation::MaybeAddMention(const Booking& b, const Evening& e, UnixSeconds closed,
                                 DemoRandom& rng) {
  const double p = e.tourist ? 0.09 : (b.occasion.empty() ? 0.04 : 0.07);
  if (!rng.Chance(p)) return;
  SocialMention m = ComposeMention(e, guests_[b.guest].guest.name,
                                   Later(closed, rng.Int(0, 72) * kHour), rng);
  m.external_id = "mention-" + std::to_string(data_.mentions.size() + 1);
  data_.mentions.push_back(std::move(m));
}

}  // namespace

void SimulateVisits(const std::vector<Booking>& bookings,
                    const std::vector<GeneratedGuest>& guests, const MenuContext& menu,
                    const DemoCalendar& calendar, std::uint64_t seed, DemoData& data) {
  Simulation simulation(guests, menu, calendar, data);
  for (size_t k = 0; k < bookings.size(); ++k) {
    DemoRandom rng = DemoRandom::ForStream(seed, 3'000'000'000ull + k);
    simulation.Play(bookings[k], rng);
  }
}

}  // namespace sobremesa::demo
