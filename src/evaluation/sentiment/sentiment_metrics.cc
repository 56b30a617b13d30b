#include "evaluation/sentiment/sentiment_metrics.h"

#include <algorithm>
#include <array>
#include <set>

namespace sobremesa::evaluation {

double AspectCategoryF1(const std::vector<std::vector<std::string>>& gold,
                        const std::vector<std::vector<std::string>>& predicted) {
  long tp = 0, n_gold = 0, n_predicted = 0;
  for (std::size_t i = 0; i < gold.size() && i < predicted.size(); ++i) {
    const std::set<std::string> g(gold[i].begin(), gold[i].end());
    const std::set<std::string> p(predicted[i].begin(), predicted[i].end());
    n_gold += static_cast<long>(g.size());
    n_predicted += static_cast<long>(p.size());
    for (const std::string& c : p) tp += static_cast<long>(g.count(c));
  }
  if (n_gold + n_predicted == 0) return 0.0;
  return 2.0 * static_cast<double>(tp) / static_cast<double>(n_gold + n_predicted);
}

PolarityScores ScorePolarities(const std::vector<sentiment::Polarity>& gold,
                               const std::vector<sentiment::Polarity>& predicted) {
  std::array<long, sentiment::kPolarities> tp{}, n_gold{}, n_predicted{};
  long correct = 0;
  const std::size_t n = std::min(gold.size(), predicted.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int g = static_cast<int>(gold[i]), p = static_cast<int>(predicted[i]);
    ++n_gold[g];
    ++n_predicted[p];
    if (g == p) ++tp[g], ++correct;
  }
  double f1_sum = 0.0;
  int classes = 0;
  for (int k = 0; k < sentiment::kPolarities; ++k) {
    if (n_gold[k] + n_predicted[k] == 0) continue;
    f1_sum += 2.0 * tp[k] / static_cast<double>(n_gold[k] + n_predicted[k]);
    ++classes;
  }
  return {n == 0 ? 0.0 : static_cast<double>(correct) / n, classes == 0 ? 0.0 : f1_sum / classes};
}

}  // namespace sobremesa::evaluation
