// sobremesa evaluate behaviour --dataset cdnow --path DIR [--csv FILE] [--data-dir D]
// sobremesa evaluate behaviour --dataset demo [--data-dir D] [--restaurant ID] [--csv FILE]

#include <cstdio>
#include <optional>

#include "cli/command.h"
#include "cli/data_dir.h"
#include "evaluation/behaviour/behaviour_evaluation.h"

namespace sobremesa {
namespace {

struct EvaluateBehaviourOptions {
  std::string dataset = "cdnow";
  std::string path;
  std::string csv;
  std::string data_dir = kDefaultDataDir;
  std::optional<Id> restaurant;
};

void PrintMetrics(const std::vector<MetricRow>& rows) {
  std::printf("%-19s %-31s %12s\n", "model", "metric", "value");
  for (const MetricRow& row : rows) {
    // week_N_* rows are the weekly table printed below.
    if (row.metric.starts_with("week_")) continue;
    std::printf("%-19s %-31s %12.4f\n", row.model.c_str(), row.metric.c_str(), row.value);
  }
}

void PrintWeeks(const BehaviourReport& report) {
  if (report.holdout_weeks.empty()) return;
  std::printf("\n%s\n", report.forecast_selection.c_str());
  std::printf("\nholdout repeat transactions (customer-days) by week\n%5s %8s", "week", "actual");
  for (const std::string& model : report.forecast_models) std::printf(" %17s", model.c_str());
  std::printf("\n");
  double actual = 0;
  std::vector<double> predicted(report.forecast_models.size(), 0);
  for (const WeeklyForecast& w : report.holdout_weeks) {
    std::printf("%5d %8.0f", w.week, w.actual);
    actual += w.actual;
    for (size_t m = 0; m < w.predicted.size(); ++m) {
      std::printf(" %17.1f", w.predicted[m]);
      predicted[m] += w.predicted[m];
    }
    std::printf("\n");
  }
  std::printf("%5s %8.0f", "total", actual);
  for (double p : predicted) std::printf(" %17.1f", p);
  std::printf("\n");
}

void PrintReliability(const char* title, const std::vector<ReliabilityBin>& table) {
  if (table.empty()) return;
  std::printf("\n%s: reliability (test period)\n", title);
  std::printf("%-12s %7s %10s %9s\n", "predicted", "n", "mean pred", "observed");
  for (const ReliabilityBin& b : table) {
    std::printf("[%.1f, %.1f%c %7d %10.3f %9.3f\n", b.lower, b.upper, b.upper < 1 ? ')' : ']',
                b.count, b.mean_predicted, b.observed_rate);
  }
}

StatusOr<BehaviourReport> Evaluate(const EvaluateBehaviourOptions& o) {
  if (o.dataset == "cdnow") {
    if (o.path.empty()) return Status::InvalidArgument("--dataset cdnow needs --path DIR");
    return EvaluateCdnowBehaviour(o.path);
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenDataDir(o.data_dir));
  ASSIGN_OR_RETURN(Id restaurant, ChooseRestaurant(*store, o.restaurant));
  return EvaluateDemoBehaviour(*store, restaurant);
}

Status RunEvaluateBehaviour(const EvaluateBehaviourOptions& o) {
  ASSIGN_OR_RETURN(BehaviourReport report, Evaluate(o));
  PrintMetrics(report.metrics);
  PrintWeeks(report);
  PrintReliability("90-day return (sobremesa_churn)", report.return_reliability);
  PrintReliability("no-show risk (sobremesa_no_show)", report.no_show_reliability);
  if (!o.csv.empty()) RETURN_IF_ERROR(WriteMetricsCsv(report.metrics, o.csv));
  return MergeMetricsCsv(report.metrics,
                         o.data_dir + "/models/model_evaluation/model_performance_metrics.csv");
}

}  // namespace

Command AddEvaluateBehaviourCommand(CLI::App& evaluate) {
  auto options = std::make_shared<EvaluateBehaviourOptions>();
  CLI::App* app = evaluate.add_subcommand("behaviour", "Evaluate the behaviour models");
  app->add_option("--dataset", options->dataset, "Data set: cdnow (files) or demo (the store)")
      ->check(CLI::IsMember({"cdnow", "demo"}))
      ->capture_default_str();
  app->add_option("--path", options->path, "CDNOW directory or CDNOW_sample.txt");
  app->add_option("--csv", options->csv, "Also write dataset,model,metric,value rows here");
  app->add_option("--data-dir", options->data_dir,
                  "Data directory: the demo store, and metrics go to models/model_evaluation/")
      ->capture_default_str();
  app->add_option("--restaurant", options->restaurant,
                  "Restaurant id for --dataset demo (default: the first)");
  return {app, [options] { return RunEvaluateBehaviour(*options); }};
}

}  // namespace sobremesa
