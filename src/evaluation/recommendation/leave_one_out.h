#pragma once
// Scoring of leave-one-out cases (one held-out item ranked among sampled
// negatives), shared by the validation split and the test file.

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "evaluation/recommendation/movielens_loader.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

// Score of `item` for `user`; higher is better.
using ItemScorer = std::function<float(int32_t user, int32_t item)>;

struct LeaveOneOutScores {
  double hit_rate_at_10 = 0;
  double ndcg_at_10 = 0;
};

// Mean HR@10 and NDCG@10 over `cases`, ties counted pessimistically.
LeaveOneOutScores ScoreLeaveOneOut(const std::vector<HeldOutCase>& cases, const ItemScorer& score);

// Every candidate's score, case after case, each case's held-out item first
// and then its negatives: computed once per model, so that trying many blend
// weights of several models costs additions, not model calls.
std::vector<float> ScoreCandidates(const std::vector<HeldOutCase>& cases, const ItemScorer& score);

// As above, from ScoreCandidates(cases, ...) or a weighted sum of several
// (one score per candidate, in that order).
LeaveOneOutScores ScoreLeaveOneOut(const std::vector<HeldOutCase>& cases,
                                   std::span<const float> candidate_scores);

// Each case's 0-based rank of its held-out item among its negatives, ties
// counted against it (the ranks ScoreLeaveOneOut averages over): for metrics
// over groups of cases, e.g. users by history length.
std::vector<int32_t> RanksOf(const std::vector<HeldOutCase>& cases,
                             std::span<const float> candidate_scores);

// Takes one random item out of each history with at least two items and pairs
// it with `num_negatives` random items the user never interacted with. Returns
// the cases; `data` keeps only the rest. Deterministic for a given `seed`.
std::vector<HeldOutCase> HoldOutOnePerUser(InteractionData& data, int32_t num_negatives,
                                           uint64_t seed);

}  // namespace sobremesa::recommendation
