#include "evaluation/recommendation/movielens_100k_protocol.h"

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>

#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/rating_blend.h"
#include "evaluation/recommendation/rating_metrics.h"
#include "models/recommendation/biased_mf_trainer.h"
#include "models/recommendation/knn_baseline.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "movielens-100k";
constexpr float kMinRating = 1, kMaxRating = 5;
constexpr int32_t kMaxEpochs = 80;
// Epochs without a better validation RMSE before tuning gives up on a config.
constexpr int32_t kPatience = 4;
// Random starts averaged in the biased MF component of the blend (the
// bias-only one starts from zeros, so one start is enough there).
constexpr int32_t kMfSeeds = 3;
// Candidate blend segmentations by the number of training ratings (see
// rating_blend.h): one segment; short, medium and long user histories of
// MovieLens 100K; and those × rarely vs often rated items. Validation picks.
const std::vector<BlendSegments> kSegmentations = {
    {}, {.user_bounds = {50, 150}}, {.user_bounds = {50, 150}, .item_bounds = {40}}};
// Parts of the validation split for the cross-validated blend RMSE that
// chooses members and segmentation.
constexpr int32_t kBlendFolds = 5;

struct Fold {
  RatingData base;
  std::vector<Rating> test;
};

// MovieLens ids are 1-based; the models want 0-based dense ids.
Rating ToRating(const RatingRecord& r) { return {r.user - 1, r.item - 1, r.value}; }

StatusOr<Fold> LoadFold(const std::string& dir, int fold) {
  const std::string stem = dir + "/u" + std::to_string(fold);
  ASSIGN_OR_RETURN(std::vector<RatingRecord> base, LoadMovielensRatings(stem + ".base"));
  ASSIGN_OR_RETURN(std::vector<RatingRecord> test, LoadMovielensRatings(stem + ".test"));
  Fold f;
  for (const RatingRecord& r : base) {
    f.base.ratings.push_back(ToRating(r));
    f.base.num_users = std::max(f.base.num_users, r.user);
    f.base.num_items = std::max(f.base.num_items, r.item);
  }
  for (const RatingRecord& r : test) f.test.push_back(ToRating(r));
  return f;
}

// A random 10 % of `base` as validation, the rest for training.
std::pair<RatingData, std::vector<Rating>> SplitValidation(const RatingData& base, int fold) {
  std::vector<Rating> shuffled = base.ratings;
  std::mt19937 rng(1000 + fold);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const size_t cut = shuffled.size() / 10;
  RatingData train{base.num_users, base.num_items, {shuffled.begin() + cut, shuffled.end()}};
  return {train, {shuffled.begin(), shuffled.begin() + cut}};
}

struct Scores {
  double rmse = 0, mae = 0;
};

Scores Score(const BiasedMfModel& model, const std::vector<Rating>& ratings) {
  std::vector<float> predicted, actual;
  for (const Rating& r : ratings) {
    predicted.push_back(model.Predict(r.user, r.item, kMinRating, kMaxRating));
    actual.push_back(r.value);
  }
  return {RootMeanSquaredError(predicted, actual), MeanAbsoluteError(predicted, actual)};
}

// Candidate configurations; epochs are chosen by validation for each.
// SVD++ gets a smaller grid: each of its epochs costs about three of MF's.
std::vector<BiasedMfOptions> Grid(bool implicit_factors) {
  std::vector<BiasedMfOptions> grid;
  const std::vector<int32_t> dims = implicit_factors ? std::vector<int32_t>{64}
                                                     : std::vector<int32_t>{64, 128};
  // SVD++'s best L2 sat at the top of MF's range on the first fold's
  // validation split, so its range reaches further.
  const std::vector<float> regs = implicit_factors ? std::vector<float>{0.1f, 0.15f, 0.25f}
                                                   : std::vector<float>{0.05f, 0.1f, 0.15f};
  for (int32_t dim : dims) {
    for (float reg : regs) {
      grid.push_back({.dim = dim,
                      .regularization = reg,
                      .learning_rate = 0.003f,
                      .epochs = kMaxEpochs,
                      .implicit_factors = implicit_factors});
    }
  }
  return grid;
}

struct Tuned {
  BiasedMfOptions options;
  double validation_rmse = 1e9;
};

// Trains `options` on `train` and returns it with its best epoch count.
StatusOr<Tuned> TuneEpochs(BiasedMfOptions options, const RatingData& train,
                           const std::vector<Rating>& validation) {
  Tuned best{options};
  options.after_epoch = [&](int32_t epoch, const BiasedMfModel& model) {
    const double rmse = Score(model, validation).rmse;
    if (rmse < best.validation_rmse) {
      best.validation_rmse = rmse;
      best.options.epochs = epoch;
    }
    return epoch - best.options.epochs < kPatience;
  };
  RETURN_IF_ERROR(TrainBiasedMf(train, options).status());
  return best;
}

