#include "evaluation/recommendation/rating_blend.h"

#include <algorithm>
#include <chrono>
#include <utility>

#include "evaluation/recommendation/rating_metrics.h"

namespace sobremesa::recommendation {
namespace {

std::vector<int32_t> UserSupport(const RatingData& data) {
  std::vector<int32_t> support(data.num_users, 0);
  for (const Rating& r : data.ratings) ++support[r.user];
  return support;
}

std::vector<int32_t> ItemSupport(const RatingData& data) {
  std::vector<int32_t> support(data.num_items, 0);
  for (const Rating& r : data.ratings) ++support[r.item];
  return support;
}

size_t Bucket(const std::vector<int32_t>& bounds, const std::vector<int32_t>& support, int32_t id) {
  const int32_t n = id >= 0 && id < static_cast<int32_t>(support.size()) ? support[id] : 0;
  return std::upper_bound(bounds.begin(), bounds.end(), n) - bounds.begin();
}

size_t Segment(const BlendSegments& segments, const std::vector<int32_t>& user_support,
               const std::vector<int32_t>& item_support, int32_t user, int32_t item) {
  return Bucket(segments.user_bounds, user_support, user) * (segments.item_bounds.size() + 1) +
         Bucket(segments.item_bounds, item_support, item);
}

}  // namespace

StatusOr<BlendWeights> FitBlendWeights(const std::vector<BlendComponent>& components,
                                       const RatingData& train,
                                       const std::vector<Rating>& validation,
                                       const BlendSegments& segments) {
  const std::vector<int32_t> user_support = UserSupport(train), item_support = ItemSupport(train);
  const size_t num_segments = (segments.user_bounds.size() + 1) * (segments.item_bounds.size() + 1);
  std::vector<float> targets;
  std::vector<std::vector<float>> segment_targets(num_segments);
  std::vector<size_t> segment_of;
  for (const Rating& r : validation) {
    targets.push_back(r.value);
    segment_of.push_back(Segment(segments, user_support, item_support, r.user, r.item));
    segment_targets[segment_of.back()].push_back(r.value);
  }
  // predictions[k] over all validation ratings; by_segment[s][k] its share.
  std::vector<std::vector<float>> predictions;
  std::vector<std::vector<std::vector<float>>> by_segment(
      num_segments, std::vector<std::vector<float>>(components.size()));
  std::vector<double> component_rmse;
  for (size_t k = 0; k < components.size(); ++k) {
    ASSIGN_OR_RETURN(RatingPredictor predictor, components[k].train(train));
    std::vector<float>& p = predictions.emplace_back();
    for (size_t n = 0; n < validation.size(); ++n) {
      p.push_back(predictor(validation[n].user, validation[n].item));
      by_segment[segment_of[n]][k].push_back(p.back());
    }
    component_rmse.push_back(RootMeanSquaredError(p, targets));
  }
  std::vector<LinearBlend> blends;
  for (size_t s = 0; s < num_segments; ++s) {
    ASSIGN_OR_RETURN(LinearBlend blend, LinearBlend::Fit(by_segment[s], segment_targets[s]));
    blends.push_back(std::move(blend));
  }
  std::vector<float> blended(validation.size()), row(components.size());
  for (size_t n = 0; n < validation.size(); ++n) {
    for (size_t k = 0; k < components.size(); ++k) row[k] = predictions[k][n];
    blended[n] = blends[segment_of[n]].Predict(row);
  }
  const double rmse = RootMeanSquaredError(blended, targets);
  return BlendWeights{segments, std::move(blends), std::move(component_rmse), rmse};
}

float BlendedPredictor::Predict(int32_t user, int32_t item) const {
  std::vector<float> row;
  row.reserve(components_.size());
  for (const RatingPredictor& component : components_) row.push_back(component(user, item));
  return weights_.blends[Segment(weights_.segments, user_support_, item_support_, user, item)]
      .Predict(row);
}

StatusOr<BlendedPredictor> TrainBlend(const std::vector<BlendComponent>& components,
                                      const BlendWeights& weights, const RatingData& data) {
  std::vector<RatingPredictor> trained;
  std::vector<double> seconds;
  for (const BlendComponent& component : components) {
    const auto start = std::chrono::steady_clock::now();
    ASSIGN_OR_RETURN(RatingPredictor predictor, component.train(data));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    trained.push_back(std::move(predictor));
    seconds.push_back(took.count());
  }
  return BlendedPredictor(weights, UserSupport(data), ItemSupport(data), std::move(trained),
                          std::move(seconds));
}

}  // namespace sobremesa::recommendation
