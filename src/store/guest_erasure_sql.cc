#include "store/guest_erasure_sql.h"

#include <string>

namespace sobremesa::sqlite {
namespace {

constexpr const char* kSelectGuest =
    "SELECT external_id FROM guests WHERE restaurant_id = ?1 AND id = ?2";
// The statements below bind ?1 restaurant_id, ?2 guest_id and return one row
// per row they change, which is how the erasure counts what it removed.
constexpr const char* kUnlinkOthersFeedback =
    "UPDATE feedback SET visit_id = NULL WHERE restaurant_id = ?1"
    " AND (guest_id IS NULL OR guest_id <> ?2)"
    " AND visit_id IN (SELECT id FROM visits WHERE restaurant_id = ?1 AND guest_id = ?2)"
    " RETURNING 1";
constexpr const char* kUnlinkOthersEvents =
    "UPDATE behaviour_events SET visit_id = NULL WHERE restaurant_id = ?1 AND guest_id <> ?2"
    " AND visit_id IN (SELECT id FROM visits WHERE restaurant_id = ?1 AND guest_id = ?2)"
    " RETURNING 1";
constexpr const char* kUnlinkOthersVisits =
    "UPDATE visits SET reservation_id = NULL WHERE restaurant_id = ?1"
    " AND (guest_id IS NULL OR guest_id <> ?2)"
    " AND reservation_id IN (SELECT id FROM reservations WHERE restaurant_id = ?1 AND guest_id = ?2)"
    " RETURNING 1";
constexpr const char* kDeleteEvents =
    "DELETE FROM behaviour_events WHERE restaurant_id = ?1 AND guest_id = ?2 RETURNING 1";
// Their analyses go with them (ON DELETE CASCADE).
constexpr const char* kDeleteFeedback =
    "DELETE FROM feedback WHERE restaurant_id = ?1 AND guest_id = ?2 RETURNING 1";
constexpr const char* kDeleteOrderLines =
    "DELETE FROM order_lines WHERE restaurant_id = ?1"
    " AND visit_id IN (SELECT id FROM visits WHERE restaurant_id = ?1 AND guest_id = ?2)"
    " RETURNING 1";
constexpr const char* kDeleteVisits =
    "DELETE FROM visits WHERE restaurant_id = ?1 AND guest_id = ?2 RETURNING 1";
constexpr const char* kDeleteReservations =
    "DELETE FROM reservations WHERE restaurant_id = ?1 AND guest_id = ?2 RETURNING 1";
constexpr const char* kDeleteGuest =
    "DELETE FROM guests WHERE restaurant_id = ?1 AND id = ?2 RETURNING 1";
// Of the external id only its keyed hash is kept (migration 5).
constexpr const char* kRecordErasure =
    "INSERT INTO erased_guests (guest_id, restaurant_id, external_id_hash, erased_at)"
    " VALUES (?2, ?1, erased_id_hash(?3), ?4)";

// Runs `sql` (see above) to the end; returns how many rows it changed.
StatusOr<std::int64_t> Changed(Connection& db, const char* sql, Id restaurant_id, Id guest_id) {
  ASSIGN_OR_RETURN(Statement statement, db.Prepare(sql));
  statement.BindInt(1, restaurant_id);
  statement.BindInt(2, guest_id);
  std::int64_t rows = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool row, statement.Step());
    if (!row) return rows;
    ++rows;
  }
}

}  // namespace

StatusOr<GuestErasure> EraseGuestRows(Connection& db, Id restaurant_id, Id guest_id,
                                      UnixSeconds now) {
  std::string external_id;
  {
    ASSIGN_OR_RETURN(Statement guest, db.Prepare(kSelectGuest));
    guest.BindInt(1, restaurant_id);
    guest.BindInt(2, guest_id);
    ASSIGN_OR_RETURN(bool found, guest.Step());
    if (!found) {
      return Status::NotFound("guest " + std::to_string(guest_id) + " not found in restaurant " +
                              std::to_string(restaurant_id));
    }
    external_id = std::string(guest.ColumnText(0));
  }
  // Links from other guests' records first, while the rows they name exist.
  for (const char* sql : {kUnlinkOthersFeedback, kUnlinkOthersEvents, kUnlinkOthersVisits}) {
    RETURN_IF_ERROR(Changed(db, sql, restaurant_id, guest_id).status());
  }
  GuestErasure erasure{.guest_id = guest_id, .erased_at = now};
  ASSIGN_OR_RETURN(erasure.events, Changed(db, kDeleteEvents, restaurant_id, guest_id));
  ASSIGN_OR_RETURN(erasure.feedback, Changed(db, kDeleteFeedback, restaurant_id, guest_id));
  ASSIGN_OR_RETURN(erasure.order_lines, Changed(db, kDeleteOrderLines, restaurant_id, guest_id));
  ASSIGN_OR_RETURN(erasure.visits, Changed(db, kDeleteVisits, restaurant_id, guest_id));
  ASSIGN_OR_RETURN(erasure.reservations,
                   Changed(db, kDeleteReservations, restaurant_id, guest_id));
  RETURN_IF_ERROR(Changed(db, kDeleteGuest, restaurant_id, guest_id).status());

  ASSIGN_OR_RETURN(Statement record, db.Prepare(kRecordErasure));
  record.BindInt(1, restaurant_id);
  record.BindInt(2, guest_id);
  record.BindText(3, external_id);
  record.BindInt(4, now);
  RETURN_IF_ERROR(record.Run());
  return erasure;
}

}  // namespace sobremesa::sqlite
