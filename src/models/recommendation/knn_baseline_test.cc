#include "models/recommendation/knn_baseline.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// Items fall into two genres and every user likes one genre and dislikes the
// other by a user-specific amount, on top of user and item biases. Biases
// alone cannot see a taste that depends on the pair; neighbours of the same
// genre can (item side), as can users with the same taste (user side).
struct PlantedRatings {
  RatingData train;
  std::vector<Rating> test;
};

PlantedRatings MakeGenreRatings() {
  std::mt19937 rng(11);
  std::normal_distribution<float> normal(0, 1);
  std::bernoulli_distribution observed(0.4), in_test(0.2);
  const int32_t users = 120, items = 80;
  PlantedRatings p{.train = {.num_users = users, .num_items = items}};
  std::vector<float> taste(users), user_bias(users), item_bias(items);
  for (float& v : taste) v = normal(rng);
  for (float& v : user_bias) v = 0.3f * normal(rng);
  for (float& v : item_bias) v = 0.3f * normal(rng);
  for (int32_t u = 0; u < users; ++u) {
    for (int32_t i = 0; i < items; ++i) {
      if (!observed(rng)) continue;
      const float genre = i % 2 == 0 ? 1.0f : -1.0f;
      const Rating r{u, i, 3 + user_bias[u] + item_bias[i] + genre * taste[u] + 0.1f * normal(rng)};
      (in_test(rng) ? p.test : p.train.ratings).push_back(r);
    }
  }
  return p;
}

double Rmse(const KnnBaselineModel& model, const std::vector<Rating>& ratings) {
  double se = 0;
  for (const Rating& r : ratings) se += std::pow(model.Predict(r.user, r.item) - r.value, 2);
  return std::sqrt(se / ratings.size());
}

TEST(KnnBaselineTest, NeighboursRecoverWhatBiasesMiss) {
  const PlantedRatings p = MakeGenreRatings();
  // Genres are balanced, so no user or item bias absorbs ±taste: a model of
  // biases alone is left with RMSE ≈ sd(taste) = 1 on the test ratings.
  for (KnnSide side : {KnnSide::kItem, KnnSide::kUser}) {
    StatusOr<KnnBaselineModel> knn = TrainKnnBaseline(p.train, {.side = side, .neighbours = 20});
    ASSERT_TRUE(knn.ok()) << knn.status().ToString();
    EXPECT_LT(Rmse(*knn, p.test), 0.6) << (side == KnnSide::kItem ? "item" : "user");
  }
}

TEST(KnnBaselineTest, UnknownIdsFallBackToTheBaseline) {
  const PlantedRatings p = MakeGenreRatings();
  StatusOr<KnnBaselineModel> knn = TrainKnnBaseline(p.train, {});
  ASSERT_TRUE(knn.ok());
  const float unknown = knn->Predict(1000, 1000);
  EXPECT_TRUE(std::isfinite(unknown));
  EXPECT_GT(unknown, 2.0f);
  EXPECT_LT(unknown, 4.0f);
}

TEST(KnnBaselineTest, RejectsBadInput) {
  EXPECT_EQ(TrainKnnBaseline({}, {}).status().code(), StatusCode::kInvalidArgument);
  const RatingData out_of_range{.num_users = 1, .num_items = 1, .ratings = {{0, 3, 4.0f}}};
  EXPECT_EQ(TrainKnnBaseline(out_of_range, {}).status().code(), StatusCode::kInvalidArgument);
  const RatingData one{.num_users = 1, .num_items = 1, .ratings = {{0, 0, 4.0f}}};
  EXPECT_EQ(TrainKnnBaseline(one, {.neighbours = 0}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
