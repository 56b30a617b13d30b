// sobremesa evaluate recommender --dataset NAME --path DIR [--csv FILE]

#include <cstdio>
#include <memory>

#include "cli/command.h"
#include "evaluation/recommendation/evaluate_recommender.h"

namespace sobremesa {
namespace {

struct EvaluateRecommenderOptions {
  std::string dataset;
  std::string path;
  std::string csv;
};

Status RunEvaluateRecommender(const EvaluateRecommenderOptions& o) {
  // Tuning choices and per-fold numbers go to stderr so stdout stays the table.
  const recommendation::ProgressLog log = [](const std::string& line) {
    std::fprintf(stderr, "%s\n", line.c_str());
  };
  ASSIGN_OR_RETURN(std::vector<recommendation::MetricRow> rows,
                   recommendation::EvaluateRecommender(o.dataset, o.path, log));
  std::fputs(recommendation::FormatMetricTable(rows).c_str(), stdout);
  if (!o.csv.empty()) RETURN_IF_ERROR(recommendation::WriteMetricCsv(o.csv, rows));
  return Status::Ok();
}

}  // namespace

Command AddEvaluateRecommenderCommand(CLI::App& evaluate) {
  auto options = std::make_shared<EvaluateRecommenderOptions>();
  CLI::App* app = evaluate.add_subcommand("recommender", "Evaluate the recommender models");
  app->add_option("--dataset", options->dataset, "movielens-100k, movielens-1m-ncf, uci-restaurant or demo")->required();
  app->add_option("--path", options->path, "Directory holding the data set (for demo: the data directory)")->required();
  app->add_option("--csv", options->csv, "Also write dataset,model,metric,value rows here");
  return {app, [options] { return RunEvaluateRecommender(*options); }};
}

}  // namespace sobremesa
