#include "models/behaviour/kmeans.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <string>
#include <thread>

namespace sobremesa {
namespace {

double SquaredDistance(const double* a, const double* b, int dims) {
  double d = 0;
  for (int j = 0; j < dims; ++j) d += (a[j] - b[j]) * (a[j] - b[j]);
  return d;
}

// Points are summed in fixed blocks of this many, whatever the thread
// count, and the block sums added in block order: the result is then the
// same bit for bit on one thread or many.
constexpr size_t kBlock = 4096;

size_t BlockCount(size_t n) { return (n + kBlock - 1) / kBlock; }

// Runs fn(block, begin, end) for every block of [0, n), the blocks split
// into `threads` contiguous runs.
template <typename Fn>
void ForEachBlock(size_t n, int threads, Fn fn) {
  const size_t blocks = BlockCount(n);
  const size_t per_thread = (blocks + threads - 1) / threads;
  auto run = [&](size_t first, size_t last) {
    for (size_t b = first; b < last; ++b) fn(b, b * kBlock, std::min(n, (b + 1) * kBlock));
  };
  std::vector<std::thread> workers;
  for (int t = 1; t < threads; ++t) {
    const size_t first = std::min(blocks, t * per_thread);
    workers.emplace_back(run, first, std::min(blocks, first + per_thread));
  }
  run(0, std::min(blocks, per_thread));
  for (std::thread& w : workers) w.join();
}

struct Clustering {
  const std::vector<double>& points;
  size_t n;
  int dims;
  int threads;

  const double* Point(size_t i) const { return &points[i * dims]; }

  // k-means++: each next centre is drawn with probability proportional to
  // the squared distance to the nearest centre chosen so far.
  std::vector<double> Seed(int k, std::mt19937_64& rng) const {
    std::vector<double> centres;
    centres.reserve(size_t(k) * dims);
    const size_t first = rng() % n;
    centres.insert(centres.end(), Point(first), Point(first) + dims);
    std::vector<double> nearest(n, std::numeric_limits<double>::infinity());
    for (int c = 1; c < k; ++c) {
      const double* last = &centres[(c - 1) * dims];
      double total = 0;
      for (size_t i = 0; i < n; ++i) {
        nearest[i] = std::min(nearest[i], SquaredDistance(Point(i), last, dims));
        total += nearest[i];
      }
      size_t pick = rng() % n;  // all points coincide with a centre: any will do
      if (total > 0) {
        double target = std::uniform_real_distribution<double>(0, total)(rng);
        for (pick = 0; pick + 1 < n && (target -= nearest[pick]) > 0; ++pick) {
        }
      }
      centres.insert(centres.end(), Point(pick), Point(pick) + dims);
    }
    return centres;
  }

  // One Lloyd step: assigns every point, then moves each centre to the mean
  // of its points. Returns the inertia of the assignment.
  double Step(int k, std::vector<double>& centres, std::vector<int>& assignment) const {
    const size_t blocks = BlockCount(n);
    std::vector<std::vector<double>> sums(blocks, std::vector<double>(size_t(k) * dims, 0));
    std::vector<std::vector<size_t>> counts(blocks, std::vector<size_t>(k, 0));
    std::vector<double> inertia(blocks, 0);
    ForEachBlock(n, threads, [&](size_t b, size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        int best = 0;
        double best_d = std::numeric_limits<double>::infinity();
        for (int c = 0; c < k; ++c) {
          double d = SquaredDistance(Point(i), &centres[size_t(c) * dims], dims);
          if (d < best_d) best_d = d, best = c;
        }
        assignment[i] = best;
        inertia[b] += best_d;
        counts[b][best] += 1;
        for (int j = 0; j < dims; ++j) sums[b][size_t(best) * dims + j] += Point(i)[j];
      }
    });
    for (int c = 0; c < k; ++c) {
      size_t count = 0;
      for (size_t b = 0; b < blocks; ++b) count += counts[b][c];
      if (count == 0) continue;  // an emptied cluster keeps its centre
      for (int j = 0; j < dims; ++j) {
        double sum = 0;
        for (size_t b = 0; b < blocks; ++b) sum += sums[b][size_t(c) * dims + j];
        centres[size_t(c) * dims + j] = sum / count;
      }
    }
    double total = 0;
    for (double x : inertia) total += x;
    return total;
  }

