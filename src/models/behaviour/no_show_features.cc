#include "models/behaviour/no_show_features.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/time.h"

namespace sobremesa {
namespace {

constexpr double kSecondsPerDay = 86400;
// The channels a booking can come through (domain/entities.h); one
// indicator each, so "phone" is not assumed to sit between "web" and "walk_in".
constexpr const char* kChannels[] = {"phone", "web", "whatsapp", "walk_in", "concierge"};

void AddChannel(const std::string& channel, std::vector<double>& row) {
  for (const char* c : kChannels) row.push_back(channel == c ? 1 : 0);
}

// Friday and Saturday are the dinners most booked "just in case".
void AddCalendar(UnixSeconds reserved_for, std::vector<double>& row) {
  LocalTime local = ToLocal(reserved_for);
  row.push_back(local.weekday == 5 || local.weekday == 6 ? 1 : 0);
  row.push_back(local.weekday == 0 ? 1 : 0);
  row.push_back(local.hour < 17 ? 1 : 0);  // lunch service
  row.push_back(local.hour);
}

// Lead time enters as log days and as the thresholds past which plans
// change (3 days, a week, two weeks): the risk is not linear in days.
void AddLead(const Reservation& r, std::vector<double>& row) {
  double days = std::max(0.0, (r.reserved_for - r.created_at) / kSecondsPerDay);
  row.push_back(std::log1p(days));
  row.push_back(days >= 3 ? 1 : 0);
  row.push_back(days >= 7 ? 1 : 0);
  row.push_back(days > 14 ? 1 : 0);
}

void AddHistory(const GuestBookingRecord& past, std::vector<double>& row) {
  row.push_back(past.reservations == 0 ? 1 : 0);
  row.push_back(std::min(past.no_shows, 3));
  row.push_back(std::min(past.cancellations, 3));
  // Smoothed towards 10 % so one no-show in one booking is not a certainty.
  row.push_back((past.no_shows + 0.1) / (past.reservations + 1.0));
}

void Record(const Reservation& r, GuestBookingRecord& record) {
  if (r.status == ReservationStatus::kBooked) return;
  record.reservations += 1;
  record.no_shows += r.status == ReservationStatus::kNoShow;
  record.cancellations += r.status == ReservationStatus::kCancelled;
}

}  // namespace

const std::vector<std::string>& NoShowFeatureNames() {
  static const std::vector<std::string> kNames = {"log1p_lead_days",
                                                  "lead_3d",
                                                  "lead_7d",
                                                  "lead_15d",
                                                  "party_size",
                                                  "party_6_plus",
                                                  "channel_phone",
                                                  "channel_web",
                                                  "channel_whatsapp",
                                                  "channel_walk_in",
                                                  "channel_concierge",
                                                  "friday_saturday",
                                                  "sunday",
                                                  "lunch",
                                                  "hour",
                                                  "deposit",
                                                  "log1p_deposit_soles",
                                                  "first_booking",
                                                  "past_no_shows",
                                                  "past_cancellations",
                                                  "past_no_show_rate"};
  return kNames;
}

std::vector<double> NoShowFeatures(const Reservation& r, const GuestBookingRecord& past) {
  std::vector<double> row;
  row.reserve(NoShowFeatureNames().size());
  AddLead(r, row);
  row.push_back(r.party_size);
  row.push_back(r.party_size >= 6 ? 1 : 0);
  AddChannel(r.channel, row);
  AddCalendar(r.reserved_for, row);
  row.push_back(r.deposit > 0 ? 1 : 0);
  row.push_back(std::log1p(std::max<double>(0, r.deposit) / 100.0));
  AddHistory(past, row);
  return row;
}

std::vector<std::vector<double>> NoShowFeatureRows(const std::vector<Reservation>& reservations) {
  std::unordered_map<Id, GuestBookingRecord> records;
  std::vector<std::vector<double>> rows;
  rows.reserve(reservations.size());
  for (size_t i = 0; i < reservations.size();) {
    // Reservations due at the same instant see none of each other's outcomes.
    size_t end = i;
    while (end < reservations.size() &&
           reservations[end].reserved_for == reservations[i].reserved_for) {
      ++end;
    }
    for (size_t k = i; k < end; ++k) {
      const Reservation& r = reservations[k];
      GuestBookingRecord none;
      rows.push_back(NoShowFeatures(r, r.guest_id ? records[*r.guest_id] : none));
    }
    for (size_t k = i; k < end; ++k) {
      if (reservations[k].guest_id) Record(reservations[k], records[*reservations[k].guest_id]);
    }
    i = end;
  }
  return rows;
}

std::unordered_map<Id, GuestBookingRecord> GuestBookingRecords(
    const std::vector<Reservation>& reservations) {
  std::unordered_map<Id, GuestBookingRecord> records;
  for (const Reservation& r : reservations) {
    if (r.guest_id) Record(r, records[*r.guest_id]);
  }
  return records;
}

bool IsNoShowCandidate(const Reservation& r) {
  return r.status == ReservationStatus::kCompleted || r.status == ReservationStatus::kSeated ||
         r.status == ReservationStatus::kNoShow;
}

}  // namespace sobremesa
