#include "selection/recommendation/ranking_metrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace sobremesa::recommendation {
namespace {

bool Contains(std::span<const int32_t> items, int32_t item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

int32_t PessimisticRank(float target, std::span<const float> others) {
  return static_cast<int32_t>(
      std::count_if(others.begin(), others.end(), [&](float s) { return s >= target; }));
}

double HitAtK(int32_t rank, int32_t k) { return rank < k ? 1.0 : 0.0; }

double NdcgAtK(int32_t rank, int32_t k) { return rank < k ? 1.0 / std::log2(rank + 2.0) : 0.0; }

double RecallAtK(std::span<const int32_t> ranked, std::span<const int32_t> relevant, int32_t k) {
  if (relevant.empty()) return 0;
  const size_t n = std::min<size_t>(k, ranked.size());
  const auto hits = std::count_if(ranked.begin(), ranked.begin() + n,
                                  [&](int32_t item) { return Contains(relevant, item); });
  return static_cast<double>(hits) / std::min<size_t>(k, relevant.size());
}

double NdcgAtK(std::span<const int32_t> ranked, std::span<const int32_t> relevant, int32_t k) {
  if (relevant.empty()) return 0;
  double dcg = 0, ideal = 0;
  for (size_t r = 0; r < std::min<size_t>(k, ranked.size()); ++r) {
    if (Contains(relevant, ranked[r])) dcg += 1.0 / std::log2(r + 2.0);
  }
  for (size_t r = 0; r < std::min<size_t>(k, relevant.size()); ++r)
    ideal += 1.0 / std::log2(r + 2.0);
  return dcg / ideal;
}

double GradedNdcgAtK(std::span<const int32_t> ranked, std::span<const double> gains, int32_t k) {
  double dcg = 0, ideal = 0;
  for (size_t r = 0; r < std::min<size_t>(k, ranked.size()); ++r) {
    dcg += gains[ranked[r]] / std::log2(r + 2.0);
  }
  std::vector<double> best(gains.begin(), gains.end());
  const size_t n = std::min<size_t>(k, best.size());
  std::partial_sort(best.begin(), best.begin() + n, best.end(), std::greater<>());
  for (size_t r = 0; r < n; ++r) ideal += best[r] / std::log2(r + 2.0);
  return ideal > 0 ? dcg / ideal : 0;
}

double CatalogueCoverage(const std::vector<std::vector<int32_t>>& lists, int32_t num_items) {
  if (num_items <= 0) return 0;
  std::vector<bool> seen(num_items, false);
  for (const std::vector<int32_t>& list : lists) {
    for (int32_t item : list) {
      if (item >= 0 && item < num_items) seen[item] = true;
    }
  }
  return static_cast<double>(std::count(seen.begin(), seen.end(), true)) / num_items;
}

}  // namespace sobremesa::recommendation
