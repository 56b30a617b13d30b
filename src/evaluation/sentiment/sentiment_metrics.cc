#include "evaluation/sentiment/sentiment_metrics.h"

#include <algorithm>
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

}  // namespace sobremesa::evaluation
