#include "demo/restaurant_generator.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "common/utf8.h"
#include "domain/dietary_rules.h"

namespace sobremesa::demo {
namespace {

DemoData Generate(int guests, int days, std::uint64_t seed) {
  DemoOptions options;
  options.guests = guests;
  options.days = days;
  options.seed = seed;
  StatusOr<DemoData> data = GenerateDemoData(options);
  EXPECT_TRUE(data.ok()) << data.status().ToString();
  return data.ok() ? std::move(data).value() : DemoData{};
}

// One mid-sized restaurant shared by the statistical tests.
const DemoData& Shared() {
  static const DemoData data = Generate(6000, 730, 42);
  return data;
}

// FNV-1a over the fields that make the data what it is.
class Fingerprint {
 public:
  void Add(std::string_view s) {
    for (unsigned char c : s) hash_ = (hash_ ^ c) * 1099511628211ull;
    hash_ = (hash_ ^ 0xff) * 1099511628211ull;
  }
  void Add(std::int64_t v) { Add(std::to_string(v)); }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

std::uint64_t FingerprintOf(const DemoData& d) {
  Fingerprint f;
  for (const Guest& g : d.guests) {
    f.Add(g.name), f.Add(g.email), f.Add(g.phone), f.Add(g.allergies.bits()), f.Add(g.created_at);
  }
  for (const Reservation& r : d.reservations) {
    f.Add(*r.guest_id), f.Add(r.reserved_for), f.Add(static_cast<int>(r.status)), f.Add(r.channel);
  }
  for (const Visit& v : d.visits) f.Add(v.seated_at), f.Add(v.spend), f.Add(v.table);
  for (const OrderLine& l : d.order_lines) {
    f.Add(l.item_id), f.Add(l.quantity), f.Add(l.ordered_at);
    for (const std::string& m : l.modifiers) f.Add(m);
  }
  for (const Feedback& x : d.feedback) f.Add(x.text), f.Add(*x.nps);
  for (const BehaviourEvent& e : d.events) f.Add(static_cast<int>(e.type)), f.Add(e.at);
  for (const SocialMention& m : d.mentions) f.Add(m.text), f.Add(m.url);
  return f.value();
}

const Visit& VisitOf(const DemoData& d, Id local) { return d.visits[LocalIndex(local)]; }
const Guest& GuestOf(const DemoData& d, const Visit& v) { return d.guests[LocalIndex(*v.guest_id)]; }
const MenuItem& ItemOf(const DemoData& d, Id local) { return d.menu[LocalIndex(local)]; }

bool IsSeafood(const MenuItem& item) {
  return item.allergens.Contains(Allergen::kFish) || item.allergens.Contains(Allergen::kShellfish);
}

TEST(RestaurantGeneratorTest, SameSeedGivesIdenticalData) {
  EXPECT_EQ(FingerprintOf(Generate(400, 90, 7)), FingerprintOf(Generate(400, 90, 7)));
}

TEST(RestaurantGeneratorTest, DifferentSeedGivesDifferentData) {
  EXPECT_NE(FingerprintOf(Generate(400, 90, 7)), FingerprintOf(Generate(400, 90, 8)));
}

TEST(RestaurantGeneratorTest, RejectsOptionsOutOfRange) {
  const struct {
    int guests, days;
    std::string end_date;
  } kCases[] = {{0, 30, "2026-11-26"}, {10, 0, "2026-11-26"}, {10, 30, "26/11/2026"},
                {10, 30, "2026-13-01"}, {10, 3650, "2001-01-01"}};
  for (const auto& c : kCases) {
    DemoOptions options;
    options.guests = c.guests, options.days = c.days, options.end_date = c.end_date;
    const StatusOr<DemoData> data = GenerateDemoData(options);
    EXPECT_EQ(data.status().code(), StatusCode::kInvalidArgument)
        << c.guests << " guests, " << c.days << " days, " << c.end_date;
  }
}

TEST(RestaurantGeneratorTest, NoGuestEverOrderedAnItemExcludedForThem) {
  const DemoData& d = Shared();
  int lines_of_restricted_guests = 0;
  for (const OrderLine& line : d.order_lines) {
    const Guest& guest = GuestOf(d, VisitOf(d, line.visit_id));
    const MenuItem& item = ItemOf(d, line.item_id);
    const Exclusion e = ExclusionFor(item, guest.allergies, guest.dietary_needs);
    ASSERT_TRUE(e == Exclusion::kNone || e == Exclusion::kUnavailable)
        << guest.external_id << " ordered " << item.external_id;
    if (!guest.allergies.empty() || !guest.dietary_needs.empty()) ++lines_of_restricted_guests;
  }
  EXPECT_GT(lines_of_restricted_guests, 1000);  // the rule was exercised
}

TEST(RestaurantGeneratorTest, DeclaredAllergiesAndDietsHaveRealisticShares) {
  const DemoData& d = Shared();
  int allergic = 0, diet = 0;
  for (const Guest& g : d.guests) {
    allergic += g.allergies.empty() ? 0 : 1;
    diet += g.dietary_needs.empty() ? 0 : 1;
  }
  const double n = static_cast<double>(d.guests.size());
  EXPECT_NEAR(allergic / n, 0.125, 0.025);
  EXPECT_NEAR(diet / n, 0.08, 0.02);
}

TEST(RestaurantGeneratorTest, NoShowRateIsRealisticAndHigherForRiskierBookings) {
  const DemoData& d = Shared();
  int past = 0, no_shows = 0;
  std::map<std::string, std::pair<int, int>> by_channel;  // no-shows, total
  std::pair<int, int> long_lead, short_lead;
  for (const Reservation& r : d.reservations) {
    if (r.status == ReservationStatus::kBooked) {
      EXPECT_GE(r.reserved_for, d.period_end);
      continue;
    }
    const bool no_show = r.status == ReservationStatus::kNoShow;
    ++past, no_shows += no_show;
    by_channel[r.channel].first += no_show, ++by_channel[r.channel].second;
    auto& lead = r.reserved_for - r.created_at > 14 * 86400 ? long_lead : short_lead;
    lead.first += no_show, ++lead.second;
  }
  const double rate = static_cast<double>(no_shows) / past;
  std::printf("no-show rate %.3f over %d past reservations\n", rate, past);
  EXPECT_GE(rate, 0.08);
  EXPECT_LE(rate, 0.12);
  auto share = [](std::pair<int, int> p) { return static_cast<double>(p.first) / p.second; };
  EXPECT_GT(share(by_channel["web"]), share(by_channel["phone"]));
  EXPECT_EQ(by_channel["walk_in"].first, 0);
  EXPECT_GT(share(long_lead), 1.5 * share(short_lead));
}

TEST(RestaurantGeneratorTest, SeafoodLoversOrderSeafoodMoreOften) {
  const DemoData& d = Shared();
  // Seafood share of the food each guest's tables ordered, by hidden affinity.
  std::vector<std::pair<int, int>> per_guest(d.guests.size());  // seafood, food
  for (const OrderLine& line : d.order_lines) {
    const MenuItem& item = ItemOf(d, line.item_id);
    if (item.course == Course::kDrink) continue;
    auto& counts = per_guest[LocalIndex(*VisitOf(d, line.visit_id).guest_id)];
    counts.first += IsSeafood(item) ? line.quantity : 0;
    counts.second += line.quantity;
  }
  std::pair<int, int> lovers, others;
  for (size_t g = 0; g < d.guests.size(); ++g) {
    if (!d.guests[g].dietary_needs.empty() || !d.guests[g].allergies.empty()) continue;
    auto& group = d.tastes[g][Taste::kSeafood] > 1.0 ? lovers : others;
    group.first += per_guest[g].first;
    group.second += per_guest[g].second;
  }
  const double lover_share = static_cast<double>(lovers.first) / lovers.second;
  const double other_share = static_cast<double>(others.first) / others.second;
  std::printf("seafood share: lovers %.3f vs others %.3f (ratio %.2f)\n", lover_share,
              other_share, lover_share / other_share);
  EXPECT_GT(lover_share, 1.3 * other_share);
}

TEST(RestaurantGeneratorTest, SpendEqualsTheSumOfOrderLines) {
  const DemoData& d = Shared();
  std::vector<Centimos> sums(d.visits.size(), 0);
  for (const OrderLine& line : d.order_lines) {
    sums[LocalIndex(line.visit_id)] += ItemOf(d, line.item_id).price * line.quantity;
  }
  for (size_t v = 0; v < d.visits.size(); ++v) {
    ASSERT_EQ(d.visits[v].spend, sums[v]) << d.visits[v].external_id;
    ASSERT_GT(d.visits[v].spend, 0) << d.visits[v].external_id;
  }
}

bool InService(UnixSeconds t) {
  const LocalTime l = ToLocal(t);
  const int minute = l.hour * 60 + l.minute;
  return (minute >= 12 * 60 + 30 && minute <= 16 * 60) ||
         (minute >= 19 * 60 && minute <= 23 * 60 + 30);
}

TEST(RestaurantGeneratorTest, VisitsAndOrdersHappenInLimaServiceHoursWithinThePeriod) {
  const DemoData& d = Shared();
  for (const Visit& v : d.visits) {
    ASSERT_GE(v.seated_at, d.period_start) << v.external_id;
    ASSERT_LT(*v.closed_at, d.period_end) << v.external_id;
    ASSERT_GT(*v.closed_at, v.seated_at) << v.external_id;
    ASSERT_TRUE(InService(v.seated_at)) << v.external_id << " " << FormatTimestamp(v.seated_at);
    ASSERT_TRUE(InService(*v.closed_at)) << v.external_id << " " << FormatTimestamp(*v.closed_at);
  }
  for (const OrderLine& line : d.order_lines) {
    const Visit& v = VisitOf(d, line.visit_id);
    ASSERT_GE(line.ordered_at, v.seated_at) << line.external_id;
    ASSERT_LE(line.ordered_at, *v.closed_at) << line.external_id;
  }
  for (const Feedback& f : d.feedback) {
    ASSERT_GE(f.created_at, *VisitOf(d, *f.visit_id).closed_at);
    ASSERT_LT(f.created_at, d.period_end);
  }
}

TEST(RestaurantGeneratorTest, SummerSellsMoreCebicheAndWeekendDinnersAreBusiest) {
  const DemoData& d = Shared();
  std::pair<int, int> summer, winter;  // cebiche lines, starter lines
  for (const OrderLine& line : d.order_lines) {
    const MenuItem& item = ItemOf(d, line.item_id);
    if (item.course != Course::kStarter) continue;
    const int month = ToLocal(line.ordered_at).month;
    if (month >= 6 && month <= 9) ++winter.second, winter.first += item.category == "cebiche";
    if (month == 12 || month <= 3) ++summer.second, summer.first += item.category == "cebiche";
  }
  EXPECT_GT(static_cast<double>(summer.first) / summer.second,
            1.1 * static_cast<double>(winter.first) / winter.second);
  int dinners_by_weekday[7] = {};
  for (const Visit& v : d.visits) {
    const LocalTime l = ToLocal(v.seated_at);
    if (l.hour >= 19) ++dinners_by_weekday[l.weekday];
  }
  for (int weekday : {1, 2, 3, 4}) {
    EXPECT_GT(dinners_by_weekday[5], dinners_by_weekday[weekday]);
    EXPECT_GT(dinners_by_weekday[6], dinners_by_weekday[weekday]);
  }
}

TEST(RestaurantGeneratorTest, FeedbackCoversAThirdOfVisitsAndNamesOnlyDishesOrdered) {
  const DemoData& d = Shared();
  const double share = static_cast<double>(d.feedback.size()) / d.visits.size();
  EXPECT_NEAR(share, 0.3, 0.05);
  std::vector<std::set<Id>> items_of_visit(d.visits.size());
  for (const OrderLine& line : d.order_lines) {
    items_of_visit[LocalIndex(line.visit_id)].insert(line.item_id);
  }
  int naming_a_dish = 0;
  for (const Feedback& f : d.feedback) {
    ASSERT_TRUE(f.nps && *f.nps >= 0 && *f.nps <= 10);
    ASSERT_TRUE(f.stars.food && *f.stars.food >= 1 && *f.stars.food <= 5);
    std::map<size_t, std::string> named;  // menu index -> name found in the text
    for (size_t i = 0; i < d.menu.size(); ++i) {
      std::string name = f.language == Language::kEnglish ? d.menu[i].name_en : d.menu[i].name_es;
      name = name.substr(0, name.find(" ("));
      std::string lower = name;
      lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
      if (f.text.find(name) != std::string::npos || f.text.find(lower) != std::string::npos) {
        named[i] = lower;
      }
    }
    for (const auto& [i, name] : named) {
      // "papa a la huancaína" inside "tallarines verdes con papa a la huancaína" is not a mention.
      bool inside_another = false;
      for (const auto& [j, other] : named) {
        inside_another |= i != j && other.find(name) != std::string::npos;
      }
      if (inside_another) continue;
      ++naming_a_dish;
      EXPECT_TRUE(items_of_visit[LocalIndex(*f.visit_id)].count(LocalId(i)))
          << f.external_id << " names " << d.menu[i].external_id << ": " << f.text;
    }
  }
  EXPECT_GT(naming_a_dish, static_cast<int>(d.feedback.size() / 4));
}

TEST(RestaurantGeneratorTest, AllTextIsValidUtf8) {
  const DemoData& d = Shared();
  auto check = [](std::string_view text, std::string_view what) {
    const Status s = ValidateUtf8(text, what);
    EXPECT_TRUE(s.ok()) << s.ToString();
  };
  for (const MenuItem& m : d.menu) check(m.name_es, "menu name"), check(m.name_en, "menu name");
  for (const Guest& g : d.guests) check(g.name, "name"), check(g.email, "email");
  for (const Visit& v : d.visits) check(v.table, "table");
  for (const OrderLine& l : d.order_lines) {
    for (const std::string& m : l.modifiers) check(m, "modifier");
  }
  for (const Feedback& f : d.feedback) check(f.text, "feedback");
  for (const SocialMention& m : d.mentions) check(m.text, "mention"), check(m.author, "author");
}

TEST(RestaurantGeneratorTest, RecordsAreWellFormed) {
  const DemoData& d = Shared();
  const std::set<std::string> kChannels = {"phone", "web", "whatsapp", "concierge", "walk_in"};
  for (const Reservation& r : d.reservations) {
    EXPECT_TRUE(kChannels.count(r.channel)) << r.channel;
    EXPECT_EQ(r.deposit > 0, r.party_size >= 6) << r.external_id;
    EXPECT_LE(r.created_at, r.reserved_for) << r.external_id;
    EXPECT_GE(r.created_at, d.guests[LocalIndex(*r.guest_id)].created_at) << r.external_id;
  }
  for (const Guest& g : d.guests) EXPECT_GT(g.created_at, 0) << g.external_id;
  for (const SocialMention& m : d.mentions) {
    const bool reviews = m.platform == "google" || m.platform == "tripadvisor";
    EXPECT_EQ(m.rating.has_value(), reviews) << m.external_id;
  }
  for (const BehaviourEvent& e : d.events) {
    ASSERT_TRUE(d.guests[LocalIndex(e.guest_id)].consent.personalization) << e.external_id;
  }
}

}  // namespace
}  // namespace sobremesa::demo
