#include "evaluation/recommendation/metric_table.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <utility>

namespace sobremesa::recommendation {
namespace {

template <typename T>
void AddUnique(std::vector<T>& values, const T& value) {
  if (std::find(values.begin(), values.end(), value) == values.end()) values.push_back(value);
}

std::string Pad(const std::string& text, size_t width) {
  return text + std::string(width > text.size() ? width - text.size() : 0, ' ');
}

std::string FormatValue(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", value);
  return buffer;
}

}  // namespace

std::string FormatMetricTable(const std::vector<MetricRow>& rows) {
  using Key = std::pair<std::string, std::string>;
  std::vector<Key> keys;
  std::vector<std::string> metrics;
  std::map<std::pair<Key, std::string>, double> values;
  for (const MetricRow& r : rows) {
    AddUnique(keys, Key{r.dataset, r.model});
    AddUnique(metrics, r.metric);
    values[{{r.dataset, r.model}, r.metric}] = r.value;
  }
  static constexpr size_t kColumn = 15;
  // A metric name longer than a column widens its own column.
  auto width = [](const std::string& metric) { return std::max(kColumn, metric.size() + 2); };
  std::string out = Pad("dataset", 18) + Pad("model", kColumn);
  for (const std::string& m : metrics) out += Pad(m, width(m));
  out += "\n";
  for (const Key& key : keys) {
    out += Pad(key.first, 18) + Pad(key.second, kColumn);
    for (const std::string& m : metrics) {
      const auto it = values.find({key, m});
      out += Pad(it == values.end() ? "-" : FormatValue(it->second), width(m));
    }
    out += "\n";
  }
  return out;
}

std::string FormatMetricCsv(const std::vector<MetricRow>& rows) {
  std::string out = "dataset,model,metric,value\n";
  char value[32];
  for (const MetricRow& r : rows) {
    std::snprintf(value, sizeof value, "%.6f", r.value);
    out += r.dataset + "," + r.model + "," + r.metric + "," + value + "\n";
  }
  return out;
}

Status WriteMetricCsv(const std::string& path, const std::vector<MetricRow>& rows) {
  std::ofstream out(path, std::ios::trunc);
  out << FormatMetricCsv(rows);
  if (!out.good()) return Status::Internal("cannot write " + path);
  return Status::Ok();
}

}  // namespace sobremesa::recommendation
