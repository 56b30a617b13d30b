#include "evaluation/recommendation/movielens_1m_ncf_protocol.h"

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <optional>

#include "evaluation/recommendation/leave_one_out.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/option_text.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/item_knn_trainer.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "movielens-1m-ncf";
constexpr uint64_t kValidationSeed = 2017;

struct NcfData {
  InteractionData train;
  std::vector<HeldOutCase> test;
};

StatusOr<NcfData> LoadNcf(const std::string& dir) {
  ASSIGN_OR_RETURN(auto pairs, LoadUserItemPairs(dir + "/ml-1m.train.implicit.tsv"));
  ASSIGN_OR_RETURN(std::vector<HeldOutCase> test, LoadHeldOutCases(dir + "/ml-1m.test.negative"));
  NcfData d{.test = std::move(test)};
  auto grow = [&](int32_t user, int32_t item) {
    d.train.num_users = std::max(d.train.num_users, user + 1);
    d.train.num_items = std::max(d.train.num_items, item + 1);
  };
  for (const auto& [user, item] : pairs) grow(user, item);
  for (const HeldOutCase& c : d.test) {
    grow(c.user, c.item);
    for (int32_t item : c.negatives) grow(c.user, item);
  }
  d.train.items_by_user.resize(d.train.num_users);
  for (const auto& [user, item] : pairs) d.train.items_by_user[user].push_back(item);
  return d;
}

ItemScorer ItemToItemScorer(const ItemToItemModel& model, const InteractionData& data) {
  return [&](int32_t user, int32_t item) { return model.Score(data.items_by_user[user], item); };
}

std::vector<float> CountPopularity(const InteractionData& data) {
  std::vector<float> counts(data.num_items, 0);
  for (const std::vector<int32_t>& items : data.items_by_user) {
    for (int32_t item : items) counts[item] += 1;
  }
  return counts;
}

// "<stage> <model>: HR@10 ... NDCG@10 ...", e.g. stage "validation".
void ReportScores(const ProgressLog& log, const char* stage, const std::string& model,
                  const LeaveOneOutScores& s) {
  char line[200];
  std::snprintf(line, sizeof line, "%s %s: HR@10 %.4f NDCG@10 %.4f", stage, model.c_str(),
                s.hit_rate_at_10, s.ndcg_at_10);
  Report(log, line);
}

template <typename Options>
struct TunedModel {
  Options options;
  std::optional<ItemToItemModel> model;  // trained on the tuning pairs
  double ndcg = -1;
};

// The candidate whose model has the best validation NDCG@10, with its model.
template <typename Options, typename Train>
StatusOr<TunedModel<Options>> TuneOnValidation(const std::vector<Options>& grid,
                                               const Train& train, const InteractionData& data,
                                               const std::vector<HeldOutCase>& validation,
                                               const ProgressLog& log) {
  TunedModel<Options> best{grid.front()};
  for (const Options& candidate : grid) {
    ASSIGN_OR_RETURN(ItemToItemModel model, train(data, candidate));
    const LeaveOneOutScores s = ScoreLeaveOneOut(validation, ItemToItemScorer(model, data));
    ReportScores(log, "validation", Describe(candidate), s);
    if (s.ndcg_at_10 > best.ndcg) best = {candidate, std::move(model), s.ndcg_at_10};
  }
  return best;
}

std::vector<EaseOptions> EaseGrid() {
  std::vector<EaseOptions> grid;
  for (double l2 : {250.0, 500.0, 1000.0, 2000.0}) {
    for (double dropout : {0.0, 0.15, 0.3}) grid.push_back({.l2 = l2, .dropout = dropout});
  }
  return grid;
}

// Second stage around the best (λ, p): user weighting, with λ re-tuned
// because down-weighting heavy users changes how much the penalty weighs.
std::vector<EaseOptions> UserWeightGrid(const EaseOptions& best) {
  std::vector<EaseOptions> grid;
  for (double exponent : {0.25, 0.5}) {
    for (double scale : {0.5, 1.0, 2.0}) {
      grid.push_back(
          {.l2 = best.l2 * scale, .dropout = best.dropout, .user_weight_exponent = exponent});
    }
  }
  return grid;
}

// Weights of item-kNN added to EASE, in units of their mean absolute weight
// ratio (0 = EASE alone).
constexpr double kKnnShares[] = {0, 0.05, 0.1, 0.2, 0.4};

struct EaseKnnBlend {
  double share = 0;
  float weight = 0;  // the factor on the kNN weights
};

