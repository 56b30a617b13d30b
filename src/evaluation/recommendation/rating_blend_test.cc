#include "evaluation/recommendation/rating_blend.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sobremesa::recommendation {
namespace {

// A component that ignores the ratings it is given (so its predictions are
// fixed) but records how many it was trained on, in call order.
BlendComponent Fixed(std::string name, RatingPredictor predict, std::vector<size_t>* seen) {
  return {std::move(name), [predict, seen](const RatingData& data) -> StatusOr<RatingPredictor> {
            seen->push_back(data.ratings.size());
            return predict;
          }};
}

// The same made-up truth everywhere; the two components see it through
// independent, deterministic errors.
float Truth(int32_t user, int32_t item) { return 1 + (user * 7 + item * 3) % 5; }
float ErrorA(int32_t user, int32_t item) { return 0.4f * std::sin(1.3f * user + 0.7f * item); }
float ErrorB(int32_t user, int32_t item) { return 0.4f * std::cos(0.9f * user - 2.1f * item); }

std::vector<Rating> TruthRatings(int32_t first_user, int32_t users) {
  std::vector<Rating> ratings;
  for (int32_t u = first_user; u < first_user + users; ++u) {
    for (int32_t i = 0; i < 30; ++i) ratings.push_back({u, i, Truth(u, i)});
  }
  return ratings;
}

TEST(RatingBlendTest, WeightsComeFromValidationAndComponentsAreRefitOnAllData) {
  std::vector<size_t> seen;
  const std::vector<BlendComponent> components = {
      Fixed(
          "item", [](int32_t, int32_t item) { return static_cast<float>(item); }, &seen),
      Fixed(
          "user", [](int32_t user, int32_t) { return static_cast<float>(user); }, &seen)};
  // Training ratings follow a different rule than validation; the weights
  // must be those of validation (1 + 0.5·item + 0.25·user).
  RatingData train{.num_users = 10, .num_items = 10};
  for (int32_t u = 0; u < 10; ++u) {
    for (int32_t i = 0; i < 10; ++i) train.ratings.push_back({u, i, 5.0f - i});
  }
  std::vector<Rating> validation;
  for (int32_t u = 0; u < 10; u += 3) {
    for (int32_t i = 0; i < 10; i += 2) validation.push_back({u, i, 1 + 0.5f * i + 0.25f * u});
  }
  StatusOr<BlendWeights> weights = FitBlendWeights(components, train, validation);
  ASSERT_TRUE(weights.ok()) << weights.status().ToString();
  EXPECT_EQ(seen, (std::vector<size_t>{train.ratings.size(), train.ratings.size()}));
  EXPECT_NEAR(weights->blends[0].weights()[0], 1.0, 1e-3);
  EXPECT_NEAR(weights->blends[0].weights()[1], 0.5, 1e-4);
  EXPECT_NEAR(weights->blends[0].weights()[2], 0.25, 1e-4);
  EXPECT_NEAR(weights->validation_rmse, 0.0, 1e-3);

  RatingData all = train;
  all.ratings.insert(all.ratings.end(), validation.begin(), validation.end());
  StatusOr<BlendedPredictor> model = TrainBlend(components, *weights, all);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen[2], all.ratings.size());
  EXPECT_NEAR(model->Predict(8, 4), 1 + 0.5f * 4 + 0.25f * 8, 1e-3);
}

TEST(RatingBlendTest, EachSegmentGetsItsOwnWeights) {
  std::vector<size_t> seen;
  const std::vector<BlendComponent> components = {Fixed(
      "item", [](int32_t, int32_t item) { return static_cast<float>(item); }, &seen)};
  // Users 0–4 rate a lot, users 5–9 once; items 0–9 are rated by every heavy
  // user. Validation follows 2·item for heavy users and 1 + item otherwise.
  RatingData train{.num_users = 10, .num_items = 10};
  for (int32_t u = 0; u < 5; ++u) {
    for (int32_t i = 0; i < 10; ++i) train.ratings.push_back({u, i, 3});
  }
  for (int32_t u = 5; u < 10; ++u) train.ratings.push_back({u, 0, 3});
  std::vector<Rating> validation;
  for (int32_t u = 0; u < 10; ++u) {
    for (int32_t i = 1; i < 10; i += 2) {
      validation.push_back({u, i, u < 5 ? 2.0f * i : 1.0f + i});
    }
  }
  const BlendSegments segments{.user_bounds = {5}};
  StatusOr<BlendWeights> weights = FitBlendWeights(components, train, validation, segments);
  ASSERT_TRUE(weights.ok()) << weights.status().ToString();
  ASSERT_EQ(weights->blends.size(), 2u);
  EXPECT_NEAR(weights->blends[0].weights()[0], 1.0, 1e-3);  // light users
  EXPECT_NEAR(weights->blends[1].weights()[1], 2.0, 1e-3);  // heavy users
  StatusOr<BlendedPredictor> model = TrainBlend(components, *weights, train);
  ASSERT_TRUE(model.ok());
  EXPECT_NEAR(model->Predict(2, 4), 8.0f, 1e-3);
  EXPECT_NEAR(model->Predict(7, 4), 5.0f, 1e-3);
}

