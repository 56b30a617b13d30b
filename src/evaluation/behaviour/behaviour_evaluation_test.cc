#include "evaluation/behaviour/behaviour_evaluation.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

void PrintReliability(const char* title, const std::vector<ReliabilityBin>& table) {
  std::printf("%s\n%-11s %6s %10s %9s\n", title, "bin", "n", "predicted", "observed");
  for (const ReliabilityBin& b : table) {
    std::printf("[%.1f, %.1f) %6d %10.3f %9.3f\n", b.lower, b.upper, b.count, b.mean_predicted,
                b.observed_rate);
  }
}

TEST(EvaluateCdnowBehaviour, ReproducesThePaperAndScoresTheHoldout) {
  std::string dir = SOBREMESA_CDNOW_DIR;
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "CDNOW data set not found at " << dir;
  StatusOr<BehaviourReport> report = EvaluateCdnowBehaviour(dir);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> m = ByModelMetric(report->metrics);
  EXPECT_NEAR(m["bgnbd.r"], 0.243, 0.0005);
  EXPECT_NEAR(m["gamma_gamma.p"], 6.25, 0.005);
  EXPECT_EQ(m["bgnbd.holdout_actual"], 1882);
  EXPECT_NEAR(m["bgnbd.holdout_predicted"], 1653, 1);
  ASSERT_EQ(report->holdout_weeks.size(), 39u);
  EXPECT_EQ(report->holdout_weeks.front().week, 40);
  ASSERT_EQ(report->forecast_models.back(), "sobremesa");
  std::printf("%s\n", report->forecast_selection.c_str());
  std::vector<double> totals(report->forecast_models.size(), 0);
  for (const WeeklyForecast& w : report->holdout_weeks) {
    ASSERT_EQ(w.predicted.size(), totals.size());
    std::printf("week %d actual %.0f", w.week, w.actual);
    for (size_t i = 0; i < totals.size(); ++i) {
      totals[i] += w.predicted[i];
      std::printf(" %s %.1f", report->forecast_models[i].c_str(), w.predicted[i]);
    }
    std::printf("\n");
  }
  for (size_t i = 0; i < totals.size(); ++i) {
    const std::string& model = report->forecast_models[i];
    EXPECT_NEAR(totals[i], m[model + ".holdout_predicted"], 1e-6) << model;
    EXPECT_EQ(m[model + ".holdout_actual"], 1882) << model;
  }
  EXPECT_NEAR(m["bgnbd.week_45_predicted"], report->holdout_weeks[5].predicted[0], 1e-9);
  EXPECT_EQ(m["bgnbd.week_45_actual"], 85);
  for (const MetricRow& row : report->metrics) {
    std::printf("%s,%s,%s,%.6g\n", row.dataset.c_str(), row.model.c_str(), row.metric.c_str(),
                row.value);
  }
  PrintReliability("90-day return classifier, weeks 40-52", report->return_reliability);
  // The 90-day return classifier must rank better than BG/NBD's own
  // P(purchase in weeks 40-52), on customers BG/NBD was also refitted for.
  EXPECT_GT(m["sobremesa_churn.auc"], m["bgnbd.auc"]);
  EXPECT_EQ(m["sobremesa_churn.test_customers"], 2357);
}

TEST(WriteMetricsCsv, WritesTheLongFormWithHeader) {
  std::string file = (std::filesystem::temp_directory_path() / "behaviour_csv/m.csv").string();
  std::filesystem::remove_all(std::filesystem::path(file).parent_path());
  ASSERT_TRUE(WriteMetricsCsv({{"cdnow", "bgnbd", "r", 0.2425}}, file).ok());
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text, "dataset,model,metric,value\ncdnow,bgnbd,r,0.2425\n");
}

TEST(MergeMetricsCsv, ReplacesOnlyTheModelsItWrites) {
  std::string file = (std::filesystem::temp_directory_path() / "behaviour_merge/m.csv").string();
  std::filesystem::remove_all(std::filesystem::path(file).parent_path());
  ASSERT_TRUE(
      MergeMetricsCsv({{"cdnow", "bgnbd", "r", 0.2}, {"cdnow", "bgnbd_x", "r", 1}}, file).ok());
  ASSERT_TRUE(MergeMetricsCsv({{"demo", "bgnbd", "auc", 0.7}}, file).ok());
  ASSERT_TRUE(MergeMetricsCsv({{"cdnow", "bgnbd", "r", 0.25}}, file).ok());
  std::ifstream in(file);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(text,
            "dataset,model,metric,value\ncdnow,bgnbd,r,0.25\ndemo,bgnbd,auc,0.7\n"
            "cdnow,bgnbd_x,r,1\n");
}

