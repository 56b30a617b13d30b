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
  std::vector<LinearBlend> blends;  // one per segment
  // Validation RMSE of each component alone (same order as the components)
  // and of the blend (in-sample for the weights: a handful of weights fitted
  // on thousands of ratings, so the optimism is small).
  std::vector<double> component_validation_rmse;
  double validation_rmse = 0;
};

// Trains each component on `train` and fits the weights on `validation`.
// Errors from the component trainers or from LinearBlend::Fit (e.g. a
// segment with fewer validation ratings than weights).
StatusOr<BlendWeights> FitBlendWeights(const std::vector<BlendComponent>& components,
                                       const RatingData& train,
                                       const std::vector<Rating>& validation,
                                       const BlendSegments& segments = {});

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
