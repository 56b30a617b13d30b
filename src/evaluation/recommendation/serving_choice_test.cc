#include "evaluation/recommendation/serving_choice.h"

#include <gtest/gtest.h>

namespace sobremesa::recommendation {
namespace {

HoldoutScore Scores(double returning, int returning_visits, double fresh, int new_visits) {
  HoldoutScore s;
  s.ndcg_returning = returning * returning_visits;
  s.returning_visits = returning_visits;
  s.ndcg_new = fresh * new_visits;
  s.new_visits = new_visits;
  s.visits = returning_visits + new_visits;
  return s;
}

TEST(ServingChoice, EachGuestTypeGetsTheModelThatRankedItBetter) {
  const ServingChoice c = ChooseServing(Scores(0.19, 3000, 0.21, 1000),  // hybrid
                                        Scores(0.21, 3000, 0.19, 1000)); // co-occurrence
  EXPECT_EQ(c.with_history, ServedModel::kCooccurrence);
  EXPECT_EQ(c.without_history, ServedModel::kHybrid);
  const ServingChoice flipped =
      ChooseServing(Scores(0.22, 3000, 0.18, 1000), Scores(0.21, 3000, 0.19, 1000));
  EXPECT_EQ(flipped.with_history, ServedModel::kHybrid);
  EXPECT_EQ(flipped.without_history, ServedModel::kCooccurrence);
}

TEST(ServingChoice, TiesAndTooFewVisitsKeepTheHybridModel) {
  const ServingChoice tie = ChooseServing(Scores(0.2, 500, 0.2, 500), Scores(0.2, 500, 0.2, 500));
  EXPECT_EQ(tie.with_history, ServedModel::kHybrid);
  EXPECT_EQ(tie.without_history, ServedModel::kHybrid);
  const int few = kMinValidationVisits - 1;
  const ServingChoice thin = ChooseServing(Scores(0.1, few, 0.1, few), Scores(0.9, few, 0.9, few));
  EXPECT_EQ(thin.with_history, ServedModel::kHybrid);
  EXPECT_EQ(thin.without_history, ServedModel::kHybrid);
}

TEST(ServingChoice, MetricsNameEachModelAndGuestType) {
  ServingValidation v;
  v.hybrid = Scores(0.19, 40, 0.21, 50);
  v.cooccurrence = Scores(0.23, 40, 0.17, 50);
  const auto metrics = v.Metrics();
  auto value = [&](const std::string& name) {
    for (const auto& [n, x] : metrics) {
      if (n == name) return x;
    }
    ADD_FAILURE() << "no metric " << name;
    return -1.0;
  };
  EXPECT_NEAR(value("validation_ndcg10_with_history_cooccurrence"), 0.23, 1e-9);
  EXPECT_NEAR(value("validation_ndcg10_new_guests_hybrid"), 0.21, 1e-9);
  EXPECT_EQ(value("validation_visits_with_history"), 40);
  EXPECT_EQ(value("validation_visits_new_guests"), 50);
}

// Two visits, one of a returning guest and one of a new guest: the holdout
// score keeps them apart, and the per-type scorer asks each its own model.
TEST(HoldoutScoring, SeparatesReturningAndNewGuestsAndRoutesByType) {
  std::vector<MenuItem> menu(3);
  for (int i = 0; i < 3; ++i) menu[i].id = 10 + i;
  Guest g;
  Basket returning_basket, new_basket;
  returning_basket.item_ids = {10};
  new_basket.item_ids = {12};
  std::vector<DemoTestVisit> test = {{&g, &returning_basket, {ItemHistory{.item_id = 11}}},
                                     {&g, &new_basket, {}}};
  // Ranks item `best` first, the others after.
  auto first = [](int best) {
    return Scorer([best](const DemoTestVisit&, std::vector<float>& out) {
      for (size_t i = 0; i < out.size(); ++i) out[i] = int(i) == best ? 1.f : 0.f;
    });
  };
  const HoldoutScore right = EvaluateHoldout(menu, test, PerGuestTypeScorer(first(0), first(2)));
  EXPECT_EQ(right.returning_visits, 1);
  EXPECT_EQ(right.new_visits, 1);
  EXPECT_DOUBLE_EQ(right.ndcg_returning, 1.0);
  EXPECT_DOUBLE_EQ(right.ndcg_new, 1.0);
  const HoldoutScore swapped = EvaluateHoldout(menu, test, PerGuestTypeScorer(first(2), first(0)));
  EXPECT_LT(swapped.ndcg_returning, 1.0);
  EXPECT_LT(swapped.ndcg_new, 1.0);
}

}  // namespace
}  // namespace sobremesa::recommendation
