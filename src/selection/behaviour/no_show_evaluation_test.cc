#include "selection/behaviour/no_show_evaluation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

namespace sobremesa {
namespace {

constexpr UnixSeconds kDay = 86400;
constexpr UnixSeconds kStart = 1767225600;  // 2026-01-01

// A year of dinners where web bookings made far ahead fail 35 % of the time
// and phone bookings 4 %; a deposit cuts the risk to a third. Walk-ins and
// cancellations are mixed in and must be left out of the evaluation.
std::vector<Reservation> SimulatedBook(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> u(0, 1);
  std::vector<Reservation> book;
  for (int i = 0; i < n; ++i) {
    Reservation r;
    r.guest_id = 1 + i % 500;
    r.reserved_for = kStart + (i * 365 / n) * kDay + 20 * 3600;
    bool web = u(rng) < 0.5;
    r.channel = u(rng) < 0.05 ? "walk_in" : web ? "web" : "phone";
    r.created_at = r.reserved_for - (web ? 20 : 1) * kDay;
    r.deposit = u(rng) < 0.2 ? 50000 : 0;
    double p = r.channel == "walk_in" ? 0 : web ? 0.35 : 0.04;
    if (r.deposit > 0) p /= 3;
    r.status = u(rng) < 0.03 ? ReservationStatus::kCancelled
               : u(rng) < p  ? ReservationStatus::kNoShow
                             : ReservationStatus::kCompleted;
    book.push_back(r);
  }
  return book;
}

TEST(EvaluateNoShow, RanksAndCalibratesASimulatedBook) {
  StatusOr<NoShowReport> report = EvaluateNoShow(SimulatedBook(20000, 1), "sim");
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  std::map<std::string, double> m = ByModelMetric(report->metrics);
  EXPECT_GT(m["sobremesa_no_show.auc"], 0.75);
  EXPECT_LT(m["sobremesa_no_show.brier"], m["base_rate.brier"]);
  // 80 % of the time span, walk-ins and cancellations excluded.
  double settled =
      m["sobremesa_no_show.train_reservations"] + m["sobremesa_no_show.test_reservations"];
  EXPECT_NEAR(settled, 20000 * 0.95 * 0.97, 300);
  EXPECT_NEAR(m["sobremesa_no_show.test_reservations"] / settled, 0.2, 0.01);
  // Calibrated: in every well-filled bin the observed rate is near the predicted.
  for (const ReliabilityBin& bin : report->reliability) {
    if (bin.count < 200) continue;
    double se = std::sqrt(bin.mean_predicted * (1 - bin.mean_predicted) / bin.count);
    EXPECT_NEAR(bin.observed_rate, bin.mean_predicted, 4 * se + 0.01)
        << "bin [" << bin.lower << ", " << bin.upper << ") n=" << bin.count;
  }
}

TEST(EvaluateNoShow, BookWithoutNoShowsIsAClearError) {
  std::vector<Reservation> book = SimulatedBook(2000, 2);
  for (Reservation& r : book) {
    if (r.status == ReservationStatus::kNoShow) r.status = ReservationStatus::kCompleted;
  }
  StatusOr<NoShowReport> report = EvaluateNoShow(book, "sim");
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), StatusCode::kFailedPrecondition);
}

TEST(EvaluateNoShow, EmptyBookIsAClearError) {
  EXPECT_EQ(EvaluateNoShow({}, "sim").status().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace sobremesa
