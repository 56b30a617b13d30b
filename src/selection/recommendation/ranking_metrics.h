#pragma once
// Top-N ranking metrics. Ranks are 0-based (0 = first place).

#include <cstdint>
#include <span>
#include <vector>

namespace sobremesa::recommendation {

// Rank of an item scored `target` among candidates scored `others`: the number
// of others scored >= target. Ties count against the target (pessimistic), so
// a model that scores everything equal cannot look good.
int32_t PessimisticRank(float target, std::span<const float> others);

// With one relevant item at `rank`: 1 if rank < k else 0.
double HitAtK(int32_t rank, int32_t k);
// With one relevant item at `rank`: 1/log2(rank + 2) if rank < k else 0.
double NdcgAtK(int32_t rank, int32_t k);

// With several relevant items: the share of `relevant` found in the first k
// of `ranked`, divided by min(k, |relevant|) so a perfect list scores 1
// (the usual normalisation; 0 if nothing is relevant).
double RecallAtK(std::span<const int32_t> ranked, std::span<const int32_t> relevant, int32_t k);

// With several relevant items: DCG of the first k of `ranked` over the ideal
// DCG of min(k, |relevant|) hits.
double NdcgAtK(std::span<const int32_t> ranked, std::span<const int32_t> relevant, int32_t k);

// Graded relevance: DCG of the first k of `ranked`, gain gains[item] at rank
// r discounted by 1/log2(r + 2), over the DCG of the k largest gains (the
// ideal order). 0 when no item has a positive gain.
double GradedNdcgAtK(std::span<const int32_t> ranked, std::span<const double> gains, int32_t k);

// Share of the catalogue [0, num_items) that appears in at least one list.
double CatalogueCoverage(const std::vector<std::vector<int32_t>>& lists, int32_t num_items);

}  // namespace sobremesa::recommendation
