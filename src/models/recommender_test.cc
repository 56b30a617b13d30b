#include "models/recommender.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "models/test_menu.h"

namespace sobremesa {
namespace {

using testing::SmallMenu;

// Dinner baskets: cebiche is the most popular item by far; pisco sour is
// ordered with lomo saltado, chicha morada with quinotto.
std::shared_ptr<const CooccurrenceModel> TrainedModel(const std::vector<MenuItem>& menu) {
  CooccurrenceModelBuilder builder(menu);
  const UnixSeconds dinner = FromLocal(2026, 3, 6, 20, 0, 0);
  for (int i = 0; i < 30; ++i) builder.AddBasket(std::vector<Id>{1, 2, 8}, dinner, "");
  for (int i = 0; i < 10; ++i) builder.AddBasket(std::vector<Id>{3, 5, 7}, dinner, "");
  for (int i = 0; i < 10; ++i) builder.AddBasket(std::vector<Id>{4, 6}, dinner, "");
  return builder.Build(dinner);
}

std::vector<Id> Ids(const std::vector<RankedItem>& ranked) {
  std::vector<Id> ids;
  for (const RankedItem& r : ranked) ids.push_back(r.item->id);
  return ids;
}

bool HasAny(const std::vector<RankedItem>& ranked, AllergenSet allergens) {
  for (const RankedItem& r : ranked) {
    if (r.item->allergens.Intersects(allergens)) return true;
  }
  return false;
}

TEST(RecommenderTest, NeverReturnsAnItemWithAGuestAllergen) {
  const auto menu = SmallMenu();
  const auto model = TrainedModel(menu);
  for (int a = 0; a < kAllergenCount; ++a) {
    const AllergenSet allergies{static_cast<Allergen>(a)};
    const GuestProfile guest{allergies, {}, {}};
    const auto ranked = Rank(model.get(), menu, guest, {}, 100);
    EXPECT_FALSE(HasAny(ranked, allergies)) << AllergenCode(static_cast<Allergen>(a));
  }
}

TEST(RecommenderTest, NeverReturnsUnavailableItems) {
  const auto menu = SmallMenu();
  const auto ranked = Rank(TrainedModel(menu).get(), menu, {}, {}, 100);
  for (const RankedItem& r : ranked) EXPECT_NE(r.item->id, 8) << "paiche is off tonight";
  EXPECT_EQ(ranked.size(), 7u);
}

// Water is on the menu to be ordered, not suggested: a staple passes the
// rules only when the request asks for staples.
TEST(RecommenderTest, StaplesOnlyWhenAskedFor) {
  auto menu = SmallMenu();
  menu[0].staple = true;  // cebiche, the most ordered item
  const auto model = TrainedModel(menu);
  const auto without = Ids(Rank(model.get(), menu, {}, {}, 100));
  EXPECT_EQ(std::count(without.begin(), without.end(), menu[0].id), 0);
  EXPECT_EQ(without.size(), 6u);
  RecommendationContext asked;
  asked.include_staples = true;
  const auto with = Ids(Rank(model.get(), menu, {}, asked, 100));
  EXPECT_EQ(with.front(), menu[0].id);
  EXPECT_EQ(with.size(), 7u);
}

TEST(RecommenderTest, RespectsDietaryNeeds) {
  const auto menu = SmallMenu();
  const GuestProfile vegan{{}, {DietTag::kVegan}, {}};
  EXPECT_EQ(Ids(Rank(TrainedModel(menu).get(), menu, vegan, {}, 100)), (std::vector<Id>{4, 6}));
}

TEST(RecommenderTest, PopularityLeadsForAGuestWithoutHistory) {
  const auto menu = SmallMenu();
  RecommendationContext starters;
  starters.course = Course::kStarter;
  const auto ranked = Rank(TrainedModel(menu).get(), menu, {}, starters, 10);
  ASSERT_EQ(Ids(ranked), (std::vector<Id>{1, 2}));
  EXPECT_EQ(ranked[0].reason, ReasonKind::kPopular);
}

TEST(RecommenderTest, CooccurrenceWithHistoryBeatsPopularityAndNamesItsEvidence) {
  const auto menu = SmallMenu();
  const ItemHistory lomo{3, 1, 1, 0};
  const GuestProfile guest{{}, {}, std::span<const ItemHistory>(&lomo, 1)};
  RecommendationContext drinks;
  drinks.course = Course::kDrink;
  const auto ranked = Rank(TrainedModel(menu).get(), menu, guest, drinks, 10);
  ASSERT_EQ(Ids(ranked), (std::vector<Id>{5, 6}));
  EXPECT_EQ(ranked[0].reason, ReasonKind::kPairsWith);
  EXPECT_EQ(ranked[0].evidence_item, 3);
  EXPECT_FALSE(ranked[0].evidence_tonight);
}

TEST(RecommenderTest, WhatTheTableOrderedTonightSteersPairingsAndIsNotRepeated) {
  const auto menu = SmallMenu();
  RecommendationContext context;
  context.ordered_tonight = {4};
  const auto ranked = Rank(TrainedModel(menu).get(), menu, {}, context, 10);
  for (const RankedItem& r : ranked) EXPECT_NE(r.item->id, 4);
  ASSERT_FALSE(ranked.empty());
  EXPECT_EQ(ranked[0].item->id, 6);
  EXPECT_EQ(ranked[0].reason, ReasonKind::kPairsWith);
  EXPECT_TRUE(ranked[0].evidence_tonight);

  context.allow_repeat_tonight = true;
  const auto with_repeat = Ids(Rank(TrainedModel(menu).get(), menu, {}, context, 10));
  EXPECT_NE(std::find(with_repeat.begin(), with_repeat.end(), 4), with_repeat.end());
}

TEST(RecommenderTest, ADrinkIsNoEvidenceForADish) {
  const auto menu = SmallMenu();
  const ItemHistory chicha{6, 1, 1, 0};
  const GuestProfile guest{{}, {}, std::span<const ItemHistory>(&chicha, 1)};
  RecommendationContext mains;
  mains.course = Course::kMain;
  for (const RankedItem& r : Rank(TrainedModel(menu).get(), menu, guest, mains, 10)) {
    EXPECT_NE(r.reason, ReasonKind::kPairsWith) << r.item->name_es;
  }
}

TEST(RecommenderTest, ItemOrderedOnSeveralVisitsIsAFavourite) {
  const auto menu = SmallMenu();
  const ItemHistory causa{2, 3, 3, 0};
  const GuestProfile guest{{}, {}, std::span<const ItemHistory>(&causa, 1)};
  const auto ranked = Rank(TrainedModel(menu).get(), menu, guest, {}, 10);
  auto it = std::find_if(ranked.begin(), ranked.end(),
                         [](const RankedItem& r) { return r.item->id == 2; });
  ASSERT_NE(it, ranked.end());
  EXPECT_EQ(it->reason, ReasonKind::kFavourite);
  EXPECT_EQ(it->evidence_count, 3);
}

TEST(RecommenderTest, WithoutAModelRulesStillApply) {
  const auto menu = SmallMenu();
  const GuestProfile guest{{Allergen::kEgg}, {}, {}};
  const auto ranked = Rank(nullptr, menu, guest, {}, 3);
  EXPECT_EQ(Ids(ranked), (std::vector<Id>{1, 3, 4}));
  EXPECT_FALSE(HasAny(Rank(nullptr, menu, guest, {}, 100), {Allergen::kEgg}));
}

TEST(RecommenderTest, KOfZeroOrLessReturnsNothing) {
  const auto menu = SmallMenu();
  EXPECT_TRUE(Rank(nullptr, menu, {}, {}, 0).empty());
  EXPECT_TRUE(Rank(nullptr, menu, {}, {}, -3).empty());
}

}  // namespace
}  // namespace sobremesa
