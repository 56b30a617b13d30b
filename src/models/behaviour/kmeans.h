#pragma once
// k-means clustering with k-means++ seeding (Arthur & Vassilvitskii 2007)
// and Lloyd iterations, plus the mean silhouette used to choose k. Points
// are rows of a dense row-major matrix. Deterministic for a given seed and
// thread count-independent: the threads split the points in fixed blocks
// and their partial sums are added in block order.

#include <cstdint>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct KMeansOptions {
  int k = 4;
  std::uint64_t seed = 1;
  int restarts = 2;         // independent seedings; the lowest inertia wins
  int max_iterations = 60;  // Lloyd iterations per restart
  double tolerance = 1e-6;  // stop when inertia improves by less than this fraction
  int threads = 2;
};

struct KMeansResult {
  int k = 0;
  int dims = 0;
  std::vector<double> centres;  // k x dims, row-major
  std::vector<int> assignment;  // one cluster index per point
  double inertia = 0;           // sum of squared distances to the assigned centre
  int iterations = 0;           // of the winning restart
};

// Clusters `points` (n x dims, row-major). InvalidArgument when dims < 1,
// the matrix is ragged, a value is not finite, or k is outside [1, n].
// A cluster that empties keeps its previous centre.
StatusOr<KMeansResult> FitKMeans(const std::vector<double>& points, int dims,
                                 const KMeansOptions& options);

// Mean silhouette (Rousseeuw 1987) of `assignment` over `points`, in
// [-1, 1]; higher means tighter, better separated clusters. O(n^2 dims):
// call it on a sample. A point alone in its cluster scores 0.
// InvalidArgument when sizes disagree or fewer than two clusters are used.
StatusOr<double> MeanSilhouette(const std::vector<double>& points, int dims,
                                const std::vector<int>& assignment, int k);

}  // namespace sobremesa
