#include "models/recommendation/ease_trainer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <vector>

namespace sobremesa::recommendation {
namespace {

TEST(EaseTrainerTest, MatchesTheClosedFormOnTwoItems) {
  // X = [[1,1],[1,0]], λ = 1: G + λI = [[3,1],[1,2]], P = [[2,-1],[-1,3]]/5,
  // B(i,j) = -P(i,j)/P(j,j): B(0,1) = 1/3, B(1,0) = 1/2, diagonal 0.
  StatusOr<ItemToItemModel> model = TrainEase({2, 2, {{0, 1}, {0}}}, {.l2 = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 1.0 / 3, 1e-5);
  EXPECT_NEAR(model->weight(1, 0), 0.5, 1e-5);
  EXPECT_FLOAT_EQ(model->weight(0, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(1, 1), 0);
}

TEST(EaseTrainerTest, DropoutPenalisesPopularItemsMore) {
  // Same X, λ = 1, p = 0.5 adds 1·popularity: G + Λ = [[5,1],[1,3]],
  // P = [[3,-1],[-1,5]]/14: B(0,1) = 1/5, B(1,0) = 1/3.
  StatusOr<ItemToItemModel> model = TrainEase({2, 2, {{0, 1}, {0}}}, {.l2 = 1, .dropout = 0.5});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 0.2, 1e-5);
  EXPECT_NEAR(model->weight(1, 0), 1.0 / 3, 1e-5);
}

TEST(EaseTrainerTest, WithoutTheZeroDiagonalConstraintItIsDlae) {
  // Same X, λ = 1, p = 0.5: Λ = diag(3, 2), P = [[3,-1],[-1,5]]/14 as above;
  // DLAE's B = I − PΛ: B(0,1) = 2/14, B(1,0) = 3/14 (EDLAE: 1/5 and 1/3), and
  // the diagonal, 1 − P(i,i)Λ(i,i), is zeroed.
  StatusOr<ItemToItemModel> model = TrainEase(
      {2, 2, {{0, 1}, {0}}}, {.l2 = 1, .dropout = 0.5, .zero_diagonal = false});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 2.0 / 14, 1e-5);
  EXPECT_NEAR(model->weight(1, 0), 3.0 / 14, 1e-5);
  EXPECT_FLOAT_EQ(model->weight(0, 0), 0);
  EXPECT_FLOAT_EQ(model->weight(1, 1), 0);
}

TEST(EaseTrainerTest, UserWeightsFollowTheClosedForm) {
  // Same X, λ = 1, exponent 1: raw weights 1/2 (two items) and 1 (one item),
  // scaled by 3 interactions / 2 weighted = 1.5 to 0.75 and 1.5, so
  // XᵀWX + λI = [[3.25,0.75],[0.75,1.75]] and B(0,1) = 0.75/3.25,
  // B(1,0) = 0.75/1.75: the long history's pair counts for less than plain
  // EASE's 1/3 and 1/2 would give it relative to its diagonal.
  StatusOr<ItemToItemModel> model =
      TrainEase({2, 2, {{0, 1}, {0}}}, {.l2 = 1, .user_weight_exponent = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->weight(0, 1), 0.75 / 3.25, 1e-5);
  EXPECT_NEAR(model->weight(1, 0), 0.75 / 1.75, 1e-5);
}

// Three taste clusters of ten items; each user eats six items of their own
// cluster, one of which is held out. Cluster 0 has more users, so popularity
// prefers its items for everyone.
struct PlantedClusters {
  InteractionData train;
  std::vector<int32_t> held_out;
};

PlantedClusters MakePlantedClusters() {
  std::mt19937 rng(42);
  PlantedClusters p{.train = {.num_users = 0, .num_items = 30}};
  for (int32_t u = 0; u < 90; ++u) {
    const int32_t cluster = u < 50 ? 0 : (u < 70 ? 1 : 2);
    std::vector<int32_t> items(10);
    for (int32_t k = 0; k < 10; ++k) items[k] = cluster * 10 + k;
    std::shuffle(items.begin(), items.end(), rng);
    p.held_out.push_back(items[5]);
    p.train.items_by_user.emplace_back(items.begin(), items.begin() + 5);
  }
  p.train.num_users = 90;
  return p;
}

// Fraction of users whose held-out item is among the 5 best-scored unseen items.
template <typename ScoreFn>
double HitRateAt5(const PlantedClusters& p, ScoreFn score) {
  int hits = 0;
  for (int32_t u = 0; u < p.train.num_users; ++u) {
    const std::vector<int32_t>& seen = p.train.items_by_user[u];
    const float target = score(u, p.held_out[u]);
    int better = 0;
    for (int32_t i = 0; i < p.train.num_items; ++i) {
      if (i == p.held_out[u] || std::find(seen.begin(), seen.end(), i) != seen.end()) continue;
      if (score(u, i) >= target) ++better;
    }
    if (better < 5) ++hits;
  }
  return static_cast<double>(hits) / p.train.num_users;
}

TEST(EaseTrainerTest, RecoversPlantedClustersAndBeatsPopularity) {
  const PlantedClusters p = MakePlantedClusters();
  StatusOr<ItemToItemModel> model = TrainEase(p.train, {.l2 = 5});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  std::vector<float> popularity(p.train.num_items, 0);
  for (const auto& items : p.train.items_by_user) {
    for (int32_t i : items) popularity[i] += 1;
  }
  const double ease_hr = HitRateAt5(
      p, [&](int32_t u, int32_t i) { return model->Score(p.train.items_by_user[u], i); });
  const double popularity_hr = HitRateAt5(p, [&](int32_t, int32_t i) { return popularity[i]; });
  EXPECT_GE(ease_hr, 0.95);
  EXPECT_GT(ease_hr, popularity_hr + 0.3) << "popularity HR@5 " << popularity_hr;
}

TEST(EaseTrainerTest, RejectsNonPositiveL2AndDropoutOfOne) {
  EXPECT_EQ(TrainEase({1, 1, {{0}}}, {.l2 = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainEase({1, 1, {{0}}}, {.l2 = 1, .dropout = 1}).status().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
