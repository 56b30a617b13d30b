#pragma once
// Blending rating predictors without peeking at the test set: every component
// is trained on the training part of a split, the blend weights are fitted by
// least squares on the components' predictions for the held-out validation
// ratings, and only then is every component retrained on all the data the
// caller allows (train ∪ validation) and combined with those fixed weights.
//
// Ratings may be split into segments by how many training ratings their user
// and their item have, each segment with its own weights: how far to trust a
// neighbourhood model over a factor model depends on how much history the
// pair has, so one global mix leaves accuracy on the table.

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/linear_blend.h"

namespace sobremesa::recommendation {

// A trained model's rating for (user, item).
using RatingPredictor = std::function<float(int32_t user, int32_t item)>;

struct BlendComponent {
  std::string name;
  std::function<StatusOr<RatingPredictor>(const RatingData& data)> train;
};

// Segment boundaries, each ascending: a user with n training ratings is in
// user segment |{b in user_bounds : b <= n}|, likewise for items; a rating's
// segment is the pair. Both empty: one segment.
struct BlendSegments {
  std::vector<int32_t> user_bounds;
  std::vector<int32_t> item_bounds;
};

struct BlendWeights {
  BlendSegments segments;
  // Indices of the components the blend uses (ascending); the others are
  // trained and reported but weigh nothing. Each LinearBlend has one weight
  // per member, in this order.
  std::vector<size_t> members;
  std::vector<LinearBlend> blends;  // one per segment
  // Validation RMSE of each component alone (same order as the components)
  // and of the blend (in-sample for the weights: a handful of weights fitted
  // on thousands of ratings, so the optimism is small).
  std::vector<double> component_validation_rmse;
  double validation_rmse = 0;
};

// Trains each component on `train` and fits the weights of all of them on
// `validation`. Errors from the component trainers or from LinearBlend::Fit
// (e.g. a segment with fewer validation ratings than weights).
StatusOr<BlendWeights> FitBlendWeights(const std::vector<BlendComponent>& components,
                                       const RatingData& train,
                                       const std::vector<Rating>& validation,
                                       const BlendSegments& segments = {});

// Every component trained once on `train`, its predictions for `validation`
// (predictions[k][n]) and its RMSE there.
struct ValidationPredictions {
  std::vector<std::vector<float>> predictions;
  std::vector<double> rmse;
};
StatusOr<ValidationPredictions> PredictValidation(const std::vector<BlendComponent>& components,
                                                  const RatingData& train,
                                                  const std::vector<Rating>& validation);

// The weights of `members` fitted on all of `validation` from predictions
// already made. Segments are counted in `train`.
StatusOr<BlendWeights> FitBlendWeightsOn(const ValidationPredictions& predicted,
                                         const std::vector<size_t>& members,
                                         const RatingData& train,
                                         const std::vector<Rating>& validation,
                                         const BlendSegments& segments);

// RMSE of a blend of `members` on `validation`, every rating predicted by
// weights fitted without it: validation rating n is in part n % folds, and
// each part is predicted by weights fitted on the others. Unlike the
// in-sample validation RMSE this does not improve just because a blend has
// more weights, so it can compare blends of different sizes. `validation`
// should be in random order (a shuffled split is).
StatusOr<double> CrossValidatedBlendRmse(const ValidationPredictions& predicted,
                                         const std::vector<size_t>& members,
                                         const RatingData& train,
                                         const std::vector<Rating>& validation,
                                         const BlendSegments& segments, int32_t folds);

// The blend chosen on validation alone: for each candidate segmentation,
// members are added greedily (each time the one that lowers the cross-
// validated RMSE most, stopping when none does); the segmentation and
// members with the lowest cross-validated RMSE win, and their weights are
// refitted on all of `validation`.
struct BlendChoice {
  BlendWeights weights;
  double cross_validated_rmse = 0;
};
StatusOr<BlendChoice> SelectBlend(const ValidationPredictions& predicted, const RatingData& train,
                                  const std::vector<Rating>& validation,
                                  const std::vector<BlendSegments>& segmentations,
                                  int32_t folds);

// The components retrained on some data, combined with fixed weights.
class BlendedPredictor {
 public:
  BlendedPredictor(BlendWeights weights, std::vector<int32_t> user_support,
                   std::vector<int32_t> item_support, std::vector<RatingPredictor> components,
                   std::vector<double> component_seconds)
      : weights_(std::move(weights)),
        user_support_(std::move(user_support)),
        item_support_(std::move(item_support)),
        components_(std::move(components)),
        component_seconds_(std::move(component_seconds)) {}

  // The blend of the member components.
  float Predict(int32_t user, int32_t item) const;
  // Component k alone, to report what the blend adds.
  float PredictComponent(size_t k, int32_t user, int32_t item) const {
    return components_[k](user, item);
  }
  // Wall-clock seconds it took to train component k.
  double component_seconds(size_t k) const { return component_seconds_[k]; }

 private:
  BlendWeights weights_;
  // Ratings per user and per item in the training data.
  std::vector<int32_t> user_support_, item_support_;
  std::vector<RatingPredictor> components_;
  std::vector<double> component_seconds_;
};

StatusOr<BlendedPredictor> TrainBlend(const std::vector<BlendComponent>& components,
                                      const BlendWeights& weights, const RatingData& data);

}  // namespace sobremesa::recommendation
