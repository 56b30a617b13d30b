#include "models/behaviour/guest_segmentation.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "models/behaviour/kmeans.h"

namespace sobremesa {
namespace {

constexpr int kBehaviourFeatures = 7;  // before the taste columns
// How far from the mean (in standard deviations) a centre must sit before
// the description names the trait.
constexpr double kNotable = 0.5;

Status Validate(const std::vector<GuestBehaviour>& guests, size_t tastes) {
  if (guests.empty()) return Status::InvalidArgument("segmentation: no guest with a visit");
  for (size_t i = 0; i < guests.size(); ++i) {
    const GuestBehaviour& g = guests[i];
    bool ok = g.taste.size() == tastes;
    for (double v : {g.days_since_last_visit, g.visits, g.mean_spend, g.mean_party_size,
                     g.celebration_share, g.business_share, g.date_share}) {
      ok = ok && std::isfinite(v) && v >= 0;
    }
    for (double v : g.taste) ok = ok && std::isfinite(v) && v >= 0;
    if (!ok) {
      return Status::InvalidArgument("segmentation: guest " + std::to_string(i) +
                                     " has a negative or non-finite value or a taste row of "
                                     "the wrong width");
    }
  }
  return Status::Ok();
}

std::vector<double> RawFeatures(const GuestBehaviour& g) {
  std::vector<double> row = {std::log1p(g.days_since_last_visit),
                             std::log1p(g.visits),
                             std::log1p(g.mean_spend),
                             g.mean_party_size,
                             g.celebration_share,
                             g.business_share,
                             g.date_share};
  row.insert(row.end(), g.taste.begin(), g.taste.end());
  return row;
}

// Column means and standard deviations (1 for a constant column).
struct Scaling {
  std::vector<double> mean, scale, weight;
};

Scaling FitScaling(const std::vector<double>& raw, size_t n, int dims) {
  Scaling s{std::vector<double>(dims, 0), std::vector<double>(dims, 0),
            std::vector<double>(dims, 1)};
  for (size_t i = 0; i < n; ++i) {
    for (int j = 0; j < dims; ++j) s.mean[j] += raw[i * dims + j] / n;
  }
  for (size_t i = 0; i < n; ++i) {
    for (int j = 0; j < dims; ++j) s.scale[j] += std::pow(raw[i * dims + j] - s.mean[j], 2) / n;
  }
  for (double& v : s.scale) v = v > 1e-12 ? std::sqrt(v) : 1;
  // Taste counts as much as four behaviour features in total, however many
  // categories the menu has: a 12-category menu must not drown recency and
  // spend.
  const int tastes = dims - kBehaviourFeatures;
  for (int j = kBehaviourFeatures; j < dims; ++j) s.weight[j] = std::sqrt(4.0 / tastes);
  return s;
}

// A deterministic sample of at most `size` row indices.
std::vector<size_t> Sample(size_t n, int size, std::uint64_t seed) {
  std::vector<size_t> rows(n);
  std::iota(rows.begin(), rows.end(), 0);
  if (n <= size_t(size)) return rows;
  std::mt19937_64 rng(seed);
  std::shuffle(rows.begin(), rows.end(), rng);
  rows.resize(size);
  return rows;
}

std::vector<double> Rows(const std::vector<double>& points, const std::vector<size_t>& rows,
                         int dims) {
  std::vector<double> out;
  out.reserve(rows.size() * dims);
  for (size_t r : rows) out.insert(out.end(), &points[r * dims], &points[r * dims] + dims);
  return out;
}

// The k in [min_k, max_k] with the highest mean silhouette on a sample;
// ties go to the smaller k.
struct ChosenK {
  int k = 1;
  double silhouette = 0;
};

StatusOr<ChosenK> ChooseK(const std::vector<double>& points, size_t n, int dims,
                          const SegmentationOptions& o) {
  const int max_k = std::min<size_t>(o.max_k, n), min_k = std::min(o.min_k, max_k);
  if (max_k < 2) return ChosenK{};
  const std::vector<size_t> rows = Sample(n, o.k_selection_sample, o.seed);
  const std::vector<double> sample = Rows(points, rows, dims);
  const size_t scored = std::min<size_t>(rows.size(), o.silhouette_sample);
  const std::vector<double> scored_points(sample.begin(), sample.begin() + scored * dims);
  ChosenK best{min_k, -2};
  for (int k = std::max(2, min_k); k <= max_k; ++k) {
    KMeansOptions km{.k = k, .seed = o.seed, .threads = o.threads};
    ASSIGN_OR_RETURN(KMeansResult fit, FitKMeans(sample, dims, km));
    std::vector<int> scored_assignment(fit.assignment.begin(), fit.assignment.begin() + scored);
    // Identical guests leave a single non-empty cluster: no separation at all.
    StatusOr<double> s = MeanSilhouette(scored_points, dims, scored_assignment, k);
    const double value = s.ok() ? *s : -1;
    if (value > best.silhouette) best = {k, value};
  }
  return best;
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (!p.empty()) out += (out.empty() ? "" : separator) + p;
  }
  return out;
}

// The index in [begin, end) with the largest value, if it is notable.
int Dominant(const std::vector<double>& centre, size_t begin, size_t end) {
  int best = -1;
  for (size_t j = begin; j < end && j < centre.size(); ++j) {
    if (centre[j] >= kNotable && (best < 0 || centre[j] > centre[best])) best = int(j);
  }
  return best;
}

// Segments ordered by size (largest first; ties by centre for determinism)
// and numbered from 1.
std::vector<int> OrderBySize(const std::vector<std::int64_t>& sizes) {
  std::vector<int> order(sizes.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sizes[a] > sizes[b]; });
  std::vector<int> id_of_cluster(sizes.size());
  for (size_t rank = 0; rank < order.size(); ++rank) id_of_cluster[order[rank]] = int(rank) + 1;
  return id_of_cluster;
}

}  // namespace

