#include "models/sentiment/softmax_regression.h"

#include <algorithm>
#include <cmath>

namespace sobremesa::sentiment {

std::vector<float> FitSoftmaxRegression(const std::vector<float>& inputs, int width,
                                        const std::vector<int>& gold, int classes) {
  constexpr double kL2 = 1e-3, kStep = 0.5;
  constexpr int kIterations = 300;
  const int row = width + 1;  // weights and bias of one class
  const std::size_t n = gold.size();
  std::vector<float> folded(static_cast<std::size_t>(classes) * row, 0.0f);
  if (n == 0) return folded;
  const auto x = [&](std::size_t i, int j) { return inputs[i * width + j]; };
  // Standardised inputs: one step size suits every input.
  std::vector<double> mean(width, 0.0), sd(width, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (int j = 0; j < width; ++j) mean[j] += x(i, j);
  }
  for (double& m : mean) m /= static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (int j = 0; j < width; ++j) sd[j] += (x(i, j) - mean[j]) * (x(i, j) - mean[j]);
  }
  for (double& s : sd) s = std::max(1e-6, std::sqrt(s / static_cast<double>(n)));
  std::vector<double> z(n * width);
  for (std::size_t i = 0; i < n; ++i) {
    for (int j = 0; j < width; ++j) z[i * width + j] = (x(i, j) - mean[j]) / sd[j];
  }
  std::vector<double> w(static_cast<std::size_t>(classes) * row, 0.0);
  std::vector<double> gradient(w.size()), s(classes);
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    std::fill(gradient.begin(), gradient.end(), 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      const double* zi = z.data() + i * width;
      for (int c = 0; c < classes; ++c) {
        const double* wc = w.data() + c * row;
        s[c] = wc[width];
        for (int j = 0; j < width; ++j) s[c] += wc[j] * zi[j];
      }
      const double top = *std::max_element(s.begin(), s.end());
      double sum = 0.0;
      for (double& v : s) sum += v = std::exp(v - top);
      for (int c = 0; c < classes; ++c) {
        const double g = s[c] / sum - (c == gold[i] ? 1.0 : 0.0);
        double* gc = gradient.data() + c * row;
        for (int j = 0; j < width; ++j) gc[j] += g * zi[j];
        gc[width] += g;
      }
    }
    for (int c = 0; c < classes; ++c) {
      for (int j = 0; j < row; ++j) {
        double& wj = w[c * row + j];
        wj -= kStep * (gradient[c * row + j] / static_cast<double>(n) + (j < width ? kL2 * wj : 0.0));
      }
    }
  }
  // w (z) = w (x - mean) / sd: fold mean and sd into the weights and bias.
  for (int c = 0; c < classes; ++c) {
    double bias = w[c * row + width];
    for (int j = 0; j < width; ++j) {
      folded[c * row + j] = static_cast<float>(w[c * row + j] / sd[j]);
      bias -= w[c * row + j] * mean[j] / sd[j];
    }
    folded[c * row + width] = static_cast<float>(bias);
  }
  return folded;
}

}  // namespace sobremesa::sentiment
