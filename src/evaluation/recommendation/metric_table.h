#pragma once
// Evaluation results in long form: one row per number, as `--csv` writes them
// (docs/evaluation/recommender.md). Metric names: RMSE, MAE, HR@10, NDCG@10,
// Recall@20, coverage, train_seconds, ranking_train_seconds.

#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

struct MetricRow {
  std::string dataset;
  std::string model;
  std::string metric;
  double value = 0;
};

// A fixed-width table for people: one line per (dataset, model), one column
// per metric in order of first appearance; "-" where a model lacks a metric.
std::string FormatMetricTable(const std::vector<MetricRow>& rows);

// "dataset,model,metric,value\n" then one line per row, value with 6 decimals.
std::string FormatMetricCsv(const std::vector<MetricRow>& rows);

// Writes FormatMetricCsv(rows) to `path`; Internal naming the path on failure.
Status WriteMetricCsv(const std::string& path, const std::vector<MetricRow>& rows);

}  // namespace sobremesa::recommendation
