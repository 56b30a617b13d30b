#pragma once
// The features of the no-show risk classifier for one reservation: lead
// time, party size, channel, day and hour (Lima), deposit, and what the
// guest did with their earlier reservations.

#include <string>
#include <unordered_map>
#include <vector>

#include "domain/entities.h"

namespace sobremesa {

// A guest's record of reservations due before the one being scored.
struct GuestBookingRecord {
  int reservations = 0;  // with a known outcome (completed, seated, no-show, cancelled)
  int no_shows = 0;
  int cancellations = 0;
};

// Names of the columns NoShowFeatures fills, in order.
const std::vector<std::string>& NoShowFeatureNames();

// The feature row of `reservation` given the guest's `past` record (all
// zero for an anonymous booking). Never fails: a reservation created after
// its own time counts as lead 0, an unknown channel as none of the known ones.
std::vector<double> NoShowFeatures(const Reservation& reservation, const GuestBookingRecord& past);

// The feature rows of `reservations` (ordered by reserved_for), each built
// from the outcomes of the same guest's reservations due strictly earlier in
// the list: what is known on the evening the book is scored. Reservations
// still booked add nothing to a guest's record.
std::vector<std::vector<double>> NoShowFeatureRows(const std::vector<Reservation>& reservations);

// Each guest's record over `reservations` (any order): what is known of
// them when the next booking is scored. Anonymous reservations are skipped.
std::unordered_map<Id, GuestBookingRecord> GuestBookingRecords(
    const std::vector<Reservation>& reservations);

// Whether a reservation's outcome is settled: completed, seated or no-show.
// Cancelled and still-booked reservations are not no-show candidates.
bool IsNoShowCandidate(const Reservation& reservation);

}  // namespace sobremesa
