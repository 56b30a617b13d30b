#include "models/behaviour/no_show_features.h"

#include <gtest/gtest.h>

namespace sobremesa {
namespace {

double Feature(const std::vector<double>& row, const std::string& name) {
  const auto& names = NoShowFeatureNames();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return row[i];
  }
  ADD_FAILURE() << "no feature " << name;
  return -1;
}

// Saturday 2026-11-28, 20:30 in Lima, booked ten days ahead.
Reservation SaturdayDinner() {
  Reservation r;
  r.guest_id = 7;
  r.reserved_for = FromLocal(2026, 11, 28, 20, 30, 0);
  r.created_at = r.reserved_for - 10 * 86400;
  r.party_size = 6;
  r.channel = "web";
  r.deposit = 60000;
  return r;
}

TEST(NoShowFeatures, DescribeTheBookingInLimaTime) {
  std::vector<double> row = NoShowFeatures(SaturdayDinner(), {});
  ASSERT_EQ(row.size(), NoShowFeatureNames().size());
  EXPECT_EQ(Feature(row, "lead_7d"), 1);
  EXPECT_EQ(Feature(row, "lead_15d"), 0);
  EXPECT_EQ(Feature(row, "channel_web"), 1);
  EXPECT_EQ(Feature(row, "channel_phone"), 0);
  EXPECT_EQ(Feature(row, "friday_saturday"), 1);
  EXPECT_EQ(Feature(row, "hour"), 20);
  EXPECT_EQ(Feature(row, "lunch"), 0);
  EXPECT_EQ(Feature(row, "deposit"), 1);
  EXPECT_EQ(Feature(row, "party_6_plus"), 1);
  EXPECT_EQ(Feature(row, "first_booking"), 1);
}

TEST(NoShowFeatures, BookingCreatedAfterItsTimeCountsAsNoLead) {
  Reservation r = SaturdayDinner();
  r.created_at = r.reserved_for + 3600;
  EXPECT_EQ(Feature(NoShowFeatures(r, {}), "log1p_lead_days"), 0);
}

TEST(NoShowFeatureRows, UseOnlyOutcomesOfEarlierReservationsOfTheSameGuest) {
  Reservation first = SaturdayDinner(), second = SaturdayDinner(), other = SaturdayDinner();
  first.status = ReservationStatus::kNoShow;
  second.reserved_for += 7 * 86400;
  second.status = ReservationStatus::kNoShow;
  other.guest_id = 8;
  other.reserved_for = second.reserved_for;
  Reservation anonymous = SaturdayDinner();
  anonymous.guest_id.reset();
  anonymous.reserved_for = second.reserved_for + 86400;
  std::vector<std::vector<double>> rows = NoShowFeatureRows({first, second, other, anonymous});
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(Feature(rows[0], "past_no_shows"), 0);  // its own outcome is not a feature
  EXPECT_EQ(Feature(rows[1], "past_no_shows"), 1);
  EXPECT_EQ(Feature(rows[1], "first_booking"), 0);
  EXPECT_EQ(Feature(rows[2], "past_no_shows"), 0);  // another guest
  EXPECT_EQ(Feature(rows[3], "first_booking"), 1);
}

TEST(NoShowFeatureRows, StillBookedReservationsAddNothing) {
  Reservation booked = SaturdayDinner(), later = SaturdayDinner();
  later.reserved_for += 86400;
  std::vector<std::vector<double>> rows = NoShowFeatureRows({booked, later});
  EXPECT_EQ(Feature(rows[1], "first_booking"), 1);
}

TEST(IsNoShowCandidate, OnlySettledReservations) {
  Reservation r;
  for (auto [status, expected] : {std::pair{ReservationStatus::kBooked, false},
                                  {ReservationStatus::kCancelled, false},
                                  {ReservationStatus::kCompleted, true},
                                  {ReservationStatus::kSeated, true},
                                  {ReservationStatus::kNoShow, true}}) {
    r.status = status;
    EXPECT_EQ(IsNoShowCandidate(r), expected) << static_cast<int>(status);
  }
}

}  // namespace
}  // namespace sobremesa
