#include "models/recommendation/user_to_user_trainer.h"

#include <gtest/gtest.h>

#include <cmath>

namespace sobremesa::recommendation {
namespace {

// Users: 0 {0,1}, 1 {0,1,2}, 2 {3}. User overlaps: (0,1) = 2 items, user 2
// shares nothing.
InteractionData Tiny() { return {3, 4, {{0, 1}, {0, 1, 2}, {3}}}; }

TEST(UserToUserTrainerTest, TransposedListsTheUsersOfEachItem) {
  const InteractionData t = Transposed(Tiny());
  EXPECT_EQ(t.num_users, 4);
  EXPECT_EQ(t.num_items, 3);
  const std::vector<std::vector<int32_t>> expected = {{0, 1}, {0, 1}, {1}, {2}};
  EXPECT_EQ(t.items_by_user, expected);
}

TEST(UserToUserTrainerTest, UserKnnScoresAnItemByTheCosineOfTheUsersWhoHaveIt) {
  StatusOr<UserToUserModel> model =
      TrainUserKnn(Tiny(), {.knn = {.neighbours = 2, .shrink = 0}, .exponent = 1});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  // Item 2 is user 1's only: user 0 gets cos(0, 1) = 2 / sqrt(2·3).
  EXPECT_NEAR(model->Score(0, 2), 2 / std::sqrt(6.0), 1e-5);
  // Item 3 is user 2's, who shares nothing with user 0.
  EXPECT_FLOAT_EQ(model->Score(0, 3), 0);
  // Unknown ids score 0.
  EXPECT_FLOAT_EQ(model->Score(5, 0), 0);
  EXPECT_FLOAT_EQ(model->Score(0, 9), 0);
}

TEST(UserToUserTrainerTest, UserKnnExponentPowersTheSimilarity) {
  StatusOr<UserToUserModel> model =
      TrainUserKnn(Tiny(), {.knn = {.neighbours = 2, .shrink = 0}, .exponent = 2});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->Score(0, 2), 4 / 6.0, 1e-5);
}

TEST(UserToUserTrainerTest, UserEaseHasTheClosedFormOfTwoIdenticalUsers) {
  // Users 0 and 1 hold the same 3 items, user 2 others. The users' Gram
  // block of 0 and 1 is [[3, 3], [3, 3]]; with λ, P = (G + λI)⁻¹ gives
  // B(0, 1) = −P(0,1)/P(1,1) = 3 / (3 + λ) (EASE, zero diagonal), so user 1's
  // score for item 0 (users 0 and 1) is B(0, 1) + the zeroed B(1, 1).
  const InteractionData data{3, 5, {{0, 1, 2}, {0, 1, 2}, {3, 4}}};
  constexpr double kL2 = 2;
  StatusOr<UserToUserModel> model = TrainUserEase(data, {.ease = {.l2 = kL2}});
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_NEAR(model->Score(1, 0), 3 / (3 + kL2), 1e-5);
  EXPECT_NEAR(model->Score(0, 2), 3 / (3 + kL2), 1e-5);
  // Users 0 and 1 share nothing with user 2.
  EXPECT_NEAR(model->Score(2, 0), 0, 1e-6);
  EXPECT_NEAR(model->Score(0, 3), 0, 1e-6);
}

TEST(UserToUserTrainerTest, RejectsBadInputWithAClearError) {
  InteractionData bad = Tiny();
  bad.items_by_user[1].push_back(7);
  EXPECT_EQ(TrainUserEase(bad, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainUserKnn(bad, {}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TrainUserKnn(Tiny(), {.exponent = 0}).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sobremesa::recommendation
