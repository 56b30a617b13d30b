#include "evaluation/recommendation/movielens_100k_ranking_protocol.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <tuple>

#include "evaluation/recommendation/full_ranking.h"
#include "evaluation/recommendation/item_knn_grid.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/option_text.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/item_knn_trainer.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "movielens-100k";
constexpr size_t kHeldOut = 10;

// Interactions split by time: `kept` for training, `held_out` the last 10.
struct TimeSplit {
  InteractionData kept;
  std::vector<std::vector<int32_t>> held_out;
};

// Moves each user's last kHeldOut items (histories are in time order) out.
TimeSplit SplitLast(const InteractionData& data) {
  TimeSplit s{data, std::vector<std::vector<int32_t>>(data.num_users)};
  for (int32_t u = 0; u < data.num_users; ++u) {
    std::vector<int32_t>& items = s.kept.items_by_user[u];
    if (items.size() <= kHeldOut) continue;
    s.held_out[u].assign(items.end() - kHeldOut, items.end());
    items.resize(items.size() - kHeldOut);
  }
  return s;
}

// u.data as histories in time order (ties by item id), 0-based ids.
StatusOr<InteractionData> LoadTimeOrdered(const std::string& dir) {
  ASSIGN_OR_RETURN(std::vector<RatingRecord> records, LoadMovielensRatings(dir + "/u.data"));
  std::sort(records.begin(), records.end(), [](const RatingRecord& a, const RatingRecord& b) {
    return std::tie(a.user, a.timestamp, a.item) < std::tie(b.user, b.timestamp, b.item);
  });
  InteractionData data;
  for (const RatingRecord& r : records) {
    data.num_users = std::max(data.num_users, r.user);
    data.num_items = std::max(data.num_items, r.item);
  }
  data.items_by_user.resize(data.num_users);
  for (const RatingRecord& r : records) data.items_by_user[r.user - 1].push_back(r.item - 1);
  return data;
}

AllItemScorer Scorer(const ItemToItemModel& model, const InteractionData& train) {
  return [&](int32_t user, std::span<float> scores) {
    model.ScoreAll(train.items_by_user[user], scores);
  };
}

// "ranking <stage> <model>: HR@10 ...", e.g. stage "validation".
void ReportScores(const ProgressLog& log, const char* stage, const std::string& model,
                  const FullRankingScores& s) {
  char line[240];
  std::snprintf(line, sizeof line,
                "ranking %s %s: HR@10 %.4f NDCG@10 %.4f Recall@20 %.4f coverage %.4f", stage,
                model.c_str(), s.hit_rate_at_10, s.ndcg_at_10, s.recall_at_20, s.coverage_at_10);
  Report(log, line);
}

// The candidate with the best validation NDCG@10.
template <typename Options, typename Train>
StatusOr<Options> Tune(const std::vector<Options>& grid, const Train& train, const TimeSplit& split,
                       const ProgressLog& log) {
  Options best = grid.front();
  double best_ndcg = -1;
  for (const Options& candidate : grid) {
    ASSIGN_OR_RETURN(ItemToItemModel model, train(split.kept, candidate));
    const FullRankingScores s =
        ScoreFullRanking(split.kept, split.held_out, Scorer(model, split.kept));
    ReportScores(log, "validation", Describe(candidate), s);
    if (s.ndcg_at_10 > best_ndcg) {
      best_ndcg = s.ndcg_at_10;
      best = candidate;
    }
  }
  return best;
}

void AddRows(const std::string& model, const FullRankingScores& s, double seconds,
             std::vector<MetricRow>& rows) {
  rows.push_back({kDataset, model, "HR@10", s.hit_rate_at_10});
  rows.push_back({kDataset, model, "NDCG@10", s.ndcg_at_10});
  rows.push_back({kDataset, model, "Recall@20", s.recall_at_20});
  rows.push_back({kDataset, model, "coverage", s.coverage_at_10});
  rows.push_back({kDataset, model, "ranking_train_seconds", seconds});
}

template <typename Options, typename Train>
Status TrainAndTest(const std::string& name, const Train& train, const Options& options,
                    const TimeSplit& test, const ProgressLog& log, std::vector<MetricRow>& rows) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(ItemToItemModel model, train(test.kept, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  const FullRankingScores s = ScoreFullRanking(test.kept, test.held_out, Scorer(model, test.kept));
  ReportScores(log, "test", name + " " + Describe(options), s);
  AddRows(name, s, took.count(), rows);
  return Status::Ok();
}

std::vector<EaseOptions> EaseGrid() {
  std::vector<EaseOptions> grid;
  for (double l2 : {20.0, 50.0, 100.0, 200.0, 500.0}) {
    for (double dropout : {0.0, 0.25}) grid.push_back({.l2 = l2, .dropout = dropout});
  }
  return grid;
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunMovielens100kRankingProtocol(const std::string& dir,
                                                                 const ProgressLog& log) {
  ASSIGN_OR_RETURN(InteractionData all, LoadTimeOrdered(dir));
  const TimeSplit test = SplitLast(all);
  const TimeSplit validation = SplitLast(test.kept);
  ASSIGN_OR_RETURN(EaseOptions ease, Tune(EaseGrid(), TrainEase, validation, log));
  ASSIGN_OR_RETURN(ItemKnnOptions knn, Tune(ItemKnnGrid(), TrainItemKnn, validation, log));
  std::vector<MetricRow> rows;
  RETURN_IF_ERROR(TrainAndTest("sobremesa", TrainEase, ease, test, log, rows));
  RETURN_IF_ERROR(TrainAndTest("item_knn", TrainItemKnn, knn, test, log, rows));
  std::vector<float> popularity(test.kept.num_items, 0);
  for (const std::vector<int32_t>& items : test.kept.items_by_user) {
    for (int32_t item : items) popularity[item] += 1;
  }
  const FullRankingScores s =
      ScoreFullRanking(test.kept, test.held_out, [&](int32_t, std::span<float> scores) {
        std::copy(popularity.begin(), popularity.end(), scores.begin());
      });
  ReportScores(log, "test", "popularity", s);
  AddRows("popularity", s, 0, rows);
  return rows;
}

}  // namespace sobremesa::recommendation