TEST(RatingBlendTest, BlendBeatsItsPartsOnHeldOutRatings) {
  std::vector<size_t> seen;
  const std::vector<BlendComponent> components = {
      Fixed(
          "a", [](int32_t u, int32_t i) { return Truth(u, i) + ErrorA(u, i); }, &seen),
      Fixed(
          "b", [](int32_t u, int32_t i) { return Truth(u, i) + ErrorB(u, i); }, &seen)};
  const RatingData train{.num_users = 60, .num_items = 30, .ratings = TruthRatings(0, 20)};
  StatusOr<BlendWeights> weights = FitBlendWeights(components, train, TruthRatings(20, 20));
  ASSERT_TRUE(weights.ok());
  EXPECT_LT(weights->validation_rmse, 0.8 * weights->component_validation_rmse[0]);
  EXPECT_LT(weights->validation_rmse, 0.8 * weights->component_validation_rmse[1]);

  // Users never used to fit anything: the blend still beats both parts.
  StatusOr<BlendedPredictor> model = TrainBlend(components, *weights, train);
  ASSERT_TRUE(model.ok());
  double se[3] = {0, 0, 0};
  const std::vector<Rating> test = TruthRatings(40, 20);
  for (const Rating& r : test) {
    se[0] += std::pow(model->PredictComponent(0, r.user, r.item) - r.value, 2);
    se[1] += std::pow(model->PredictComponent(1, r.user, r.item) - r.value, 2);
    se[2] += std::pow(model->Predict(r.user, r.item) - r.value, 2);
  }
  EXPECT_LT(se[2], 0.8 * se[0]);
  EXPECT_LT(se[2], 0.8 * se[1]);
}

// Validation ratings with two informative components and one that is pure
// noise: selection keeps the two, drops the noise, and its cross-validated
// RMSE is honest (never below the in-sample one).
TEST(RatingBlendTest, SelectionKeepsInformativeMembersAndDropsNoise) {
  const std::vector<Rating> validation = TruthRatings(0, 40);
  const RatingData train{.num_users = 40, .num_items = 30, .ratings = TruthRatings(0, 2)};
  ValidationPredictions predicted;
  predicted.predictions.resize(3);
  for (const Rating& r : validation) {
    predicted.predictions[0].push_back(r.value + ErrorA(r.user, r.item));
    predicted.predictions[1].push_back(r.value + ErrorB(r.user, r.item));
    // Deterministic noise unrelated to the truth.
    predicted.predictions[2].push_back(std::sin(12.9898f * r.user + 78.233f * r.item) * 2);
  }
  predicted.rmse = {0, 0, 0};
  StatusOr<BlendChoice> choice =
      SelectBlend(predicted, train, validation, {{}, {.user_bounds = {5}}}, 5);
  ASSERT_TRUE(choice.ok()) << choice.status().ToString();
  EXPECT_EQ(choice->weights.members, (std::vector<size_t>{0, 1}));
  EXPECT_GE(choice->cross_validated_rmse, choice->weights.validation_rmse);

  // Every rating is predicted by weights fitted without it, so a blend of
  // the noise alone does no better than predicting the mean.
  StatusOr<double> noise =
      CrossValidatedBlendRmse(predicted, {2}, train, validation, {}, 5);
  ASSERT_TRUE(noise.ok());
  double mean = 0, spread = 0;
  for (const Rating& r : validation) mean += r.value / validation.size();
  for (const Rating& r : validation) spread += std::pow(r.value - mean, 2) / validation.size();
  EXPECT_GT(*noise, 0.98 * std::sqrt(spread));
}

TEST(RatingBlendTest, NonMembersAreTrainedButWeighNothing) {
  std::vector<size_t> seen;
  const std::vector<BlendComponent> components = {
      Fixed(
          "item", [](int32_t, int32_t item) { return static_cast<float>(item); }, &seen),
      Fixed(
          "user", [](int32_t user, int32_t) { return static_cast<float>(user); }, &seen)};
  RatingData train{.num_users = 10, .num_items = 10};
  std::vector<Rating> validation;
  for (int32_t u = 0; u < 10; ++u) {
    for (int32_t i = 0; i < 10; ++i) validation.push_back({u, i, 2.0f * i + 1});
  }
  StatusOr<ValidationPredictions> predicted = PredictValidation(components, train, validation);
  ASSERT_TRUE(predicted.ok());
  StatusOr<BlendWeights> weights = FitBlendWeightsOn(*predicted, {0}, train, validation, {});
  ASSERT_TRUE(weights.ok());
  ASSERT_EQ(weights->blends[0].weights().size(), 2u);
  StatusOr<BlendedPredictor> model = TrainBlend(components, *weights, train);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(seen.size(), 4u);  // both components trained twice
  EXPECT_NEAR(model->Predict(7, 3), 7.0f, 1e-3);
  EXPECT_NEAR(model->PredictComponent(1, 7, 3), 7.0f, 1e-6);
}

}  // namespace
}  // namespace sobremesa::recommendation
