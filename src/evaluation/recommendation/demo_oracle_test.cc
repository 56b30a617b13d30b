#include "evaluation/recommendation/demo_oracle.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "demo/restaurant_generator.h"

namespace sobremesa::recommendation {
namespace {

// The default demo as the store would hand it back, with its local ids as
// store ids (the oracle matches guests and dishes by external id and name).
RestaurantSnapshot SnapshotOf(const demo::DemoData& d) {
  RestaurantSnapshot s;
  s.restaurant_id = 1;
  s.menu = d.menu;
  for (size_t i = 0; i < s.menu.size(); ++i) s.menu[i].id = demo::LocalId(i);
  s.guests = d.guests;
  for (size_t i = 0; i < s.guests.size(); ++i) s.guests[i].id = demo::LocalId(i);
  for (size_t v = 0; v < d.visits.size(); ++v) {
    const Visit& visit = d.visits[v];
    s.baskets.push_back({.visit_id = demo::LocalId(v), .guest_id = visit.guest_id,
                         .seated_at = visit.seated_at, .party_size = visit.party_size,
                         .occasion = visit.occasion});
  }
  for (const OrderLine& line : d.order_lines) {
    s.baskets[demo::LocalIndex(line.visit_id)].item_ids.push_back(line.item_id);
  }
  for (Basket& b : s.baskets) {
    std::sort(b.item_ids.begin(), b.item_ids.end());
    b.item_ids.erase(std::unique(b.item_ids.begin(), b.item_ids.end()), b.item_ids.end());
  }
  return s;
}

TEST(DemoOracleTest, TheHostsHiddenTasteRanksTheirTableFarBetterThanAStrangers) {
  StatusOr<demo::DemoData> data = demo::GenerateDemoData({});
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  const RestaurantSnapshot s = SnapshotOf(*data);
  StatusOr<DemoOracle> oracle = MakeDemoOracle(s);
  ASSERT_TRUE(oracle.ok()) << oracle.status().ToString();
  // The last 300 visits of known guests, ranked over the whole menu.
  std::vector<HeldOutVisit> test;
  for (size_t v = s.baskets.size(); v-- > 0 && test.size() < 300;) {
    const Basket& b = s.baskets[v];
    if (b.guest_id) test.push_back({&s.guests[demo::LocalIndex(*b.guest_id)], &b, {}});
  }
  const HoldoutScore own = EvaluateHoldout(s.menu, test, oracle->with_taste);
  const HoldoutScore anyone = EvaluateHoldout(s.menu, test, oracle->without_taste);
  ASSERT_EQ(own.visits, 300);
  EXPECT_GT(own.Mean(own.ndcg, own.visits), anyone.Mean(anyone.ndcg, anyone.visits) + 0.04);
  // Deterministic: the same visit gets the same scores again.
  std::vector<float> first(s.menu.size()), again(s.menu.size());
  oracle->with_taste(test[0], first);
  oracle->with_taste(test[0], again);
  EXPECT_EQ(first, again);
}

TEST(DemoOracleTest, RefusesAStoreThatIsNotTheDefaultDemo) {
  StatusOr<demo::DemoData> data = demo::GenerateDemoData({});
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  RestaurantSnapshot s = SnapshotOf(*data);
  s.guests[7].name = "Someone Else";
  EXPECT_EQ(MakeDemoOracle(s).status().code(), StatusCode::kFailedPrecondition);
  s.guests.pop_back();
  EXPECT_EQ(MakeDemoOracle(s).status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa::recommendation
