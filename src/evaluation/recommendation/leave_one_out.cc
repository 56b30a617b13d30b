#include "evaluation/recommendation/leave_one_out.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <unordered_set>

#include "selection/recommendation/ranking_metrics.h"

namespace sobremesa::recommendation {

LeaveOneOutScores ScoreLeaveOneOut(const std::vector<HeldOutCase>& cases, const ItemScorer& score) {
  return ScoreLeaveOneOut(cases, ScoreCandidates(cases, score));
}

std::vector<float> ScoreCandidates(const std::vector<HeldOutCase>& cases, const ItemScorer& score) {
  std::vector<float> scores;
  for (const HeldOutCase& c : cases) {
    scores.push_back(score(c.user, c.item));
    for (int32_t item : c.negatives) scores.push_back(score(c.user, item));
  }
  return scores;
}

LeaveOneOutScores ScoreLeaveOneOut(const std::vector<HeldOutCase>& cases,
                                   std::span<const float> candidate_scores) {
  LeaveOneOutScores total;
  for (int32_t rank : RanksOf(cases, candidate_scores)) {
    total.hit_rate_at_10 += HitAtK(rank, 10);
    total.ndcg_at_10 += NdcgAtK(rank, 10);
  }
  if (!cases.empty()) {
    total.hit_rate_at_10 /= cases.size();
    total.ndcg_at_10 /= cases.size();
  }
  return total;
}

std::vector<int32_t> RanksOf(const std::vector<HeldOutCase>& cases,
                             std::span<const float> candidate_scores) {
  std::vector<int32_t> ranks;
  ranks.reserve(cases.size());
  std::vector<float> negative_scores;
  // A NaN score (a model bug) must not win: NaN compares false with
  // everything, which would rank a NaN target first. The target's NaN counts
  // as the lowest score and a negative's as the highest.
  constexpr float kInfinity = std::numeric_limits<float>::infinity();
  size_t next = 0;
  for (const HeldOutCase& c : cases) {
    const float target = candidate_scores[next++];
    negative_scores.clear();
    for (size_t n = 0; n < c.negatives.size(); ++n) {
      const float s = candidate_scores[next++];
      negative_scores.push_back(std::isnan(s) ? kInfinity : s);
    }
    ranks.push_back(PessimisticRank(std::isnan(target) ? -kInfinity : target, negative_scores));
  }
  return ranks;
}

std::vector<HeldOutCase> HoldOutOnePerUser(InteractionData& data, int32_t num_negatives,
                                           uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<int32_t> any_item(0, data.num_items - 1);
  std::vector<HeldOutCase> cases;
  for (int32_t u = 0; u < data.num_users; ++u) {
    std::vector<int32_t>& items = data.items_by_user[u];
    if (items.size() < 2) continue;
    const std::unordered_set<int32_t> seen(items.begin(), items.end());
    std::swap(items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)], items.back());
    HeldOutCase& c = cases.emplace_back(HeldOutCase{u, items.back(), {}});
    items.pop_back();
    while (static_cast<int32_t>(c.negatives.size()) < num_negatives &&
           seen.size() + c.negatives.size() < static_cast<size_t>(data.num_items)) {
      const int32_t candidate = any_item(rng);
      if (!seen.contains(candidate) &&
          std::find(c.negatives.begin(), c.negatives.end(), candidate) == c.negatives.end()) {
        c.negatives.push_back(candidate);
      }
    }
  }
  return cases;
}

}  // namespace sobremesa::recommendation