std::vector<std::string> SegmentFeatureNames(const std::vector<std::string>& taste_categories) {
  std::vector<std::string> names = {
      "log1p_days_since_last_visit", "log1p_visits",   "log1p_mean_spend", "mean_party_size",
      "celebration_share",           "business_share", "date_share"};
  for (const std::string& c : taste_categories) names.push_back("taste_" + c);
  return names;
}

std::string DescribeSegment(const std::vector<double>& c,
                            const std::vector<std::string>& taste_categories) {
  std::vector<std::string> who;
  if (c[0] >= kNotable) who.push_back("lapsed");
  if (c[0] <= -kNotable) who.push_back("recent");
  if (c[1] >= kNotable) who.push_back("regular");
  if (c[1] <= -kNotable) who.push_back("occasional");
  static const char* kOccasions[] = {"celebration", "business", "date-night"};
  if (int o = Dominant(c, 4, kBehaviourFeatures); o >= 0) {
    who.push_back(kOccasions[o - 4]);
  }
  if (c[3] >= 2 * kNotable) who.push_back("large-party");
  if (who.empty()) who.push_back("typical");  // a centre near the mean on every count
  who.push_back("guests");
  std::string taste = "varied tastes";
  if (int t = Dominant(c, kBehaviourFeatures, c.size()); t >= 0) {
    taste = taste_categories[t - kBehaviourFeatures] + " lovers";
    std::replace(taste.begin(), taste.end(), '_', ' ');  // "non_alcoholic" reads as words
  }
  const std::string spend = c[2] >= kNotable    ? "high spend"
                            : c[2] <= -kNotable ? "modest spend"
                                                : "average spend";
  return Join({Join(who, " "), taste, spend}, ", ");
}

StatusOr<Segmentation> SegmentGuests(const std::vector<GuestBehaviour>& guests,
                                     const std::vector<std::string>& taste_categories,
                                     const SegmentationOptions& options) {
  RETURN_IF_ERROR(Validate(guests, taste_categories.size()));
  const size_t n = guests.size();
  const int dims = kBehaviourFeatures + int(taste_categories.size());
  std::vector<double> points;
  points.reserve(n * dims);
  for (const GuestBehaviour& g : guests) {
    std::vector<double> row = RawFeatures(g);
    points.insert(points.end(), row.begin(), row.end());
  }
  const Scaling scaling = FitScaling(points, n, dims);
  for (size_t i = 0; i < n; ++i) {
    for (int j = 0; j < dims; ++j) {
      double& v = points[i * dims + j];
      v = (v - scaling.mean[j]) / scaling.scale[j] * scaling.weight[j];
    }
  }
  ASSIGN_OR_RETURN(ChosenK chosen, ChooseK(points, n, dims, options));
  KMeansOptions km{.k = chosen.k, .seed = options.seed, .threads = options.threads};
  ASSIGN_OR_RETURN(KMeansResult fit, FitKMeans(points, dims, km));

  std::vector<std::int64_t> sizes(fit.k, 0);
  for (int a : fit.assignment) sizes[a] += 1;
  const std::vector<int> id_of_cluster = OrderBySize(sizes);
  Segmentation out;
  out.feature_names = SegmentFeatureNames(taste_categories);
  out.silhouette = chosen.k > 1 ? chosen.silhouette : 0;
  out.segments.resize(fit.k);
  for (int c = 0; c < fit.k; ++c) {
    if (sizes[c] == 0) continue;  // dropped below: no one to describe
    Segment& s = out.segments[id_of_cluster[c] - 1];
    s.id = id_of_cluster[c];
    s.size = sizes[c];
    for (int j = 0; j < dims; ++j)
      s.centre.push_back(fit.centres[size_t(c) * dims + j] / scaling.weight[j]);
    s.description = DescribeSegment(s.centre, taste_categories);
  }
  // Clusters that emptied (identical guests, or fewer distinct guests than
  // k) are numbered last by OrderBySize; they are not segments.
  std::erase_if(out.segments, [](const Segment& s) { return s.size == 0; });
  out.segment_of_guest.reserve(n);
  for (int a : fit.assignment) out.segment_of_guest.push_back(id_of_cluster[a]);
  return out;
}

}  // namespace sobremesa
