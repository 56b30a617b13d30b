#include "demo/guest_generator.h"

#include <algorithm>
#include <string_view>

namespace sobremesa::demo {
namespace {

constexpr std::string_view kTasteTags[kTasteCount] = {
    "seafood", "criollo", "nikkei", "andino", "spicy", "sweet", "wine", "pisco", "non_alcoholic"};

struct SegmentProfile {
  Segment segment;
  double share;
  double visits_per_year_lo, visits_per_year_hi;
  double dinner_share;
  TasteProfile mean_taste;
};

TasteProfile MeanTaste(std::initializer_list<std::pair<Taste, double>> values, double price) {
  TasteProfile t;
  for (const auto& [taste, value] : values) t[taste] = value;
  t.price_sensitivity = price;
  return t;
}

const std::vector<SegmentProfile>& SegmentProfiles() {
  using T = Taste;
  static const std::vector<SegmentProfile> kProfiles = {
      {Segment::kRegular, 0.07, 4, 10, 0.6,
       MeanTaste({{T::kCriollo, 0.6}, {T::kWine, 0.4}, {T::kPisco, 0.3}}, 0.2)},
      {Segment::kBusiness, 0.15, 1, 3, 0.15,
       MeanTaste({{T::kWine, 0.7}, {T::kCriollo, 0.3}, {T::kSweet, -0.3}}, 0.15)},
      {Segment::kCelebration, 0.20, 0.6, 1.4, 0.85,
       MeanTaste({{T::kSweet, 0.6}, {T::kPisco, 0.4}, {T::kWine, 0.2}}, 0.35)},
      {Segment::kTourist, 0.35, 0, 0, 0.6,
       MeanTaste({{T::kSeafood, 0.7}, {T::kPisco, 0.8}, {T::kAndino, 0.4}, {T::kSpicy, -0.4}},
                 0.3)},
      {Segment::kOccasional, 0.23, 0.4, 1.2, 0.55, MeanTaste({{T::kCriollo, 0.3}}, 0.55)},
  };
  return kProfiles;
}

const SegmentProfile& PickSegment(DemoRandom& rng) {
  const auto& profiles = SegmentProfiles();
  std::vector<double> shares;
  for (const auto& p : profiles) shares.push_back(p.share);
  return profiles[rng.Weighted(shares)];
}

Homeland PickHomeland(Segment segment, DemoRandom& rng) {
  if (segment != Segment::kTourist) {
    return segment == Segment::kBusiness && rng.Chance(0.05) ? Homeland::kUnitedStates
                                                             : Homeland::kPeru;
  }
  constexpr double kShares[] = {0.40, 0.15, 0.20, 0.25};
  constexpr Homeland kLands[] = {Homeland::kUnitedStates, Homeland::kUnitedKingdom,
                                 Homeland::kBrazil, Homeland::kLatinAmerica};
  return kLands[rng.Weighted(kShares)];
}

TasteProfile PersonalTaste(const TasteProfile& mean, DemoRandom& rng) {
  TasteProfile t = mean;
  for (double& a : t.affinity) a += 0.8 * rng.Normal();
  t.price_sensitivity = std::clamp(mean.price_sensitivity + 0.15 * rng.Normal(), 0.0, 1.0);
  if (rng.Chance(0.12)) {  // does not drink alcohol
    t[Taste::kNonAlcoholic] += 1.6;
    t[Taste::kWine] = -2.0;
    t[Taste::kPisco] = -2.0;
  }
  return t;
}

AllergenSet DeclaredAllergies(DemoRandom& rng) {
  AllergenSet allergies;
  if (!rng.Chance(0.12)) return allergies;
  // Shares among guests who declare one; shellfish is the classic in Lima.
  constexpr double kShares[kAllergenCount] = {0.10, 0.30, 0.14, 0.12, 0.06, 0.04, 0.14, 0.08, 0.02};
  allergies.Add(static_cast<Allergen>(rng.Weighted(kShares)));
  if (rng.Chance(0.15)) allergies.Add(static_cast<Allergen>(rng.Weighted(kShares)));
  return allergies;
}

DietSet DeclaredDiet(DemoRandom& rng) {
  DietSet needs;
  if (!rng.Chance(0.08)) return needs;
  constexpr double kShares[kDietTagCount] = {0.45, 0.15, 0.20, 0.20};
  needs.Add(static_cast<DietTag>(rng.Weighted(kShares)));
  return needs;
}

std::vector<std::string> DeclaredPreferences(const TasteProfile& taste, DemoRandom& rng) {
  // Guests say only part of what they like, so declared tags are a weak
  // hint and order history remains the better signal.
  std::vector<std::string> tags;
  for (int i = 0; i < kTasteCount; ++i) {
    if (taste.affinity[i] > 0.9 && rng.Chance(0.5)) tags.emplace_back(kTasteTags[i]);
  }
  return tags;
}

Consent ConsentFor(Segment segment, DemoRandom& rng) {
  Consent consent;
  consent.personalization = rng.Chance(segment == Segment::kTourist ? 0.75 : 0.88);
  const double marketing = segment == Segment::kRegular ? 0.6 : segment == Segment::kTourist ? 0.2 : 0.42;
  consent.marketing = rng.Chance(marketing);
  return consent;
}

// Visits over the window, at least one: Binomial with the right mean keeps
// the draw free of exp/log.
int BookingCount(double per_year, int window_days, DemoRandom& rng) {
  const double mean = per_year * window_days / 365.0;
  const int trials = static_cast<int>(2 * mean) + 2;
  return std::max(1, rng.Binomial(trials, mean / trials));
}

void PlanWindow(const SegmentProfile& profile, const DemoCalendar& calendar, DemoRandom& rng,
                GuestHabits& habits) {
  const int days = calendar.days();
  habits.first_day = 0;
  habits.last_day = days - 1;
  if (profile.segment == Segment::kTourist) {  // one trip to Lima, rarely two dinners
    habits.first_day = calendar.SampleDay(0, days, rng);
    habits.last_day = std::min(habits.first_day + 6, days - 1);
    habits.bookings = rng.Chance(0.08) ? 2 : 1;
    return;
  }
  if (profile.segment == Segment::kRegular) {
    habits.first_day = rng.Int(0, static_cast<int>(0.4 * (days - 1)));
    if (rng.Chance(0.15)) {  // some regulars drift away: churn to learn
      habits.last_day = rng.Int(habits.first_day + (days - habits.first_day) / 3, days - 1);
    }
  }
  const double per_year = rng.Uniform(profile.visits_per_year_lo, profile.visits_per_year_hi);
  habits.bookings = BookingCount(per_year, habits.last_day - habits.first_day + 1, rng);
}

GeneratedGuest GenerateGuest(int index, const DemoCalendar& calendar, DemoRandom& rng) {
  const SegmentProfile& profile = PickSegment(rng);
  const GuestIdentity identity = MakeIdentity(PickHomeland(profile.segment, rng), index + 1, rng);
  GeneratedGuest g;
  g.habits.segment = profile.segment;
  g.habits.taste = PersonalTaste(profile.mean_taste, rng);
  g.habits.dinner_share = profile.dinner_share;
  g.habits.flakiness = rng.Chance(0.1) ? 0.15 : 0.0;
  PlanWindow(profile, calendar, rng, g.habits);
  Guest& guest = g.guest;
  guest.external_id = "guest-" + std::to_string(index + 1);
  guest.name = identity.name;
  guest.email = identity.email;
  guest.phone = identity.phone;
  guest.language = identity.language;
  guest.allergies = DeclaredAllergies(rng);
  guest.dietary_needs = DeclaredDiet(rng);
  guest.preferences = DeclaredPreferences(g.habits.taste, rng);
  guest.consent = ConsentFor(profile.segment, rng);
  return g;
}

}  // namespace

std::vector<GeneratedGuest> GenerateGuests(int count, const DemoCalendar& calendar,
                                           std::uint64_t seed) {
  std::vector<GeneratedGuest> guests;
  guests.reserve(count);
  for (int i = 0; i < count; ++i) {
    DemoRandom rng = DemoRandom::ForStream(seed, 1'000'000 + static_cast<std::uint64_t>(i));
    guests.push_back(GenerateGuest(i, calendar, rng));
  }
  return guests;
}

}  // namespace sobremesa::demo
