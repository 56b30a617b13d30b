#include "models/hybrid_ranking.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "models/recommendation/restaurant_hybrid_trainer.h"
#include "models/test_menu.h"

namespace sobremesa {
namespace {

using recommendation::RestaurantHybridModel;

constexpr UnixSeconds kNight = 1767312000;  // 2026-01-02 00:00 UTC: 19:00 in Lima

// Two kinds of regulars: odd guests order cebiche with a pisco sour, even
// guests lomo saltado with chicha morada.
class HybridRankingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    menu_ = testing::SmallMenu();
    for (Id g = 1; g <= 20; ++g) {
      Guest guest;
      guest.id = g;
      guest.preferences = {g % 2 ? "seafood" : "meat"};
      guests_.push_back(guest);
      for (int v = 0; v < 3; ++v) {
        Basket b{.visit_id = g * 10 + v, .guest_id = g, .seated_at = kNight + v * 86400,
                 .party_size = 2};
        b.item_ids = g % 2 ? std::vector<Id>{1, 5} : std::vector<Id>{3, 6};
        baskets_.push_back(b);
      }
    }
    recommendation::RestaurantHybridOptions o;
    o.model.dim = 8;
    o.model.epochs = 40;
    o.model.batch_size = 32;
    o.model.negatives = 4;
    o.model.learning_rate = 0.05f;
    o.model.familiarity = true;  // so that "ordered before" has evidence to rest on
    const recommendation::RestaurantRecords records{menu_, guests_, baskets_, {}, {}};
    auto m = recommendation::TrainRestaurantHybrid(records, 1, o, kNight);
    ASSERT_TRUE(m.ok()) << m.status().ToString();
    model_ = std::make_unique<RestaurantHybridModel>(std::move(*m));
    CooccurrenceModelBuilder pairs(menu_);
    for (const Basket& b : baskets_) pairs.AddBasket(b.item_ids, b.seated_at, b.occasion);
    pairs_ = pairs.Build(kNight);
  }

  std::vector<RankedItem> Rank(const Guest& guest, std::span<const ItemHistory> history,
                               const RecommendationContext& context, int k = 10) {
    const GuestProfile profile{guest.allergies, guest.dietary_needs, history};
    return RankHybrid(*model_, pairs_.get(), menu_, guest, profile, context, k, scratch_);
  }

  static bool Has(const std::vector<RankedItem>& r, Id id) {
    return std::any_of(r.begin(), r.end(), [&](const RankedItem& x) { return x.item->id == id; });
  }

  std::vector<MenuItem> menu_;
  std::vector<Guest> guests_;
  std::vector<Basket> baskets_;
  std::unique_ptr<RestaurantHybridModel> model_;
  std::shared_ptr<const CooccurrenceModel> pairs_;
  HybridRankScratch scratch_;
};

TEST_F(HybridRankingTest, LearnedTasteRanksTheGuestsKindOfDishFirst) {
  const ItemHistory history[] = {{.item_id = 1, .times_ordered = 1, .visits = 1}};
  RecommendationContext starters;
  starters.course = Course::kStarter;
  std::vector<RankedItem> r = Rank(guests_[0], history, starters);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].item->id, 1);
  RecommendationContext mains;
  mains.course = Course::kMain;
  r = Rank(guests_[1], {}, mains);  // an even guest: lomo saltado over quinotto
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].item->id, 3);
}

TEST_F(HybridRankingTest, AllergiesDietAndAvailabilityStandAboveTheModel) {
  Guest guest = guests_[0];  // learned to love cebiche
  guest.allergies = {Allergen::kFish, Allergen::kEgg};
  guest.dietary_needs = {DietTag::kVegetarian};
  const std::vector<RankedItem> r = Rank(guest, {}, {}, 100);
  for (const RankedItem& x : r) {
    EXPECT_EQ(ExclusionFor(*x.item, guest.allergies, guest.dietary_needs), Exclusion::kNone)
        << x.item->name_es;
  }
  EXPECT_FALSE(Has(r, 1));
  EXPECT_FALSE(Has(r, 8)) << "paiche is unavailable";
  EXPECT_TRUE(Has(r, 4)) << "quinotto is safe and vegan";
}

TEST_F(HybridRankingTest, TonightsItemsComeBackOnlyWhenAsked) {
  RecommendationContext context;
  context.ordered_tonight = {1, 5};
  std::vector<RankedItem> r = Rank(guests_[0], {}, context, 100);
  EXPECT_FALSE(Has(r, 1));
  EXPECT_FALSE(Has(r, 5));
  context.allow_repeat_tonight = true;
  r = Rank(guests_[0], {}, context, 100);
  EXPECT_TRUE(Has(r, 5));
}

TEST_F(HybridRankingTest, DrinkForTonightsCebicheIsAPiscoSourThatNamesIt) {
  RecommendationContext context;
  context.course = Course::kDrink;
  context.ordered_tonight = {1};
  Guest stranger;  // no profile, no history: the pairing decides
  stranger.id = 999;
  const std::vector<RankedItem> r = Rank(stranger, {}, context);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].item->id, 5);
  EXPECT_EQ(r[0].reason, ReasonKind::kPairsWith);
  EXPECT_EQ(r[0].evidence_item, 1);
  EXPECT_TRUE(r[0].evidence_tonight);
}

TEST_F(HybridRankingTest, FavouritesAndSimilarHistoryAreTheirOwnReasons) {
  const ItemHistory history[] = {{.item_id = 5, .times_ordered = 3, .visits = 3},
                                 {.item_id = 1, .times_ordered = 1, .visits = 1}};
  const std::vector<RankedItem> r = Rank(guests_[0], history, {}, 100);
  for (const RankedItem& x : r) {
    if (x.item->id == 5) {
      EXPECT_EQ(x.reason, ReasonKind::kFavourite);
    }
    if (x.item->id == 1) {
      // Had once: every guest here re-orders, so having had a dish lifts it.
      EXPECT_GT(model_->Familiarity(*x.item, 1), 0.f);
      EXPECT_EQ(x.reason, ReasonKind::kOrderedBefore);
      EXPECT_EQ(x.evidence_count, 1);
    }
    if (x.reason == ReasonKind::kLikeHistory) {
      EXPECT_TRUE(x.evidence_item == 1 || x.evidence_item == 5);
      EXPECT_NE(x.evidence_item, x.item->id);
    }
  }
}

TEST_F(HybridRankingTest, UnknownGuestAndNewDishStillGetScoresInRange) {
  menu_.push_back(testing::MakeItem(9, "tiradito", Course::kStarter, {Allergen::kFish}));
  Guest stranger;
  stranger.id = 12345;
  const std::vector<RankedItem> r = Rank(stranger, {}, {}, 100);
  EXPECT_TRUE(Has(r, 9)) << "a dish the model never saw is scored from its features";
  for (const RankedItem& x : r) {
    EXPECT_GE(x.score, 0.f);
    EXPECT_LE(x.score, 1.f);
    EXPECT_NE(x.reason, ReasonKind::kFavourite);
  }
}

}  // namespace
}  // namespace sobremesa