  KMeansResult Run(const KMeansOptions& o, std::mt19937_64& rng) const {
    KMeansResult r{o.k, dims, Seed(o.k, rng), std::vector<int>(n, 0), 0, 0};
    double previous = std::numeric_limits<double>::infinity();
    for (r.iterations = 1; r.iterations <= o.max_iterations; ++r.iterations) {
      r.inertia = Step(o.k, r.centres, r.assignment);
      if (previous - r.inertia <= o.tolerance * previous) break;
      previous = r.inertia;
    }
    // The last step moved the centres after assigning; reassign so that the
    // assignment and inertia describe the centres returned.
    std::vector<double> final_centres = r.centres;
    r.inertia = Step(o.k, final_centres, r.assignment);
    return r;
  }
};

Status Validate(const std::vector<double>& points, int dims, int k) {
  if (dims < 1 || points.size() % dims != 0) {
    return Status::InvalidArgument("k-means: the point matrix is not n x " + std::to_string(dims));
  }
  for (double v : points) {
    if (!std::isfinite(v)) return Status::InvalidArgument("k-means: a value is not finite");
  }
  const size_t n = points.size() / dims;
  if (k < 1 || size_t(k) > n) {
    return Status::InvalidArgument("k-means: k = " + std::to_string(k) + " for " +
                                   std::to_string(n) + " points");
  }
  return Status::Ok();
}

}  // namespace

StatusOr<KMeansResult> FitKMeans(const std::vector<double>& points, int dims,
                                 const KMeansOptions& options) {
  RETURN_IF_ERROR(Validate(points, dims, options.k));
  const Clustering clustering{points, points.size() / dims, dims, std::max(1, options.threads)};
  std::mt19937_64 rng(options.seed);
  KMeansResult best;
  for (int restart = 0; restart < std::max(1, options.restarts); ++restart) {
    KMeansResult r = clustering.Run(options, rng);
    if (restart == 0 || r.inertia < best.inertia) best = std::move(r);
  }
  return best;
}

StatusOr<double> MeanSilhouette(const std::vector<double>& points, int dims,
                                const std::vector<int>& assignment, int k) {
  if (dims < 1 || points.size() != assignment.size() * dims) {
    return Status::InvalidArgument("silhouette: points and assignment sizes disagree");
  }
  const size_t n = assignment.size();
  std::vector<size_t> sizes(k, 0);
  for (int a : assignment) {
    if (a < 0 || a >= k) return Status::InvalidArgument("silhouette: cluster index out of range");
    sizes[a] += 1;
  }
  if (std::count_if(sizes.begin(), sizes.end(), [](size_t s) { return s > 0; }) < 2) {
    return Status::InvalidArgument("silhouette: needs at least two non-empty clusters");
  }
  double total = 0;
  std::vector<double> mean_distance(k);
  for (size_t i = 0; i < n; ++i) {
    std::fill(mean_distance.begin(), mean_distance.end(), 0.0);
    for (size_t j = 0; j < n; ++j) {
      mean_distance[assignment[j]] +=
          std::sqrt(SquaredDistance(&points[i * dims], &points[j * dims], dims));
    }
    const int own = assignment[i];
    if (sizes[own] == 1) continue;  // a singleton scores 0
    const double a = mean_distance[own] / (sizes[own] - 1);
    double b = std::numeric_limits<double>::infinity();
    for (int c = 0; c < k; ++c) {
      if (c != own && sizes[c] > 0) b = std::min(b, mean_distance[c] / sizes[c]);
    }
    const double spread = std::max(a, b);
    if (spread > 0) total += (b - a) / spread;
  }
  return total / n;
}

}  // namespace sobremesa
