#include "evaluation/recommendation/movielens_100k_protocol.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/rating_metrics.h"
#include "models/recommendation/biased_mf_trainer.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "movielens-100k";
constexpr float kMinRating = 1, kMaxRating = 5;
constexpr int32_t kMaxEpochs = 80;
// Epochs without a better validation RMSE before tuning gives up on a config.
constexpr int32_t kPatience = 4;

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
std::vector<BiasedMfOptions> Grid() {
  std::vector<BiasedMfOptions> grid;
  for (int32_t dim : {64, 128}) {
    for (float reg : {0.05f, 0.1f, 0.15f}) {
      grid.push_back(
          {.dim = dim, .regularization = reg, .learning_rate = 0.003f, .epochs = kMaxEpochs});
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

StatusOr<BiasedMfOptions> Tune(const RatingData& base, int fold, const ProgressLog& log) {
  const auto [train, validation] = SplitValidation(base, fold);
  Tuned best;
  for (const BiasedMfOptions& candidate : Grid()) {
    ASSIGN_OR_RETURN(Tuned tuned, TuneEpochs(candidate, train, validation));
    char line[160];
    std::snprintf(line, sizeof line, "u%d dim %d reg %.3f: best epoch %d, validation RMSE %.4f",
                  fold, tuned.options.dim, tuned.options.regularization, tuned.options.epochs,
                  tuned.validation_rmse);
    Report(log, line);
    if (tuned.validation_rmse < best.validation_rmse) best = tuned;
  }
  return best.options;
}

struct FoldResult {
  Scores scores;
  double seconds = 0;
};

StatusOr<FoldResult> TrainAndTest(const Fold& fold, const BiasedMfOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(BiasedMfModel model, TrainBiasedMf(fold.base, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return FoldResult{Score(model, fold.test), took.count()};
}

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
  std::vector<FoldResult> ours, bias_only;
  for (int fold = 1; fold <= 5; ++fold) {
    ASSIGN_OR_RETURN(Fold data, LoadFold(dir, fold));
    ASSIGN_OR_RETURN(BiasedMfOptions options, Tune(data.base, fold, log));
    ASSIGN_OR_RETURN(FoldResult result, TrainAndTest(data, options));
    ours.push_back(result);
    // The tuned settings without factors: what the learned tastes add to the biases.
    BiasedMfOptions bias_options = options;
    bias_options.dim = 0;
    ASSIGN_OR_RETURN(FoldResult bias_result, TrainAndTest(data, bias_options));
    bias_only.push_back(bias_result);
    char line[160];
    std::snprintf(line, sizeof line,
                  "u%d test: sobremesa RMSE %.4f MAE %.4f (%.1f s), bias_only RMSE %.4f", fold,
                  result.scores.rmse, result.scores.mae, result.seconds, bias_result.scores.rmse);
    Report(log, line);
  }
  std::vector<MetricRow> rows;
  AddAverages("sobremesa", ours, rows);
  AddAverages("bias_only", bias_only, rows);
  return rows;
}

}  // namespace sobremesa::recommendation
