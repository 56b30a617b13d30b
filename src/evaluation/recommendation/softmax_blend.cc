#include "evaluation/recommendation/softmax_blend.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sobremesa::recommendation {
namespace {

Status CheckFeatures(const RankingFeatures& f) {
  if (f.width == 0) return Status::InvalidArgument("ranking features: width is 0");
  if (f.values.size() % f.width != 0) {
    return Status::InvalidArgument("ranking features: " + std::to_string(f.values.size()) +
                                   " values are not rows of " + std::to_string(f.width));
  }
  const size_t rows = f.values.size() / f.width;
  if (f.case_starts.size() < 2 || f.case_starts.front() != 0 || f.case_starts.back() != rows) {
    return Status::InvalidArgument("ranking features: case starts must run from 0 to the " +
                                   std::to_string(rows) + " rows");
  }
  for (size_t c = 0; c + 1 < f.case_starts.size(); ++c) {
    if (f.case_starts[c + 1] < f.case_starts[c] + 2) {
      return Status::InvalidArgument("ranking features: case " + std::to_string(c) +
                                     " has fewer than two candidates");
    }
  }
  for (float v : f.values) {
    if (!std::isfinite(v)) return Status::InvalidArgument("ranking features: a value is not finite");
  }
  return Status::Ok();
}

size_t Cases(const RankingFeatures& f) { return f.case_starts.size() - 1; }

const float* Row(const RankingFeatures& f, size_t row) { return &f.values[row * f.width]; }

double Dot(const float* x, const std::vector<double>& w) {
  double s = 0;
  for (size_t i = 0; i < w.size(); ++i) s += x[i] * w[i];
  return s;
}

// Each row's softmax probability within its case, into `p`; returns the
// mean loss per case plus the penalty.
double Probabilities(const RankingFeatures& f, const std::vector<double>& w, double l2,
                     std::vector<double>& p) {
  p.resize(f.values.size() / f.width);
  double loss = 0;
  for (size_t c = 0; c < Cases(f); ++c) {
    const size_t begin = f.case_starts[c], end = f.case_starts[c + 1];
    double top = -INFINITY;
    for (size_t j = begin; j < end; ++j) {
      p[j] = Dot(Row(f, j), w);
      top = std::max(top, p[j]);
    }
    const double held_out = p[begin];
    double total = 0;
    for (size_t j = begin; j < end; ++j) total += (p[j] = std::exp(p[j] - top));
    for (size_t j = begin; j < end; ++j) p[j] /= total;
    loss += top + std::log(total) - held_out;
  }
  double norm = 0;
  for (double x : w) norm += x * x;
  return loss / Cases(f) + 0.5 * l2 * norm;
}

// Gradient and Hessian (row-major, full) of the mean loss plus penalty at
// the probabilities `p`: per case E_p[x] − x_held_out and Cov_p[x].
void GradientAndHessian(const RankingFeatures& f, const std::vector<double>& w,
                        const std::vector<double>& p, double l2, std::vector<double>& gradient,
                        std::vector<double>& hessian) {
  const size_t d = f.width;
  gradient.assign(d, 0);
  hessian.assign(d * d, 0);
  std::vector<double> mean(d), centred(d);
  for (size_t c = 0; c < Cases(f); ++c) {
    const size_t begin = f.case_starts[c], end = f.case_starts[c + 1];
    std::fill(mean.begin(), mean.end(), 0);
    for (size_t j = begin; j < end; ++j) {
      const float* x = Row(f, j);
      for (size_t a = 0; a < d; ++a) mean[a] += p[j] * x[a];
    }
    const float* held_out = Row(f, begin);
    for (size_t a = 0; a < d; ++a) gradient[a] += mean[a] - held_out[a];
    for (size_t j = begin; j < end; ++j) {
      const float* x = Row(f, j);
      for (size_t a = 0; a < d; ++a) centred[a] = x[a] - mean[a];
      for (size_t a = 0; a < d; ++a) {
        const double pa = p[j] * centred[a];
        double* out = &hessian[a * d];
        for (size_t b = a; b < d; ++b) out[b] += pa * centred[b];
      }
    }
  }
  const double n = static_cast<double>(Cases(f));
  for (size_t a = 0; a < d; ++a) {
    gradient[a] = gradient[a] / n + l2 * w[a];
    for (size_t b = a; b < d; ++b) {
      hessian[a * d + b] /= n;
      hessian[b * d + a] = hessian[a * d + b];
    }
    hessian[a * d + a] += l2;
  }
}

// Solves A·x = b for a symmetric positive semi-definite A by Cholesky, with
// a tiny ridge added if a pivot vanishes (collinear features with l2 0).
std::vector<double> Solve(std::vector<double> a, std::vector<double> b) {
  const size_t d = b.size();
  double largest = 0;
  for (size_t i = 0; i < d; ++i) largest = std::max(largest, a[i * d + i]);
  const double floor = 1e-12 * std::max(largest, 1e-300);
  for (size_t j = 0; j < d; ++j) {
    double pivot = a[j * d + j];
    for (size_t k = 0; k < j; ++k) pivot -= a[j * d + k] * a[j * d + k];
    pivot = std::sqrt(std::max(pivot, floor));
    a[j * d + j] = pivot;
    for (size_t i = j + 1; i < d; ++i) {
      double s = a[i * d + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * d + k] * a[j * d + k];
      a[i * d + j] = s / pivot;
    }
  }
  for (size_t i = 0; i < d; ++i) {  // L·y = b
    for (size_t k = 0; k < i; ++k) b[i] -= a[i * d + k] * b[k];
    b[i] /= a[i * d + i];
  }
  for (size_t i = d; i-- > 0;) {  // Lᵀ·x = y
    for (size_t k = i + 1; k < d; ++k) b[i] -= a[k * d + i] * b[k];
    b[i] /= a[i * d + i];
  }
  return b;
}

}  // namespace

