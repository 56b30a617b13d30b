#include "models/behaviour/kmeans.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace sobremesa {
namespace {

// `per` points around each of `centres` (2-D) with the given spread.
std::vector<double> Blobs(const std::vector<std::pair<double, double>>& centres, int per,
                          double spread, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, spread);
  std::vector<double> points;
  for (auto [x, y] : centres) {
    for (int i = 0; i < per; ++i) {
      points.push_back(x + noise(rng));
      points.push_back(y + noise(rng));
    }
  }
  return points;
}

TEST(KMeansTest, RecoversWellSeparatedBlobs) {
  auto points = Blobs({{0, 0}, {10, 0}, {0, 10}}, 200, 0.5, 3);
  auto fit = FitKMeans(points, 2, {.k = 3, .seed = 7});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  for (int blob = 0; blob < 3; ++blob) {
    std::set<int> labels(fit->assignment.begin() + blob * 200,
                         fit->assignment.begin() + (blob + 1) * 200);
    EXPECT_EQ(labels.size(), 1u) << "blob " << blob << " split across clusters";
  }
  EXPECT_LT(fit->inertia / points.size(), 0.5);
}

TEST(KMeansTest, SameSeedSameResultWhateverTheThreads) {
  auto points = Blobs({{0, 0}, {3, 1}, {1, 4}, {5, 5}}, 300, 1.5, 4);
  auto one = FitKMeans(points, 2, {.k = 4, .seed = 11, .threads = 1});
  auto two = FitKMeans(points, 2, {.k = 4, .seed = 11, .threads = 2});
  ASSERT_TRUE(one.ok() && two.ok());
  EXPECT_EQ(one->assignment, two->assignment);
  EXPECT_EQ(one->centres, two->centres);
}

TEST(KMeansTest, IdenticalPointsDoNotBreakSeedingOrSilhouette) {
  std::vector<double> points(2 * 50, 1.0);
  auto fit = FitKMeans(points, 2, {.k = 3});
  ASSERT_TRUE(fit.ok()) << fit.status().ToString();
  EXPECT_DOUBLE_EQ(fit->inertia, 0);
  for (double c : fit->centres) EXPECT_TRUE(std::isfinite(c));
  EXPECT_FALSE(MeanSilhouette(points, 2, fit->assignment, 3).ok());  // one non-empty cluster
}

TEST(KMeansTest, SilhouetteIsHigherForTheTrueNumberOfClusters) {
  auto points = Blobs({{0, 0}, {10, 0}, {0, 10}}, 100, 0.7, 5);
  double s3 = *MeanSilhouette(points, 2, FitKMeans(points, 2, {.k = 3})->assignment, 3);
  double s6 = *MeanSilhouette(points, 2, FitKMeans(points, 2, {.k = 6})->assignment, 6);
  EXPECT_GT(s3, 0.8);
  EXPECT_GT(s3, s6);
}

TEST(KMeansTest, RejectsImpossibleK) {
  std::vector<double> points = {0, 0, 1, 1};
  EXPECT_FALSE(FitKMeans(points, 2, {.k = 3}).ok());
  EXPECT_FALSE(FitKMeans(points, 2, {.k = 0}).ok());
  EXPECT_FALSE(FitKMeans({0, 0, 1}, 2, {.k = 1}).ok());
}

}  // namespace
}  // namespace sobremesa
