#include "evaluation/recommendation/movielens_1m_ncf_protocol.h"

#include <chrono>
#include <cstdio>

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

// Returns the candidate whose model has the best validation NDCG@10.
template <typename Options, typename Train>
StatusOr<Options> TuneOnValidation(const std::vector<Options>& grid, const Train& train,
                                   const InteractionData& data,
                                   const std::vector<HeldOutCase>& validation,
                                   const ProgressLog& log) {
  Options best = grid.front();
  double best_ndcg = -1;
  for (const Options& candidate : grid) {
    ASSIGN_OR_RETURN(ItemToItemModel model, train(data, candidate));
    const LeaveOneOutScores s = ScoreLeaveOneOut(validation, ItemToItemScorer(model, data));
    ReportScores(log, "validation", Describe(candidate), s);
    if (s.ndcg_at_10 > best_ndcg) {
      best_ndcg = s.ndcg_at_10;
      best = candidate;
    }
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

// Trains with `options` on the full training pairs, scores the test file.
template <typename Options, typename Train>
Status TrainAndTest(const std::string& name, const Train& train, const Options& options,
                    const NcfData& data, const ProgressLog& log, std::vector<MetricRow>& rows) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(ItemToItemModel model, train(data.train, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const LeaveOneOutScores s = ScoreLeaveOneOut(data.test, ItemToItemScorer(model, data.train));
  ReportScores(log, "test", name + " " + Describe(options), s);
  AddRows(name, s, took.count(), rows);
  return Status::Ok();
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunMovielens1mNcfProtocol(const std::string& dir,
                                                           const ProgressLog& log) {
  ASSIGN_OR_RETURN(NcfData data, LoadNcf(dir));
  InteractionData tuning = data.train;
  const std::vector<HeldOutCase> validation = HoldOutOnePerUser(tuning, 99, kValidationSeed);
  ASSIGN_OR_RETURN(EaseOptions ease,
                   TuneOnValidation(EaseGrid(), TrainEase, tuning, validation, log));
  ASSIGN_OR_RETURN(ItemKnnOptions knn,
                   TuneOnValidation(ItemKnnGrid(), TrainItemKnn, tuning, validation, log));
  std::vector<MetricRow> rows;
  RETURN_IF_ERROR(TrainAndTest("sobremesa", TrainEase, ease, data, log, rows));
  RETURN_IF_ERROR(TrainAndTest("item_knn", TrainItemKnn, knn, data, log, rows));
  const std::vector<float> popularity = CountPopularity(data.train);
  const LeaveOneOutScores s =
      ScoreLeaveOneOut(data.test, [&](int32_t, int32_t item) { return popularity[item]; });
  ReportScores(log, "test", "popularity", s);
  AddRows("popularity", s, 0, rows);
  return rows;
}

}  // namespace sobremesa::recommendation
