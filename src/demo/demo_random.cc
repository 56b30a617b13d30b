#include "demo/demo_random.h"

#include <algorithm>

namespace sobremesa::demo {

DemoRandom DemoRandom::ForStream(std::uint64_t seed, std::uint64_t stream) {
  // SplitMix64 finaliser: nearby (seed, stream) pairs give unrelated engines.
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (stream + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return DemoRandom(z ^ (z >> 31));
}

int DemoRandom::Int(int lo, int hi) {
  const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
  // Modulo bias is below span / 2^64, far under any effect we could measure.
  return lo + static_cast<int>(Next() % span);
}

double DemoRandom::Normal() {
  double sum = 0;
  for (int i = 0; i < 12; ++i) sum += Uniform();
  return sum - 6.0;
}

int DemoRandom::Binomial(int n, double p) {
  int count = 0;
  for (int i = 0; i < n; ++i) count += Chance(p) ? 1 : 0;
  return count;
}

size_t DemoRandom::Weighted(std::span<const double> weights) {
  double total = 0;
  for (double w : weights) total += w;
  double target = Uniform() * total;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding can leave target just above the last positive weight.
  for (size_t i = weights.size(); i > 0; --i) {
    if (weights[i - 1] > 0) return i - 1;
  }
  return 0;
}

double SoftWeight(double x) {
  double base = 1.0 + std::clamp(x, -31.0, 31.0) / 32.0;
  for (int i = 0; i < 5; ++i) base *= base;  // ^32
  return base;
}

}  // namespace sobremesa::demo
