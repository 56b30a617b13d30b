#pragma once
// The demo's only source of randomness. std::mt19937_64's output sequence is
// fixed by the C++ standard, but the std:: distributions are not (libstdc++,
// libc++ and MSVC draw different values from the same engine), so every draw
// goes through the small helpers below, written with integer and IEEE
// arithmetic only (no exp/log/cos, whose last bit may vary between libms).
// Same seed => same data on every machine.

#include <cstdint>
#include <random>
#include <span>

namespace sobremesa::demo {

class DemoRandom {
 public:
  explicit DemoRandom(std::uint64_t seed) : engine_(seed) {}

  // An independent stream for one part of the generation (a guest, a stage),
  // so adding draws in one place does not shift every later value.
  static DemoRandom ForStream(std::uint64_t seed, std::uint64_t stream);

  std::uint64_t Next() { return engine_(); }
  // Uniform in [0, 1) with 53 random bits.
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [lo, hi] (inclusive); lo <= hi.
  int Int(int lo, int hi);
  bool Chance(double p) { return Uniform() < p; }
  // Approximately standard normal (Irwin–Hall sum of 12 uniforms), bounded
  // to [-6, 6], which suits tastes and ratings better than true tails.
  double Normal();
  // Binomial(n, p): count of successes, for small n.
  int Binomial(int n, double p);
  // Index drawn with probability proportional to weights[i] (all >= 0, sum > 0).
  size_t Weighted(std::span<const double> weights);

  template <typename T>
  const T& Pick(std::span<const T> values) {
    return values[static_cast<size_t>(Int(0, static_cast<int>(values.size()) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

// A positive weight growing like exp(x) (within 15 % of it on [-3, 3]),
// computed as (1 + x/32)^32 by repeated squaring so it is bit-identical
// everywhere. Used to turn taste scores into choice weights.
double SoftWeight(double x);

}  // namespace sobremesa::demo