StatusOr<std::vector<double>> FitSoftmaxBlend(const RankingFeatures& features,
                                              const SoftmaxBlendOptions& options) {
  RETURN_IF_ERROR(CheckFeatures(features));
  if (!(options.l2 >= 0)) return Status::InvalidArgument("softmax blend: l2 must be >= 0");
  std::vector<double> w(features.width, 0), p, gradient, hessian, trial_p;
  double loss = Probabilities(features, w, options.l2, p);
  for (int32_t step = 0; step < options.max_steps; ++step) {
    GradientAndHessian(features, w, p, options.l2, gradient, hessian);
    const std::vector<double> direction = Solve(hessian, gradient);
    double slope = 0;
    for (size_t a = 0; a < w.size(); ++a) slope += gradient[a] * direction[a];
    // Backtracking (Armijo) along the Newton direction: the full step is
    // taken near the optimum, a shorter one far from it.
    double t = 1, trial_loss = loss;
    std::vector<double> trial(w.size());
    for (int32_t halvings = 0; halvings < 40; ++halvings, t /= 2) {
      for (size_t a = 0; a < w.size(); ++a) trial[a] = w[a] - t * direction[a];
      trial_loss = Probabilities(features, trial, options.l2, trial_p);
      if (trial_loss <= loss - 1e-4 * t * slope) break;
    }
    if (!(trial_loss < loss)) break;
    const double gain = loss - trial_loss;
    w = trial;
    p.swap(trial_p);
    loss = trial_loss;
    if (gain < options.tolerance) break;
  }
  return w;
}

StatusOr<std::vector<float>> ScoreSoftmaxBlend(const RankingFeatures& features,
                                               std::span<const double> weights) {
  if (weights.size() != features.width || features.width == 0) {
    return Status::InvalidArgument("softmax blend: " + std::to_string(weights.size()) +
                                   " weights for features of width " +
                                   std::to_string(features.width));
  }
  const std::vector<double> w(weights.begin(), weights.end());
  std::vector<float> scores(features.values.size() / features.width);
  for (size_t j = 0; j < scores.size(); ++j) {
    scores[j] = static_cast<float>(Dot(Row(features, j), w));
  }
  return scores;
}

}  // namespace sobremesa::recommendation
