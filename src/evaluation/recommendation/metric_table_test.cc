#include "evaluation/recommendation/metric_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace sobremesa::recommendation {
namespace {

const std::vector<MetricRow> kRows = {
    {"movielens-1m-ncf", "sobremesa", "HR@10", 0.75},
    {"movielens-1m-ncf", "sobremesa", "NDCG@10", 0.5},
    {"movielens-1m-ncf", "popularity", "HR@10", 0.45},
};

TEST(MetricTableTest, CsvIsLongFormWithHeader) {
  EXPECT_EQ(FormatMetricCsv(kRows),
            "dataset,model,metric,value\n"
            "movielens-1m-ncf,sobremesa,HR@10,0.750000\n"
            "movielens-1m-ncf,sobremesa,NDCG@10,0.500000\n"
            "movielens-1m-ncf,popularity,HR@10,0.450000\n");
}

TEST(MetricTableTest, TableHasOneLinePerModelAndDashForMissing) {
  EXPECT_EQ(FormatMetricTable(kRows),
            "dataset           model          HR@10          NDCG@10        \n"
            "movielens-1m-ncf  sobremesa      0.7500         0.5000         \n"
            "movielens-1m-ncf  popularity     0.4500         -              \n");
}

TEST(MetricTableTest, WriteCsvToUnwritablePathIsInternal) {
  const Status s = WriteMetricCsv("/nonexistent-dir/results.csv", kRows);
  EXPECT_EQ(s.code(), StatusCode::kInternal);
  EXPECT_NE(s.message().find("/nonexistent-dir/results.csv"), std::string::npos);
}

TEST(MetricTableTest, WriteCsvWritesTheSameText) {
  const std::string path =
      (std::filesystem::temp_directory_path() / "sobremesa_metric_table.csv").string();
  ASSERT_TRUE(WriteMetricCsv(path, kRows).ok());
  std::stringstream text;
  text << std::ifstream(path).rdbuf();
  EXPECT_EQ(text.str(), FormatMetricCsv(kRows));
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace sobremesa::recommendation