StatusOr<BiasedMfOptions> TuneMf(bool implicit_factors, const RatingData& train,
                                 const std::vector<Rating>& validation, int fold,
                                 const ProgressLog& log) {
  Tuned best;
  for (const BiasedMfOptions& candidate : Grid(implicit_factors)) {
    ASSIGN_OR_RETURN(Tuned tuned, TuneEpochs(candidate, train, validation));
    char line[160];
    std::snprintf(line, sizeof line,
                  "u%d %s dim %d reg %.3f: best epoch %d, validation RMSE %.4f", fold,
                  implicit_factors ? "SVD++" : "MF", tuned.options.dim,
                  tuned.options.regularization, tuned.options.epochs, tuned.validation_rmse);
    Report(log, line);
    if (tuned.validation_rmse < best.validation_rmse) best = tuned;
  }
  return best.options;
}

Scores ScorePredictor(const RatingPredictor& predict, const std::vector<Rating>& ratings) {
  std::vector<float> predicted, actual;
  for (const Rating& r : ratings) {
    predicted.push_back(std::clamp(predict(r.user, r.item), kMinRating, kMaxRating));
    actual.push_back(r.value);
  }
  return {RootMeanSquaredError(predicted, actual), MeanAbsoluteError(predicted, actual)};
}

// The neighbourhood size of one kNN-Baseline side, by validation RMSE.
StatusOr<KnnBaselineOptions> TuneKnn(KnnSide side, const RatingData& train,
                                     const std::vector<Rating>& validation, int fold,
                                     const ProgressLog& log) {
  KnnBaselineOptions best{.side = side};
  double best_rmse = 1e9;
  for (int32_t neighbours : {20, 40, 80}) {
    const KnnBaselineOptions candidate{.side = side, .neighbours = neighbours};
    ASSIGN_OR_RETURN(KnnBaselineModel model, TrainKnnBaseline(train, candidate));
    const double rmse =
        ScorePredictor([&](int32_t u, int32_t i) { return model.Predict(u, i); }, validation).rmse;
    char line[160];
    std::snprintf(line, sizeof line, "u%d %s-kNN-baseline k %d: validation RMSE %.4f", fold,
                  side == KnnSide::kItem ? "item" : "user", neighbours, rmse);
    Report(log, line);
    if (rmse < best_rmse) {
      best_rmse = rmse;
      best = candidate;
    }
  }
  return best;
}

// Biased MF trained from `seeds` random starts with the same settings, the
// predictions averaged: early-stopped runs differ mostly by their start, and
// averaging them removes that variance at the cost of `seeds` fits.
BlendComponent MfComponent(std::string name, const BiasedMfOptions& options, int32_t seeds) {
  return {std::move(name), [options, seeds](const RatingData& data) -> StatusOr<RatingPredictor> {
            std::vector<BiasedMfModel> models;
            for (int32_t s = 0; s < seeds; ++s) {
              BiasedMfOptions seeded = options;
              seeded.seed = options.seed + s;
              ASSIGN_OR_RETURN(BiasedMfModel model, TrainBiasedMf(data, seeded));
              models.push_back(std::move(model));
            }
            auto shared = std::make_shared<const std::vector<BiasedMfModel>>(std::move(models));
            return RatingPredictor([shared](int32_t user, int32_t item) {
              float sum = 0;
              for (const BiasedMfModel& m : *shared) {
                sum += m.Predict(user, item, kMinRating, kMaxRating);
              }
              return sum / shared->size();
            });
          }};
}

BlendComponent KnnComponent(std::string name, const KnnBaselineOptions& options) {
  return {std::move(name), [options](const RatingData& data) -> StatusOr<RatingPredictor> {
            ASSIGN_OR_RETURN(KnnBaselineModel model, TrainKnnBaseline(data, options));
            auto shared = std::make_shared<const KnnBaselineModel>(std::move(model));
            return RatingPredictor([shared](int32_t user, int32_t item) {
              return std::clamp(shared->Predict(user, item), kMinRating, kMaxRating);
            });
          }};
}

