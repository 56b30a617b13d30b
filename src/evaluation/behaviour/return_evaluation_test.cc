#include "evaluation/behaviour/return_evaluation.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "models/behaviour/guest_context_features.h"

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
std::vector<GuestTimeline> RegularBuyers(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> start(0, 60), period(10, 60), stop(100, 500);
  std::vector<std::vector<PurchaseDay>> out;
  for (int i = 0; i < n; ++i) {
    int p = period(rng), end = stop(rng);
    std::vector<PurchaseDay>& days = out.emplace_back();
    for (int d = start(rng); d < std::min(end, 400); d += p) days.push_back({d, 20.0});
  }
  return TimelinesOfPurchases(out);
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

// Regular local buyers who start at any day, some stopping for good at a
// random day, and half as
// many foreign visitors who come on one trip (a second dinner a few days
// later for some) and never again: only the guest's profile tells a
// visitor's first visit from a new local's.
std::vector<GuestTimeline> LocalsAndVisitors(int n, unsigned seed) {
  std::vector<GuestTimeline> guests;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> day(0, 400), period(20, 60), trip(1, 6);
  for (int i = 0; i < n; ++i) {
    GuestTimeline& g = guests.emplace_back();
    const int p = period(rng), end = i % 3 == 0 ? day(rng) : 400;
    const int first = day(rng);
    for (int d = first; d == first || d < end; d += p) g.visits.push_back({.day = d, .spend = 20});
  }
  for (int i = 0; i < n / 2; ++i) {
    GuestTimeline& g = guests.emplace_back();
    const int first = day(rng);
    g.visits.push_back({.day = first, .spend = 20});
    if (i % 3 == 0) g.visits.push_back({.day = first + trip(rng), .spend = 20});
    g.foreign_language = true;
  }
  return guests;
}

TEST(EvaluateReturnClassifier, ChoosesByValidationAndReportsWhichFeaturesMatter) {
  ReturnProtocol protocol;
  protocol.context_groups = kAllContextFeatures;
  StatusOr<ReturnReport> report =
      EvaluateReturnClassifier(LocalsAndVisitors(1500, 3), protocol, "sim");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> m = ByModelMetric(report->metrics);
  ASSERT_TRUE(m.count("churn_logistic.validation_auc") && m.count("churn_mlp.validation_auc"));
  EXPECT_EQ(m["churn_logistic.chosen"] + m["churn_mlp.chosen"], 1);
  const std::string chosen = m["churn_mlp.chosen"] == 1 ? "churn_mlp" : "churn_logistic";
  EXPECT_EQ(m[chosen + ".auc"], m["sobremesa_churn.auc"]);
  // The MLP only when its validation gain is clear of zero, whatever the test says.
  EXPECT_EQ(chosen == "churn_mlp", m["churn_mlp.validation_auc_gain_ci95_low"] > 0);
  // The profile is what tells visitors apart; the other groups carry nothing here.
  EXPECT_LT(m["churn_without_profile.auc_change"], -0.005);
  EXPECT_GT(m["churn_without_profile.brier"], m["sobremesa_churn.brier"] + 0.01);
  EXPECT_LT(m["churn_history_only.auc"], m["sobremesa_churn.auc"]);
  for (const char* group : {"sentiment", "occasion", "party", "taste"}) {
    EXPECT_NEAR(m["churn_without_" + std::string(group) + ".auc_change"], 0, 0.002) << group;
  }
}

TEST(EvaluateReturnClassifier, RefusesATrainingLabelInsideTheEvaluationWindow) {
  ReturnProtocol leaky{.train_cutoff_day = 200, .test_cutoff_day = 273, .horizon_days = 91};
  StatusOr<ReturnReport> report = EvaluateReturnClassifier(RegularBuyers(100, 2), leaky, "sim");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kInvalidArgument);
}

TEST(EvaluateReturnClassifier, CohortWithoutRepeatersIsAClearError) {
  std::vector<std::vector<PurchaseDay>> once(50, std::vector<PurchaseDay>{{10, 5.0}});
  StatusOr<ReturnReport> report = EvaluateReturnClassifier(TimelinesOfPurchases(once), {}, "sim");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition) << report.status().ToString();
}

}  // namespace
}  // namespace sobremesa