// A small restaurant written through the real SQLite store: 400 guests over
// 400 days; half are regulars who book by phone and come every ~3 weeks, half
// book on the web far ahead and fail a third of the time.
class DemoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / "behaviour_demo_store_test";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    StatusOr<std::unique_ptr<Store>> store = OpenSqliteStore((dir_ / "s.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    StatusOr<Id> restaurant = store_->UpsertRestaurant({.external_id = "r", .name = "Test"});
    ASSERT_TRUE(restaurant.ok()) << restaurant.status().ToString();
    restaurant_ = *restaurant;
    ASSERT_NO_FATAL_FAILURE(WriteHistory());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void WriteHistory();

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  Id restaurant_ = 0;
};

void DemoStoreTest::WriteHistory() {
  constexpr UnixSeconds kDay = 86400, kStart = 1735732800;  // 2025-01-01 12:00 UTC
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Guest> guests(400);
  for (size_t g = 0; g < guests.size(); ++g) {
    guests[g].restaurant_id = restaurant_;
    guests[g].external_id = "g" + std::to_string(g);
    guests[g].name = "Guest " + std::to_string(g);
  }
  StatusOr<std::vector<Id>> ids = store_->UpsertGuests(guests);
  ASSERT_TRUE(ids.ok()) << ids.status().ToString();
  std::vector<Reservation> book;
  std::vector<Visit> visits;
  for (size_t g = 0; g < guests.size(); ++g) {
    bool regular = g % 2 == 0;
    int stop = regular ? 100 + static_cast<int>(u(rng) * 400) : 400;
    for (int day = static_cast<int>(u(rng) * 30); day < std::min(stop, 400);
         day += regular ? 14 + static_cast<int>(u(rng) * 14) : 30 + static_cast<int>(u(rng) * 60)) {
      Reservation r{.restaurant_id = restaurant_, .guest_id = (*ids)[g]};
      r.external_id = "r" + std::to_string(book.size());
      r.reserved_for = kStart + day * kDay + 8 * 3600;  // 20:00 in Lima
      r.channel = regular ? "phone" : "web";
      r.created_at = r.reserved_for - (regular ? 2 : 20) * kDay;
      r.status = u(rng) < (regular ? 0.04 : 0.33) ? ReservationStatus::kNoShow
                                                  : ReservationStatus::kCompleted;
      book.push_back(r);
      if (r.status == ReservationStatus::kNoShow) continue;
      Visit v{.restaurant_id = restaurant_, .guest_id = (*ids)[g]};
      v.external_id = "v" + std::to_string(visits.size());
      v.seated_at = r.reserved_for;
      v.spend = 25000;
      visits.push_back(v);
    }
  }
  ASSERT_TRUE(store_->UpsertReservations(book).ok());
  ASSERT_TRUE(store_->UpsertVisits(visits).ok());
}

TEST_F(DemoStoreTest, EvaluatesNoShowAndReturnFromTheStore) {
  StatusOr<BehaviourReport> report = EvaluateDemoBehaviour(*store_, restaurant_);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> m = ByModelMetric(report->metrics);
  for (const MetricRow& row : report->metrics) {
    EXPECT_EQ(row.dataset, "demo");
    std::printf("%s,%s,%s,%.6g\n", row.dataset.c_str(), row.model.c_str(), row.metric.c_str(),
                row.value);
  }
  EXPECT_GT(m["sobremesa_no_show.auc"], 0.7);
  EXPECT_LT(m["sobremesa_no_show.brier"], m["base_rate.brier"]);
  EXPECT_EQ(report->no_show_reliability.size(), 10u);
  EXPECT_EQ(report->return_reliability.size(), 10u);
  // No claim that the classifier beats BG/NBD here: these regulars stop at a
  // hazard that rises through the year, which BG/NBD refitted at the test
  // cut follows and a classifier fitted a quarter earlier cannot (measured:
  // 0.68 vs 0.73, docs/evaluation/behaviour.md). Only that both are scored.
  ASSERT_TRUE(m.count("sobremesa_churn.auc"));
  ASSERT_TRUE(m.count("bgnbd.auc"));
  EXPECT_GT(m["sobremesa_churn.test_customers"], 300);
}

}  // namespace
}  // namespace sobremesa
