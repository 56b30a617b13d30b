#include "evaluation/recommendation/full_ranking.h"

#include <algorithm>
#include <limits>
#include <numeric>

#include "selection/recommendation/ranking_metrics.h"

namespace sobremesa::recommendation {
namespace {

constexpr int32_t kListLength = 20;

// The best kListLength items not seen in training, best first.
std::vector<int32_t> TopUnseen(std::span<float> scores, const std::vector<int32_t>& seen) {
  for (int32_t item : seen) scores[item] = -std::numeric_limits<float>::infinity();
  std::vector<int32_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  const size_t n = std::min<size_t>(kListLength, order.size());
  std::partial_sort(order.begin(), order.begin() + n, order.end(), [&](int32_t a, int32_t b) {
    return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
  });
  order.resize(n);
  return order;
}

}  // namespace

FullRankingScores ScoreFullRanking(const InteractionData& train,
                                   const std::vector<std::vector<int32_t>>& held_out,
                                   const AllItemScorer& score) {
  FullRankingScores total;
  std::vector<float> scores(train.num_items);
  std::vector<std::vector<int32_t>> top_tens;
  for (int32_t u = 0; u < train.num_users; ++u) {
    if (held_out[u].empty()) continue;
    score(u, scores);
    const std::vector<int32_t> top = TopUnseen(scores, train.items_by_user[u]);
    const std::span<const int32_t> top_ten(top.data(), std::min<size_t>(10, top.size()));
    total.hit_rate_at_10 += RecallAtK(top, held_out[u], 10) > 0 ? 1 : 0;
    total.ndcg_at_10 += NdcgAtK(top, held_out[u], 10);
    total.recall_at_20 += RecallAtK(top, held_out[u], 20);
    top_tens.emplace_back(top_ten.begin(), top_ten.end());
  }
  if (!top_tens.empty()) {
    const double users = static_cast<double>(top_tens.size());
    total.hit_rate_at_10 /= users;
    total.ndcg_at_10 /= users;
    total.recall_at_20 /= users;
  }
  total.coverage_at_10 = CatalogueCoverage(top_tens, train.num_items);
  return total;
}

}  // namespace sobremesa::recommendation