// Each candidate's hyper-parameters, the blend members, segmentation and
// weights, all chosen on the validation split of `base`. The last candidate
// is `bias_only`, which is also the baseline.
StatusOr<std::pair<std::vector<BlendComponent>, BlendWeights>> TuneBlend(const RatingData& base,
                                                                         int fold,
                                                                         const ProgressLog& log) {
  const auto [train, validation] = SplitValidation(base, fold);
  ASSIGN_OR_RETURN(BiasedMfOptions mf, TuneMf(false, train, validation, fold, log));
  ASSIGN_OR_RETURN(BiasedMfOptions svdpp, TuneMf(true, train, validation, fold, log));
  ASSIGN_OR_RETURN(KnnBaselineOptions item_knn,
                   TuneKnn(KnnSide::kItem, train, validation, fold, log));
  ASSIGN_OR_RETURN(KnnBaselineOptions user_knn,
                   TuneKnn(KnnSide::kUser, train, validation, fold, log));
  BiasedMfOptions biases = mf;
  biases.dim = 0;
  std::vector<BlendComponent> components = {
      MfComponent("biased_mf", mf, kMfSeeds),           MfComponent("svdpp", svdpp, kMfSeeds),
      KnnComponent("item_knn_baseline", item_knn),      KnnComponent("user_knn_baseline", user_knn),
      MfComponent("bias_only", biases, 1)};
  ASSIGN_OR_RETURN(ValidationPredictions predicted, PredictValidation(components, train, validation));
  ASSIGN_OR_RETURN(BlendChoice choice,
                   SelectBlend(predicted, train, validation, kSegmentations, kBlendFolds));
  const BlendWeights& weights = choice.weights;
  std::string line = "u" + std::to_string(fold) + " validation RMSE:";
  char part[160];
  for (size_t k = 0; k < components.size(); ++k) {
    std::snprintf(part, sizeof part, " %s %.4f,", components[k].name.c_str(), predicted.rmse[k]);
    line += part;
  }
  std::snprintf(part, sizeof part,
                " blend %.4f (cross-validated %.4f); %zu user x %zu item segments; members",
                weights.validation_rmse, choice.cross_validated_rmse,
                weights.segments.user_bounds.size() + 1, weights.segments.item_bounds.size() + 1);
  line += part;
  for (size_t k : weights.members) line += " " + components[k].name;
  line += "; weights";
  for (const LinearBlend& blend : weights.blends) {
    line += " [";
    for (double w : blend.weights()) {
      std::snprintf(part, sizeof part, " %.3f", w);
      line += part;
    }
    line += " ]";
  }
  Report(log, line);
  return std::make_pair(std::move(components), weights);
}

struct FoldResult {
  Scores scores;
  double seconds = 0;
};

void AddAverages(const std::string& model, const std::vector<FoldResult>& folds,
                 std::vector<MetricRow>& rows) {
  double rmse = 0, mae = 0, seconds = 0;
  for (const FoldResult& f : folds) {
    rmse += f.scores.rmse / folds.size();
    mae += f.scores.mae / folds.size();
    seconds += f.seconds / folds.size();
  }
  rows.push_back({kDataset, model, "RMSE", rmse});
  rows.push_back({kDataset, model, "MAE", mae});
  rows.push_back({kDataset, model, "train_seconds", seconds});
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunMovielens100kProtocol(const std::string& dir,
                                                          const ProgressLog& log) {
  std::vector<FoldResult> ours;
  // Per candidate component (same order every fold), its test scores alone.
  std::vector<std::string> names;
  std::vector<std::vector<FoldResult>> alone;
  for (int fold = 1; fold <= 5; ++fold) {
    ASSIGN_OR_RETURN(Fold data, LoadFold(dir, fold));
    ASSIGN_OR_RETURN(auto tuned, TuneBlend(data.base, fold, log));
    const auto& [components, weights] = tuned;
    ASSIGN_OR_RETURN(BlendedPredictor model, TrainBlend(components, weights, data.base));
    double seconds = 0;
    for (size_t k : weights.members) seconds += model.component_seconds(k);
    const FoldResult result{
        ScorePredictor([&](int32_t u, int32_t i) { return model.Predict(u, i); }, data.test),
        seconds};
    ours.push_back(result);
    alone.resize(components.size());
    names.clear();
    std::string line = "u" + std::to_string(fold) + " test RMSE:";
    char part[160];
    for (size_t k = 0; k < components.size(); ++k) {
      names.push_back(components[k].name);
      const Scores s = ScorePredictor(
          [&](int32_t u, int32_t i) { return model.PredictComponent(k, u, i); }, data.test);
      std::snprintf(part, sizeof part, " %s %.4f,", components[k].name.c_str(), s.rmse);
      line += part;
      alone[k].push_back({s, model.component_seconds(k)});
    }
    std::snprintf(part, sizeof part, " sobremesa (blend) %.4f MAE %.4f (%.1f s)",
                  result.scores.rmse, result.scores.mae, result.seconds);
    Report(log, line + part);
  }
  std::vector<MetricRow> rows;
  AddAverages("sobremesa", ours, rows);
  // Every candidate alone, under its component name; the last is bias_only,
  // the baseline.
  for (size_t k = 0; k < names.size(); ++k) AddAverages(names[k], alone[k], rows);
  return rows;
}

}  // namespace sobremesa::recommendation
