#include "selection/recommendation/serving_choice.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>

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

// Validation scores for every blend step, peaking for returning guests at
// `returning_peak` and for new guests at `new_peak`.
std::vector<HoldoutScore> Peaks(int returning_peak, int new_peak, int visits) {
  std::vector<HoldoutScore> out;
  for (int step = 0; step <= kBlendSteps; ++step) {
    out.push_back(Scores(0.3 - 0.01 * std::abs(step - returning_peak), visits,
                         0.3 - 0.01 * std::abs(step - new_peak), visits));
  }
  return out;
}

TEST(ServingChoice, EachGuestTypeGetsTheBlendThatRankedItBest) {
  const ServingChoice c = ChooseServing(Peaks(7, 0, 1000));
  EXPECT_DOUBLE_EQ(c.with_history, 0.7);
  EXPECT_DOUBLE_EQ(c.without_history, 0.0);
  const ServingChoice ends = ChooseServing(Peaks(0, kBlendSteps, 1000));
  EXPECT_DOUBLE_EQ(ends.with_history, 0.0);
  EXPECT_DOUBLE_EQ(ends.without_history, 1.0);
}

TEST(ServingChoice, TiesTakeTheLowerWeightAndTooFewVisitsTheHybridAlone) {
  std::vector<HoldoutScore> flat(kBlendSteps + 1, Scores(0.2, 500, 0.2, 500));
  const ServingChoice tie = ChooseServing(flat);
  EXPECT_EQ(tie.with_history, 0);
  EXPECT_EQ(tie.without_history, 0);
  const ServingChoice thin = ChooseServing(Peaks(5, 9, kMinValidationVisits - 1));
  EXPECT_EQ(thin.with_history, 0);
  EXPECT_EQ(thin.without_history, 0);
  EXPECT_EQ(ChooseServing(Peaks(5, 9, kMinValidationVisits)).with_history, 0.5);
}

TEST(ServingChoice, MetricsNameEachModelTheServedBlendAndItsWeights) {
  ServingValidation v;
  v.by_step = Peaks(6, 2, 40);
  v.choice = ChooseServing(v.by_step);
  const auto metrics = v.Metrics();
  auto value = [&](const std::string& name) {
    for (const auto& [n, x] : metrics) {
      if (n == name) return x;
    }
    ADD_FAILURE() << "no metric " << name;
    return -1.0;
  };
  EXPECT_NEAR(value("validation_ndcg10_with_history_hybrid"), 0.3 - 0.06, 1e-9);
  EXPECT_NEAR(value("validation_ndcg10_with_history_cooccurrence"), 0.3 - 0.04, 1e-9);
  EXPECT_NEAR(value("validation_ndcg10_with_history_served"), 0.3, 1e-9);
  EXPECT_NEAR(value("validation_ndcg10_new_guests_served"), 0.3, 1e-9);
  EXPECT_NEAR(value("cooccurrence_weight_with_history"), 0.6, 1e-9);
  EXPECT_NEAR(value("cooccurrence_weight_new_guests"), 0.2, 1e-9);
  EXPECT_EQ(value("validation_visits_with_history"), 40);
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
  std::vector<HeldOutVisit> test = {{&g, &returning_basket, {ItemHistory{.item_id = 11}}},
                                     {&g, &new_basket, {}}};
  // Ranks item `best` first, the others after.
  auto first = [](int best) {
    return Scorer([best](const HeldOutVisit&, std::vector<float>& out) {
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

TEST(HoldoutScoring, BlendWeightMovesTheRankingFromOneModelToTheOther) {
  std::vector<MenuItem> menu(3);
  Guest g;
  Basket basket;
  const HeldOutVisit visit{&g, &basket, {}};
  // The hybrid prefers item 0 (raw scores far outside [0, 1]), the
  // co-occurrence model item 2.
  const Scorer hybrid = [](const HeldOutVisit&, std::vector<float>& out) {
    out = {40.f, 20.f, 0.f};
  };
  const Scorer cooccurrence = [](const HeldOutVisit&, std::vector<float>& out) {
    out = {0.1f, 0.5f, 0.9f};
  };
  std::vector<float> out(3);
  BlendScorer(hybrid, cooccurrence, 0)(visit, out);
  EXPECT_EQ(std::max_element(out.begin(), out.end()) - out.begin(), 0);
  BlendScorer(hybrid, cooccurrence, 1)(visit, out);
  EXPECT_EQ(std::max_element(out.begin(), out.end()) - out.begin(), 2);
  BlendScorer(hybrid, cooccurrence, 0.5f)(visit, out);  // 0.55, 0.5, 0.45
  EXPECT_NEAR(out[0], 0.55f, 1e-6);
  EXPECT_NEAR(out[2], 0.45f, 1e-6);
}

}  // namespace
}  // namespace sobremesa::recommendation
