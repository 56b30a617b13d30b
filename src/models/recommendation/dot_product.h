#pragma once
// The inner loop of every factor model: training (iALS's conjugate
// gradient, sampled MF's SGD steps) and serving (HybridModel's scores).

#include <cstdint>

namespace sobremesa::recommendation {

// a·b over n floats in eight independent sums, so that the compiler can
// keep them in vector registers: one running sum is a chain of dependent
// additions it may not reorder.
inline float Dot(const float* a, const float* b, int32_t n) {
  float lanes[8] = {};
  int32_t k = 0;
  for (; k + 8 <= n; k += 8) {
    for (int32_t j = 0; j < 8; ++j) lanes[j] += a[k + j] * b[k + j];
  }
  float sum = 0;
  for (; k < n; ++k) sum += a[k] * b[k];
  for (float lane : lanes) sum += lane;
  return sum;
}

}  // namespace sobremesa::recommendation
