#pragma once
// One line of the long-form evaluation results (docs/evaluation/behaviour.md).

#include <map>
#include <string>
#include <vector>

namespace sobremesa {

// dataset,model,metric,value
struct MetricRow {
  std::string dataset;
  std::string model;
  std::string metric;
  double value = 0;
};

// The values of `rows` by "model.metric" ("xgboost.AUC"), the way a reader
// of one protocol's results looks them up.
inline std::map<std::string, double> ByModelMetric(const std::vector<MetricRow>& rows) {
  std::map<std::string, double> out;
  for (const MetricRow& row : rows) out[row.model + "." + row.metric] = row.value;
  return out;
}

}  // namespace sobremesa
