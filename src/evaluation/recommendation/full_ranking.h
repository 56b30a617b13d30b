#pragma once
// Full-ranking top-N evaluation: every item a user has not interacted with in
// training is a candidate; the held-out items are the relevant ones.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

// Writes the score of every item for `user` into `scores` (size num_items).
using AllItemScorer = std::function<void(int32_t user, std::span<float> scores)>;

struct FullRankingScores {
  double hit_rate_at_10 = 0;  // share of users with >= 1 relevant item in the top 10
  double ndcg_at_10 = 0;
  double recall_at_20 = 0;
  double coverage_at_10 = 0;  // share of the catalogue in at least one top 10
};

// Averages over users with at least one held-out item. `held_out[u]` are the
// relevant items of user u; items in `train.items_by_user[u]` are never
// ranked. Ties are broken by the lower item id.
FullRankingScores ScoreFullRanking(const InteractionData& train,
                                   const std::vector<std::vector<int32_t>>& held_out,
                                   const AllItemScorer& score);

}  // namespace sobremesa::recommendation
