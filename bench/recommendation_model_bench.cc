// Serving cost of the learned recommendation models (issue 3): score every
// item of a 150-item menu for one guest and keep the best 10, reading the
// trained weights directly (no LibTorch on this path).

#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <vector>

#include "models/recommendation/biased_mf_model.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {
namespace {

constexpr int32_t kMenuItems = 150;

std::vector<float> RandomWeights(size_t n, uint32_t seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> normal(0, 0.1f);
  std::vector<float> w(n);
  for (float& v : w) v = normal(rng);
  return w;
}

void TopTen(std::vector<float>& scores, std::vector<int32_t>& order) {
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + 10, order.end(),
                    [&](int32_t a, int32_t b) { return scores[a] > scores[b]; });
}

// EASE / item-kNN: a guest with `history` past dishes.
void BM_ItemToItemScoreAndRank(benchmark::State& state) {
  const ItemToItemModel model(kMenuItems, RandomWeights(kMenuItems * kMenuItems, 1));
  std::vector<int32_t> history(state.range(0));
  std::iota(history.begin(), history.end(), 0);
  std::vector<float> scores(kMenuItems);
  std::vector<int32_t> order(kMenuItems);
  for (auto _ : state) {
    model.ScoreAll(history, scores);
    TopTen(scores, order);
    benchmark::DoNotOptimize(order.data());
  }
}
BENCHMARK(BM_ItemToItemScoreAndRank)->Arg(5)->Arg(20);

// Biased MF with 64 factors.
void BM_BiasedMfScoreAndRank(benchmark::State& state) {
  constexpr int32_t kDim = 64, kGuests = 1000;
  const BiasedMfModel model(kGuests, kMenuItems, kDim, 3.5f, RandomWeights(kGuests, 2),
                            RandomWeights(kMenuItems, 3), RandomWeights(kGuests * kDim, 4),
                            RandomWeights(kMenuItems * kDim, 5));
  std::vector<float> scores(kMenuItems);
  std::vector<int32_t> order(kMenuItems);
  for (auto _ : state) {
    for (int32_t i = 0; i < kMenuItems; ++i) scores[i] = model.Predict(7, i, 1, 5);
    TopTen(scores, order);
    benchmark::DoNotOptimize(order.data());
  }
}
BENCHMARK(BM_BiasedMfScoreAndRank);

}  // namespace
}  // namespace sobremesa::recommendation

BENCHMARK_MAIN();
