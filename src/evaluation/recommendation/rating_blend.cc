#include "evaluation/recommendation/rating_blend.h"

#include <algorithm>
#include <chrono>
#include <functional>
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

StatusOr<ValidationPredictions> PredictValidation(const std::vector<BlendComponent>& components,
                                                  const RatingData& train,
                                                  const std::vector<Rating>& validation) {
  std::vector<float> targets;
  for (const Rating& r : validation) targets.push_back(r.value);
  ValidationPredictions out;
  for (const BlendComponent& component : components) {
    ASSIGN_OR_RETURN(RatingPredictor predictor, component.train(train));
    std::vector<float>& p = out.predictions.emplace_back();
    for (const Rating& r : validation) p.push_back(predictor(r.user, r.item));
    out.rmse.push_back(RootMeanSquaredError(p, targets));
  }
  return out;
}

namespace {

// Fits one LinearBlend per segment on the validation ratings `use` accepts;
// `segment_of[n]` is rating n's segment.
StatusOr<std::vector<LinearBlend>> FitSegments(const ValidationPredictions& predicted,
                                               const std::vector<size_t>& members,
                                               const std::vector<Rating>& validation,
                                               const std::vector<size_t>& segment_of,
                                               size_t num_segments,
                                               const std::function<bool(size_t)>& use) {
  std::vector<std::vector<std::vector<float>>> by_segment(
      num_segments, std::vector<std::vector<float>>(members.size()));
  std::vector<std::vector<float>> segment_targets(num_segments);
  for (size_t n = 0; n < validation.size(); ++n) {
    if (!use(n)) continue;
    segment_targets[segment_of[n]].push_back(validation[n].value);
    for (size_t m = 0; m < members.size(); ++m) {
      by_segment[segment_of[n]][m].push_back(predicted.predictions[members[m]][n]);
    }
  }
  std::vector<LinearBlend> blends;
  for (size_t s = 0; s < num_segments; ++s) {
    ASSIGN_OR_RETURN(LinearBlend blend, LinearBlend::Fit(by_segment[s], segment_targets[s]));
    blends.push_back(std::move(blend));
  }
  return blends;
}

size_t NumSegments(const BlendSegments& segments) {
  return (segments.user_bounds.size() + 1) * (segments.item_bounds.size() + 1);
}

std::vector<size_t> SegmentOf(const BlendSegments& segments, const RatingData& train,
                              const std::vector<Rating>& validation) {
  const std::vector<int32_t> user_support = UserSupport(train), item_support = ItemSupport(train);
  std::vector<size_t> segment_of;
  for (const Rating& r : validation) {
    segment_of.push_back(Segment(segments, user_support, item_support, r.user, r.item));
  }
  return segment_of;
}

float PredictMembers(const LinearBlend& blend, const ValidationPredictions& predicted,
                     const std::vector<size_t>& members, size_t n, std::vector<float>& row) {
  row.resize(members.size());
  for (size_t m = 0; m < members.size(); ++m) row[m] = predicted.predictions[members[m]][n];
  return blend.Predict(row);
}

}  // namespace

StatusOr<BlendWeights> FitBlendWeightsOn(const ValidationPredictions& predicted,
                                         const std::vector<size_t>& members,
                                         const RatingData& train,
                                         const std::vector<Rating>& validation,
                                         const BlendSegments& segments) {
  const std::vector<size_t> segment_of = SegmentOf(segments, train, validation);
  ASSIGN_OR_RETURN(std::vector<LinearBlend> blends,
                   FitSegments(predicted, members, validation, segment_of,
                               NumSegments(segments), [](size_t) { return true; }));
  std::vector<float> blended, targets, row;
  for (size_t n = 0; n < validation.size(); ++n) {
    blended.push_back(PredictMembers(blends[segment_of[n]], predicted, members, n, row));
    targets.push_back(validation[n].value);
  }
  const double rmse = RootMeanSquaredError(blended, targets);
  return BlendWeights{segments, members, std::move(blends), predicted.rmse, rmse};
}

StatusOr<double> CrossValidatedBlendRmse(const ValidationPredictions& predicted,
                                         const std::vector<size_t>& members,
                                         const RatingData& train,
                                         const std::vector<Rating>& validation,
                                         const BlendSegments& segments, int32_t folds) {
  const std::vector<size_t> segment_of = SegmentOf(segments, train, validation);
  std::vector<float> blended(validation.size()), targets, row;
  for (int32_t part = 0; part < folds; ++part) {
    ASSIGN_OR_RETURN(std::vector<LinearBlend> blends,
                     FitSegments(predicted, members, validation, segment_of,
                                 NumSegments(segments),
                                 [&](size_t n) { return static_cast<int32_t>(n % folds) != part; }));
    for (size_t n = part; n < validation.size(); n += folds) {
      blended[n] = PredictMembers(blends[segment_of[n]], predicted, members, n, row);
    }
  }
  for (const Rating& r : validation) targets.push_back(r.value);
  return RootMeanSquaredError(blended, targets);
}

StatusOr<BlendChoice> SelectBlend(const ValidationPredictions& predicted, const RatingData& train,
                                  const std::vector<Rating>& validation,
                                  const std::vector<BlendSegments>& segmentations,
                                  int32_t folds) {
  if (segmentations.empty() || predicted.predictions.empty()) {
    return Status::InvalidArgument("blend selection needs a segmentation and a component");
  }
  BlendSegments best_segments;
  std::vector<size_t> best_members;
  double best_rmse = 1e300;
  for (const BlendSegments& segments : segmentations) {
    std::vector<size_t> members;
    double rmse = 1e300;
    while (members.size() < predicted.predictions.size()) {
      size_t best_addition = predicted.predictions.size();
      double best_with = rmse;
      for (size_t k = 0; k < predicted.predictions.size(); ++k) {
        if (std::find(members.begin(), members.end(), k) != members.end()) continue;
        std::vector<size_t> with = members;
        with.insert(std::upper_bound(with.begin(), with.end(), k), k);
        ASSIGN_OR_RETURN(double r,
                         CrossValidatedBlendRmse(predicted, with, train, validation, segments,
                                                 folds));
        if (r < best_with) {
          best_with = r;
          best_addition = k;
        }
      }
      if (best_addition == predicted.predictions.size()) break;
      members.insert(std::upper_bound(members.begin(), members.end(), best_addition),
                     best_addition);
      rmse = best_with;
    }
    if (rmse < best_rmse) {
      best_rmse = rmse;
      best_segments = segments;
      best_members = members;
    }
  }
  ASSIGN_OR_RETURN(BlendWeights weights,
                   FitBlendWeightsOn(predicted, best_members, train, validation, best_segments));
  return BlendChoice{std::move(weights), best_rmse};
}

StatusOr<BlendWeights> FitBlendWeights(const std::vector<BlendComponent>& components,
                                       const RatingData& train,
                                       const std::vector<Rating>& validation,
                                       const BlendSegments& segments) {
  ASSIGN_OR_RETURN(ValidationPredictions predicted,
                   PredictValidation(components, train, validation));
  std::vector<size_t> all(components.size());
  for (size_t k = 0; k < all.size(); ++k) all[k] = k;
  return FitBlendWeightsOn(predicted, all, train, validation, segments);
}

float BlendedPredictor::Predict(int32_t user, int32_t item) const {
  std::vector<float> row;
  row.reserve(weights_.members.size());
  for (size_t k : weights_.members) row.push_back(components_[k](user, item));
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
