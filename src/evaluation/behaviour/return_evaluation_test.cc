#include "evaluation/behaviour/return_evaluation.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace sobremesa {
namespace {

std::map<std::string, double> ByModelMetric(const std::vector<MetricRow>& rows) {
  std::map<std::string, double> out;
  for (const MetricRow& row : rows) out[row.model + "." + row.metric] = row.value;
  return out;
}

// Customers who buy every `period` days from a random start, some stopping
// for good at a random day: regular buyers, which BG/NBD's Poisson
// assumption does not describe but a classifier given the regularity can.
std::vector<std::vector<PurchaseDay>> RegularBuyers(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> start(0, 60), period(10, 60), stop(100, 500);
  std::vector<std::vector<PurchaseDay>> out;
  for (int i = 0; i < n; ++i) {
    int p = period(rng), end = stop(rng);
    std::vector<PurchaseDay>& days = out.emplace_back();
    for (int d = start(rng); d < std::min(end, 400); d += p) days.push_back({d, 20.0});
  }
  return out;
}

TEST(EvaluateReturnClassifier, ReportsBothModelsOnTheTestCut) {
  StatusOr<ReturnReport> report = EvaluateReturnClassifier(RegularBuyers(3000, 1), {}, "sim");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> m = ByModelMetric(report->metrics);
  for (const char* key : {"sobremesa_churn.auc", "sobremesa_churn.brier", "bgnbd.auc",
                          "bgnbd.brier", "bgnbd_p_alive.auc"}) {
    ASSERT_TRUE(m.count(key)) << key;
    EXPECT_GE(m[key], 0) << key;
    EXPECT_LE(m[key], 1) << key;
  }
  EXPECT_GT(m["sobremesa_churn.auc"], 0.8);
  EXPECT_EQ(m["sobremesa_churn.test_customers"], 3000);
  EXPECT_EQ(report->reliability.size(), 10u);
  int binned = 0;
  for (const ReliabilityBin& b : report->reliability) binned += b.count;
  EXPECT_EQ(binned, 3000);
}

TEST(EvaluateReturnClassifier, RefusesATrainingLabelInsideTheEvaluationWindow) {
  ReturnProtocol leaky{.train_cutoff_day = 200, .test_cutoff_day = 273, .horizon_days = 91};
  StatusOr<ReturnReport> report = EvaluateReturnClassifier(RegularBuyers(100, 2), leaky, "sim");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
}

TEST(EvaluateReturnClassifier, CohortWithoutRepeatersIsAClearError) {
  std::vector<std::vector<PurchaseDay>> once(50, std::vector<PurchaseDay>{{10, 5.0}});
  StatusOr<ReturnReport> report = EvaluateReturnClassifier(once, {}, "sim");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition) << report.status().ToString();
}

}  // namespace
}  // namespace sobremesa
