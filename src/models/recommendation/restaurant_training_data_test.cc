#include "models/recommendation/restaurant_training_data.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sobremesa::recommendation {
namespace {

constexpr UnixSeconds kNight = 1767312000;  // 19:00 in Lima

MenuItem Item(Id id, Course course) {
  MenuItem m;
  m.id = id;
  m.course = course;
  m.category = "criollo";
  m.ingredients = {"papa"};
  return m;
}

struct Records {
  std::vector<MenuItem> menu{Item(10, Course::kStarter), Item(20, Course::kMain),
                             Item(30, Course::kDrink)};
  std::vector<Guest> guests;
  std::vector<Basket> baskets;
  std::vector<BehaviourEvent> events;
  std::vector<Feedback> feedback;
  RestaurantRecords View() const { return {menu, guests, baskets, events, feedback}; }
};

// Guest 7 orders 10 and 20 on visit 100 (food 5 stars), then 20 again on
// visit 101 and sends it back; views 30 on visit 101. Visit 102 is anonymous.
Records Sample() {
  Records r;
  Guest g;
  g.id = 7;
  g.language = Language::kEnglish;
  g.preferences = {"seafood"};
  r.guests.push_back(g);
  r.baskets = {{.visit_id = 100, .guest_id = 7, .seated_at = kNight, .party_size = 2,
                .item_ids = {10, 20}},
               {.visit_id = 101, .guest_id = 7, .seated_at = kNight + 86400, .party_size = 4,
                .item_ids = {20}},
               {.visit_id = 102, .seated_at = kNight, .item_ids = {10, 30}}};
  r.events = {{.guest_id = 7, .visit_id = 101, .item_id = 20, .type = EventType::kSentBack},
              {.guest_id = 7, .visit_id = 101, .item_id = 30, .type = EventType::kViewed}};
  Feedback f;
  f.visit_id = 100;
  f.stars.food = 5;
  r.feedback.push_back(f);
  return r;
}

float WeightOf(const HybridData& d, int32_t item, bool negative) {
  for (const WeightedInteraction& x : d.interactions) {
    if (x.item == item && (x.weight < 0) == negative && x.context_row >= 0) return x.weight;
  }
  return 0;
}

TEST(RestaurantTrainingData, EachSignalTypeCarriesItsConfiguredWeight) {
  const Records r = Sample();
  SignalWeights w;
  w.order = 1;
  w.reorder = 0.5f;
  w.view = 0.2f;
  w.rating = 0.4f;
  w.sent_back = 2;
  const RestaurantTrainingSet set = BuildRestaurantTrainingSet(r.View(), w);
  const HybridData& d = set.data;
  ASSERT_EQ(d.num_users, 1) << "the anonymous visit has no guest to learn";
  ASSERT_EQ(d.num_items, 3);
  EXPECT_EQ(d.item_keys, (std::vector<int64_t>{10, 20, 30}));
  EXPECT_FLOAT_EQ(WeightOf(d, 0, false), 1 + 0.4f);  // ordered, 5 food stars
  EXPECT_FLOAT_EQ(WeightOf(d, 2, false), 0.2f);      // viewed
  EXPECT_FLOAT_EQ(WeightOf(d, 1, true), -2.f);       // sent back
  int reorders = 0;
  for (const WeightedInteraction& x : d.interactions) reorders += x.item == 1 && x.weight == 1.5f;
  EXPECT_EQ(reorders, 1) << "the second lomo is a re-order";
  EXPECT_TRUE(ValidateHybridData(d).ok());
}

TEST(RestaurantTrainingData, OrdersOfAVisitAreHiddenFromItsOwnHistory) {
  const Records r = Sample();
  const RestaurantTrainingSet set = BuildRestaurantTrainingSet(r.View(), {});
  const HybridData& d = set.data;
  const auto ids = d.user_features.Row(0);
  const auto groups = d.user_features.Groups(0);
  const int32_t lomo = set.features.HistoryFeature(20);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), lomo), 2) << "once per visit";
  for (const WeightedInteraction& x : d.interactions) {
    if (x.item != 1 || x.weight <= 0) continue;
    // The interaction's group is its visit; the same visit's features share it.
    int same_visit = 0;
    for (size_t k = 0; k < ids.size(); ++k) same_visit += groups[k] == x.group;
    EXPECT_GE(same_visit, 1);
  }
}

TEST(RestaurantTrainingData, DataHashFollowsTheSignalsAndMenuIdentityTheItems) {
  Records r = Sample();
  const std::string before = BuildRestaurantTrainingSet(r.View(), {}).data_hash;
  r.events.pop_back();
  EXPECT_NE(BuildRestaurantTrainingSet(r.View(), {}).data_hash, before);
  const std::string identity = MenuIdentity(1, r.menu);
  EXPECT_EQ(identity.rfind("restaurant-1:", 0), 0u);
  r.menu.push_back(Item(40, Course::kDessert));
  EXPECT_NE(MenuIdentity(1, r.menu), identity);
}

TEST(RestaurantTrainingData, SignalWeightsParseFromConfiguration) {
  StatusOr<SignalWeights> w = ParseSignalWeights("view=0.5,sent_back=3");
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_FLOAT_EQ(w->view, 0.5f);
  EXPECT_FLOAT_EQ(w->sent_back, 3.f);
  EXPECT_FLOAT_EQ(w->order, SignalWeights{}.order);
  EXPECT_TRUE(ParseSignalWeights("").ok());
  for (const char* bad : {"views=1", "order=", "order=-1", "order=x", "order"}) {
    EXPECT_EQ(ParseSignalWeights(bad).status().code(), StatusCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace sobremesa::recommendation
