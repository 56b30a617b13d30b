#include "models/recommendation/ials_trainer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// Two taste clusters of five items; user u eats the items of cluster u % 2
// except one (item (u / 2) % 5 of the cluster), and cluster 0 has three
// users for every one of cluster 1's, so popularity prefers cluster 0.
InteractionData TwoClusters() {
  InteractionData d{40, 10, std::vector<std::vector<int32_t>>(40)};
  for (int32_t u = 0; u < 40; ++u) {
    const int32_t cluster = u % 4 == 3 ? 1 : 0;
    for (int32_t k = 0; k < 5; ++k) {
      if (k != (u / 4) % 5) d.items_by_user[u].push_back(cluster * 5 + k);
    }
  }
  return d;
}

TEST(IalsTrainerTest, LastHalfEpochSolvesTheItemEquationsExactly) {
  // With cg_steps = dim, conjugate gradients solve each d × d system
  // exactly, so after training every item vector q_i satisfies
  // (Σ_{u∈U_i} p_u p_uᵀ + α0 Σ_u p_u p_uᵀ + λ_i I) q_i = Σ_{u∈U_i} p_u
  // with λ_i = λ (|U_i| + α0 |U|)^ν, for the final user vectors.
  const InteractionData data = TwoClusters();
  const IalsOptions o{.dim = 3, .epochs = 4, .unobserved_weight = 0.2, .l2 = 0.05,
                      .frequency_exponent = 1, .cg_steps = 3};
  StatusOr<FactorModel> model = TrainIals(data, o);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (int32_t i = 0; i < data.num_items; ++i) {
    std::vector<int32_t> raters;
    for (int32_t u = 0; u < data.num_users; ++u) {
      for (int32_t j : data.items_by_user[u]) {
        if (j == i) raters.push_back(u);
      }
    }
    const double l2 = o.l2 * (raters.size() + o.unobserved_weight * data.num_users);
    const std::span<const float> q = model->item(i);
    for (int32_t a = 0; a < o.dim; ++a) {
      double lhs = l2 * q[a], rhs = 0;
      for (int32_t u = 0; u < data.num_users; ++u) {
        const std::span<const float> p = model->user(u);
        const double pq = model->Score(u, i);
        lhs += o.unobserved_weight * p[a] * pq;
      }
      for (int32_t u : raters) {
        lhs += model->user(u)[a] * model->Score(u, i);
        rhs += model->user(u)[a];
      }
      EXPECT_NEAR(lhs, rhs, 1e-3 * (1 + std::abs(rhs))) << "item " << i << " dim " << a;
    }
  }
}

TEST(IalsTrainerTest, RanksTheMissingItemOfTheOwnClusterAboveTheOtherCluster) {
  const InteractionData data = TwoClusters();
  StatusOr<FactorModel> model =
      TrainIals(data, {.dim = 4, .epochs = 10, .unobserved_weight = 0.1, .l2 = 0.01});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  for (int32_t u = 0; u < data.num_users; ++u) {
    const int32_t cluster = u % 4 == 3 ? 1 : 0;
    const int32_t missing = cluster * 5 + (u / 4) % 5;
    for (int32_t other = (1 - cluster) * 5; other < (2 - cluster) * 5; ++other) {
      EXPECT_GT(model->Score(u, missing), model->Score(u, other)) << "user " << u;
    }
  }
}

TEST(IalsTrainerTest, ThreadsDoNotChangeTheResult) {
  const InteractionData data = TwoClusters();
  StatusOr<FactorModel> one = TrainIals(data, {.dim = 4, .epochs = 3, .threads = 1});
  StatusOr<FactorModel> three = TrainIals(data, {.dim = 4, .epochs = 3, .threads = 3});
  ASSERT_TRUE(one.ok() && three.ok());
  for (int32_t u = 0; u < data.num_users; ++u) {
    for (int32_t i = 0; i < data.num_items; ++i) EXPECT_EQ(one->Score(u, i), three->Score(u, i));
  }
}

TEST(IalsTrainerTest, RejectsBadOptionsAndData) {
  const InteractionData data = TwoClusters();
  EXPECT_EQ(TrainIals(data, {.dim = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainIals(data, {.l2 = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainIals(data, {.cg_steps = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainIals(data, {.threads = 0}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainIals({2, 2, {{0, 5}, {1}}}, {}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
