#pragma once
// One line of the long-form evaluation results (docs/evaluation/behaviour.md).

#include <string>

namespace sobremesa {

// dataset,model,metric,value
struct MetricRow {
  std::string dataset;
  std::string model;
  std::string metric;
  double value = 0;
};

}  // namespace sobremesa