// The kNN share with the best validation NDCG@10 for EASE + share·kNN.
StatusOr<EaseKnnBlend> TuneKnnShare(const ItemToItemModel& ease, const ItemToItemModel& knn,
                                    const InteractionData& data,
                                    const std::vector<HeldOutCase>& validation,
                                    const ProgressLog& log) {
  const double unit = ease.MeanAbsWeight() / std::max(knn.MeanAbsWeight(), 1e-30);
  EaseKnnBlend best;
  double best_ndcg = -1;
  for (double share : kKnnShares) {
    const float weight = static_cast<float>(share * unit);
    ASSIGN_OR_RETURN(ItemToItemModel blend, ease.PlusScaled(knn, weight));
    const LeaveOneOutScores s = ScoreLeaveOneOut(validation, ItemToItemScorer(blend, data));
    char name[80];
    std::snprintf(name, sizeof name, "EASE + %.2f item_knn", share);
    ReportScores(log, "validation", name, s);
    if (s.ndcg_at_10 > best_ndcg) {
      best_ndcg = s.ndcg_at_10;
      best = {share, weight};
    }
  }
  return best;
}

std::vector<ItemKnnOptions> ItemKnnGrid() {
  std::vector<ItemKnnOptions> grid;
  for (int32_t neighbours : {20, 50, 100, 200}) {
    for (float shrink : {0.0f, 20.0f}) grid.push_back({neighbours, shrink});
  }
  return grid;
}

void AddRows(const std::string& model, const LeaveOneOutScores& s, double seconds,
             std::vector<MetricRow>& rows) {
  rows.push_back({kDataset, model, "HR@10", s.hit_rate_at_10});
  rows.push_back({kDataset, model, "NDCG@10", s.ndcg_at_10});
  rows.push_back({kDataset, model, "train_seconds", seconds});
}

// Scores `model` (trained on all training pairs) on the test file.
void Test(const std::string& name, const std::string& description, const ItemToItemModel& model,
          double seconds, const NcfData& data, const ProgressLog& log,
          std::vector<MetricRow>& rows) {
  const LeaveOneOutScores s = ScoreLeaveOneOut(data.test, ItemToItemScorer(model, data.train));
  ReportScores(log, "test", name + " " + description, s);
  AddRows(name, s, seconds, rows);
}

template <typename Options, typename Train>
StatusOr<ItemToItemModel> TrainTimed(const Train& train, const Options& options,
                                     const InteractionData& data, double& seconds) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(ItemToItemModel model, train(data, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  seconds = took.count();
  return model;
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunMovielens1mNcfProtocol(const std::string& dir,
                                                           const ProgressLog& log) {
  ASSIGN_OR_RETURN(NcfData data, LoadNcf(dir));
  InteractionData tuning = data.train;
  const std::vector<HeldOutCase> validation = HoldOutOnePerUser(tuning, 99, kValidationSeed);
  ASSIGN_OR_RETURN(auto first_ease,
                   TuneOnValidation(EaseGrid(), TrainEase, tuning, validation, log));
  ASSIGN_OR_RETURN(auto weighted_ease, TuneOnValidation(UserWeightGrid(first_ease.options),
                                                        TrainEase, tuning, validation, log));
  auto& ease = weighted_ease.ndcg > first_ease.ndcg ? weighted_ease : first_ease;
  ASSIGN_OR_RETURN(auto knn,
                   TuneOnValidation(ItemKnnGrid(), TrainItemKnn, tuning, validation, log));
  ASSIGN_OR_RETURN(EaseKnnBlend blend,
                   TuneKnnShare(*ease.model, *knn.model, tuning, validation, log));
  // The tuning models are no longer needed; free their 2 × 55 MB before the
  // final fits.
  ease.model.reset();
  knn.model.reset();

  std::vector<MetricRow> rows;
  double ease_seconds = 0, knn_seconds = 0;
  ASSIGN_OR_RETURN(ItemToItemModel final_ease,
                   TrainTimed(TrainEase, ease.options, data.train, ease_seconds));
  ASSIGN_OR_RETURN(ItemToItemModel final_knn,
                   TrainTimed(TrainItemKnn, knn.options, data.train, knn_seconds));
  char share[60];
  std::snprintf(share, sizeof share, " + %.2f item_knn", blend.share);
  if (blend.share > 0) {
    ASSIGN_OR_RETURN(ItemToItemModel ours, final_ease.PlusScaled(final_knn, blend.weight));
    Test("sobremesa", Describe(ease.options) + share, ours, ease_seconds + knn_seconds, data,
         log, rows);
  } else {
    Test("sobremesa", Describe(ease.options), final_ease, ease_seconds, data, log, rows);
  }
  Test("ease", Describe(ease.options), final_ease, ease_seconds, data, log, rows);
  Test("item_knn", Describe(knn.options), final_knn, knn_seconds, data, log, rows);
  const std::vector<float> popularity = CountPopularity(data.train);
  const LeaveOneOutScores s =
      ScoreLeaveOneOut(data.test, [&](int32_t, int32_t item) { return popularity[item]; });
  ReportScores(log, "test", "popularity", s);
  AddRows("popularity", s, 0, rows);
  return rows;
}

}  // namespace sobremesa::recommendation
