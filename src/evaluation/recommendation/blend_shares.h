#pragma once
// How much of a member model to add to a blend, chosen on several
// leave-one-out validation holdouts at once: one share for every user, or
// one per history-length bucket, with a cross-holdout check of whether the
// per-bucket shares carry over (used by the movielens-1m-ncf protocol).

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "evaluation/recommendation/movielens_loader.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

// Users by number of training items: fewer than 50, 50–199, 200 or more
// (fixed before any result; 1,793 / 2,669 / 1,578 of ML-1M's users). A
// low-rank model and an item-to-item one may err differently on short and
// long histories, so a member's share may differ per bucket.
inline constexpr size_t kHistoryBuckets = 3;
using PerBucket = std::array<double, kHistoryBuckets>;
size_t HistoryBucket(size_t history_length);

// One validation split: the pairs models are fitted on, and the held-out
// cases (HoldOutOnePerUser with 99 negatives) with the history bucket of each
// case's user in those pairs.
struct Holdout {
  InteractionData tuning;
  std::vector<HeldOutCase> validation;
  std::vector<size_t> buckets;
};
Holdout MakeHoldout(const InteractionData& train, uint64_t seed);

// Every candidate's score on one holdout (ScoreCandidates), and one such
// vector per holdout.
using CandidateScores = std::vector<float>;
using HoldoutScores = std::vector<CandidateScores>;

// base + weight[bucket of the case's user]·member, case by case.
CandidateScores PlusScaled(const CandidateScores& base, const CandidateScores& member,
                           const std::array<float, kHistoryBuckets>& weight, const Holdout& h);

// shares·unit, as floats.
std::array<float, kHistoryBuckets> Weights(const PerBucket& shares, double unit);

// Root mean square of a model's scores over every validation candidate: the
// unit in which blend shares are stated, so they mean the same whatever the
// scale of each model's scores.
double RootMeanSquare(const CandidateScores& scores);

// Validation NDCG@10 of base + shares[s]·unit·member on every holdout, per
// history bucket: ndcg[k][s][b] sums holdout k's NDCG@10 over the cases of
// bucket b and divides by all its cases, so a holdout's buckets add up to its
// NDCG@10 and a share can be chosen for each bucket apart.
struct ShareTable {
  std::span<const double> shares;  // ascending, outlives the table
  std::vector<double> units;       // per holdout: RMS(base) / RMS(member)
  std::vector<std::vector<PerBucket>> ndcg;
};
ShareTable TabulateShares(const HoldoutScores& base, const HoldoutScores& member,
                          std::span<const double> shares, const std::vector<Holdout>& holdouts);

// A share index per bucket.
using ShareChoice = std::array<size_t, kHistoryBuckets>;

// Holdout k's NDCG@10 with the shares `choice`.
double NdcgOf(const ShareTable& table, size_t k, const ShareChoice& choice);

// The shares with the best NDCG@10 summed over the holdouts other than
// `left_out` (none if it is past the last): one for every bucket, or one per
// bucket. Ties go to the smaller share.
ShareChoice ChooseShares(const ShareTable& table, bool per_bucket, size_t left_out = SIZE_MAX);

// Mean over the holdouts of each one's NDCG@10 with the shares chosen on the
// others: how well a way of choosing shares carries over to data it was not
// chosen on (per bucket has three times the freedom of one share, so it
// always fits the holdouts it is chosen on at least as well).
double CrossHoldoutNdcg(const ShareTable& table, bool per_bucket);

// How much of a member is added to the blend so far.
struct Share {
  PerBucket share{};                            // in units of RMS(base) / RMS(member)
  std::array<float, kHistoryBuckets> weight{};  // the factor on the member's scores
  double ndcg = -1;                             // mean validation NDCG@10 of the blend
};

// The shares `choice` with their mean NDCG@10 over the holdouts; the weight
// uses the mean of the holdouts' units (for a model refitted on all pairs).
Share ShareOf(const ShareTable& table, const ShareChoice& choice);

// The blend's validation scores on each holdout with `share` of `member`,
// at each holdout's own unit (as in its table).
HoldoutScores Blend(const HoldoutScores& base, const HoldoutScores& member,
                    const ShareTable& table, const Share& share,
                    const std::vector<Holdout>& holdouts);

// For the tuning log: each holdout's NDCG@10, e.g. "0.6012 / 0.6031", and
// shares, e.g. "0.75" (the same for every bucket) or "0.75/0.75/0.50".
std::string PerHoldoutText(const std::vector<double>& ndcgs);
std::string SharesText(const PerBucket& shares);

}  // namespace sobremesa::recommendation
