#include "evaluation/recommendation/blend_features.h"

#include <cmath>

namespace sobremesa::recommendation {

void StandardiseInto(std::span<const double> values, std::vector<double>& out) {
  out.assign(values.begin(), values.end());
  double mean = 0, square = 0;
  for (double v : out) mean += v / out.size();
  for (double v : out) square += (v - mean) * (v - mean) / out.size();
  const double scale = square > 0 ? 1 / std::sqrt(square) : 0;
  for (double& v : out) v = (v - mean) * scale;
}

RankingFeatures BlendFeatures(std::span<const CandidateScores* const> members,
                              const std::vector<HeldOutCase>& cases, const InteractionData& data,
                              const BlendFeatureSet& set) {
  std::vector<double> counts(data.num_items, 0);
  for (const std::vector<int32_t>& items : data.items_by_user) {
    for (int32_t item : items) counts[item] += 1;
  }
  std::vector<double> length;
  for (const HeldOutCase& c : cases) {
    length.push_back(std::log1p(static_cast<double>(data.items_by_user[c.user].size())));
  }
  std::vector<double> history;
  StandardiseInto(length, history);
  const size_t m = members.size();
  RankingFeatures f;
  f.width = m + (set.history ? 2 * m : 0) + (set.popularity ? m + 2 : 0) +
            (set.products ? m * (m + 1) / 2 : 0);
  f.case_starts.push_back(0);
  std::vector<std::vector<double>> z(m);
  std::vector<double> raw, popularity;
  for (size_t c = 0; c < cases.size(); ++c) {
    const size_t at = f.case_starts.back(), n = cases[c].negatives.size() + 1;
    for (size_t j = 0; j < m; ++j) {
      const CandidateScores& scores = *members[j];
      raw.assign(scores.begin() + at, scores.begin() + at + n);
      StandardiseInto(raw, z[j]);
    }
    raw.assign(1, std::log1p(counts[cases[c].item]));
    for (int32_t item : cases[c].negatives) raw.push_back(std::log1p(counts[item]));
    StandardiseInto(raw, popularity);
    const double h = history[c];
    for (size_t r = 0; r < n; ++r) {
      for (size_t j = 0; j < m; ++j) f.values.push_back(z[j][r]);
      if (set.history) {
        for (size_t j = 0; j < m; ++j) f.values.push_back(z[j][r] * h);
        for (size_t j = 0; j < m; ++j) f.values.push_back(z[j][r] * h * h);
      }
      if (set.popularity) {
        f.values.push_back(popularity[r]);
        f.values.push_back(popularity[r] * h);
        for (size_t j = 0; j < m; ++j) f.values.push_back(z[j][r] * popularity[r]);
      }
      if (set.products) {
        for (size_t a = 0; a < m; ++a) {
          for (size_t b = a; b < m; ++b) f.values.push_back(z[a][r] * z[b][r]);
        }
      }
    }
    f.case_starts.push_back(at + n);
  }
  return f;
}

}  // namespace sobremesa::recommendation
