#include "models/behaviour/rfm_scores.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sobremesa {
namespace {

// 1 + floor(5 * (values strictly below v) / n): ties share the lower score.
std::vector<int> Quintiles(const std::vector<double>& values) {
  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const double n = static_cast<double>(values.size());
  std::vector<int> scores;
  scores.reserve(values.size());
  for (double v : values) {
    double below = std::lower_bound(sorted.begin(), sorted.end(), v) - sorted.begin();
    scores.push_back(1 + std::min(4, static_cast<int>(5 * below / n)));
  }
  return scores;
}

}  // namespace

StatusOr<std::vector<RfmScore>> ScoreRfm(const std::vector<RfmInput>& guests) {
  std::vector<double> recency, frequency, monetary;
  for (size_t i = 0; i < guests.size(); ++i) {
    const RfmInput& g = guests[i];
    if (!(g.days_since_last_visit >= 0) || !(g.visits >= 0) || !(g.mean_spend >= 0) ||
        !std::isfinite(g.days_since_last_visit + g.visits + g.mean_spend)) {
      return Status::InvalidArgument("RFM: guest " + std::to_string(i) +
                                     " has a negative or non-finite value");
    }
    recency.push_back(-g.days_since_last_visit);  // more recent ranks higher
    frequency.push_back(g.visits);
    monetary.push_back(g.mean_spend);
  }
  std::vector<int> r = Quintiles(recency), f = Quintiles(frequency), m = Quintiles(monetary);
  std::vector<RfmScore> scores(guests.size());
  for (size_t i = 0; i < guests.size(); ++i) scores[i] = {r[i], f[i], m[i]};
  return scores;
}

}  // namespace sobremesa
