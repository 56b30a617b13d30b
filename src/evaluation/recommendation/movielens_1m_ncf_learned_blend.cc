#include "evaluation/recommendation/movielens_1m_ncf_learned_blend.h"

namespace sobremesa::recommendation {

RankingFeatures Concatenate(const std::vector<RankingFeatures>& parts) {
  RankingFeatures all;
  all.width = parts.empty() ? 0 : parts.front().width;
  all.case_starts.push_back(0);
  for (const RankingFeatures& part : parts) {
    const size_t offset = all.case_starts.back();
    for (size_t c = 1; c < part.case_starts.size(); ++c) {
      all.case_starts.push_back(offset + part.case_starts[c]);
    }
    all.values.insert(all.values.end(), part.values.begin(), part.values.end());
  }
  return all;
}

}  // namespace sobremesa::recommendation
