#include "evaluation/recommendation/evaluate_recommender.h"

#include <filesystem>

#include "evaluation/recommendation/demo_protocol.h"
#include "evaluation/recommendation/movielens_100k_protocol.h"
#include "evaluation/recommendation/movielens_100k_ranking_protocol.h"
#include "evaluation/recommendation/movielens_1m_ncf_protocol.h"
#include "evaluation/recommendation/uci_restaurant_protocol.h"

namespace sobremesa::recommendation {

StatusOr<std::vector<MetricRow>> EvaluateRecommender(const std::string& dataset,
                                                     const std::string& dir,
                                                     const ProgressLog& log) {
  if (dataset != "movielens-100k" && dataset != "movielens-1m-ncf" &&
      dataset != "uci-restaurant" && dataset != "demo") {
    return Status::InvalidArgument(
        "unknown dataset '" + dataset +
        "'; known: movielens-100k, movielens-1m-ncf, uci-restaurant, demo");
  }
  std::error_code error;
  if (!std::filesystem::is_directory(dir, error)) {
    return Status::NotFound("data set directory " + dir + " does not exist");
  }
  if (dataset == "demo") return RunDemoProtocol(dir, log);
  if (dataset == "uci-restaurant") return RunUciRestaurantProtocol(dir, log);
  if (dataset == "movielens-100k") {
    ASSIGN_OR_RETURN(std::vector<MetricRow> rows, RunMovielens100kProtocol(dir, log));
    ASSIGN_OR_RETURN(std::vector<MetricRow> ranking, RunMovielens100kRankingProtocol(dir, log));
    rows.insert(rows.end(), ranking.begin(), ranking.end());
    return rows;
  }
  return RunMovielens1mNcfProtocol(dir, log);
}

}  // namespace sobremesa::recommendation
