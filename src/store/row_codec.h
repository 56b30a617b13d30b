#pragma once
// How each record maps to its table row in the SQLite store: the payload
// columns, binding a record to statement parameters, reading it back from
// result columns, and the records it references. The store builds all its
// per-entity SQL from these column lists, so a column is named in one place.
//
// Row layout shared by every entity table: parameters ?1 id, ?2
// restaurant_id, ?3 external_id, then the payload columns from ?4 in
// kColumns order; result columns id, restaurant_id, external_id, payload.

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "store/sqlite_statement.h"

namespace sobremesa::sqlite {

// Binds parameters left to right; a list that cannot be encoded (invalid
// UTF-8) is remembered in status().
class RowBinder {
 public:
  RowBinder(Statement& statement, int first_index) : statement_(statement), next_(first_index) {}

  void Int(std::int64_t value) { statement_.BindInt(next_++, value); }
  void OptionalInt(std::optional<std::int64_t> value) {
    statement_.BindOptionalInt(next_++, value);
  }
  void Text(std::string_view value) { statement_.BindText(next_++, value); }
  // Lists are stored as JSON arrays of text (analysts use json_each).
  void TextList(const std::vector<std::string>& values, std::string_view what);
  const Status& status() const { return status_; }

 private:
  Statement& statement_;
  int next_;
  Status status_;
};

// Reads result columns left to right; a stored value that does not decode
// (an unknown code, malformed JSON) is remembered in status().
class RowReader {
 public:
  RowReader(const Statement& statement, int first_column)
      : statement_(statement), next_(first_column) {}

  std::int64_t Int() { return statement_.ColumnInt(next_++); }
  std::optional<std::int64_t> OptionalInt() { return statement_.ColumnOptionalInt(next_++); }
  std::optional<int> OptionalSmallInt();
  std::string Text() { return std::string(statement_.ColumnText(next_++)); }
  std::vector<std::string> TextList();
  // A JSON array of codes, each parsed by `parse` (ParseAllergen ...).
  template <typename E>
  EnumSet<E> CodeSet(StatusOr<E> (*parse)(std::string_view));
  // A text code parsed by `parse` (ParseCourse, ParseLanguage ...).
  template <typename E>
  E Code(StatusOr<E> (*parse)(std::string_view)) {
    return Parsed(parse(statement_.ColumnText(next_++)));
  }
  // The value of a decoded column, or V{} with the failure remembered.
  template <typename V>
  V Parsed(StatusOr<V> value) {
    if (value.ok()) return std::move(value).value();
    Fail(value.status());
    return V{};
  }
  void Fail(const Status& status);
  const Status& status() const { return status_; }

 private:
  const Statement& statement_;
  int next_;
  Status status_;
};

// The referenced tables a record may point at, all keyed by (restaurant_id, id).
enum class ReferencedTable : std::uint8_t { kGuests, kReservations, kVisits, kMenuItems };

struct Reference {
  const char* noun;  // "guest", "item" ... as named in NotFound messages
  ReferencedTable table;
  std::optional<Id> id;  // absent: nothing referenced
};

// The query "SELECT 1 FROM <table> WHERE restaurant_id = ?1 AND id = ?2".
const char* ReferenceExistsSql(ReferencedTable table);

template <typename T>
struct RowCodec;

template <>
struct RowCodec<MenuItem> {
  static constexpr const char* kNoun = "menu item";
  static constexpr const char* kTable = "menu_items";
  static constexpr std::array kColumns = {"name_es",        "name_en",   "course",    "category",
                                          "ingredients",    "allergens", "diet_tags", "spice_level",
                                          "price_centimos", "available", "article_es", "staple"};
  static void Bind(RowBinder& out, const MenuItem& item);
  static void Read(RowReader& in, MenuItem& item);
  static std::vector<Reference> References(const MenuItem&) { return {}; }
};

template <>
struct RowCodec<Guest> {
  static constexpr const char* kNoun = "guest";
  static constexpr const char* kTable = "guests";
  // A new guest's id: above every id ever given, erased guests' included
  // (migration 4), so a model trained before an erasure never takes a new
  // guest for the erased one.
  static constexpr const char* kNewId =
      "(SELECT 1 + max(coalesce((SELECT max(id) FROM guests), 0),"
      " coalesce((SELECT max(guest_id) FROM erased_guests), 0)))";
  static constexpr std::array kColumns = {"name",
                                          "email",
                                          "phone",
                                          "language",
                                          "allergies",
                                          "dietary_needs",
                                          "preferences",
                                          "consent_personalization",
                                          "consent_marketing",
                                          "consent_updated_at",
                                          "created_at"};
  static void Bind(RowBinder& out, const Guest& guest);
  static void Read(RowReader& in, Guest& guest);
  static std::vector<Reference> References(const Guest&) { return {}; }
};

template <>
struct RowCodec<Reservation> {
  static constexpr const char* kNoun = "reservation";
  static constexpr const char* kTable = "reservations";
  static constexpr std::array kColumns = {"guest_id", "reserved_for",     "party_size", "status",
                                          "channel",  "deposit_centimos", "created_at"};
  static void Bind(RowBinder& out, const Reservation& reservation);
  static void Read(RowReader& in, Reservation& reservation);
  static std::vector<Reference> References(const Reservation& reservation);
};

template <>
struct RowCodec<Visit> {
  static constexpr const char* kNoun = "visit";
  static constexpr const char* kTable = "visits";
  static constexpr std::array kColumns = {"guest_id",       "reservation_id", "party_size",
                                          "table_label",    "seated_at",      "closed_at",
                                          "spend_centimos", "occasion"};
  static void Bind(RowBinder& out, const Visit& visit);
  static void Read(RowReader& in, Visit& visit);
  static std::vector<Reference> References(const Visit& visit);
};

template <>
struct RowCodec<OrderLine> {
  static constexpr const char* kNoun = "order line";
  static constexpr const char* kTable = "order_lines";
  static constexpr std::array kColumns = {"visit_id", "item_id", "quantity", "modifiers",
                                          "ordered_at"};
  static void Bind(RowBinder& out, const OrderLine& line);
  static void Read(RowReader& in, OrderLine& line);
  static std::vector<Reference> References(const OrderLine& line);
};

template <>
struct RowCodec<Feedback> {
  static constexpr const char* kNoun = "feedback";
  static constexpr const char* kTable = "feedback";
  static constexpr std::array kColumns = {
      "guest_id",    "visit_id",     "nps",  "stars_food", "stars_service", "stars_ambience",
      "stars_value", "stars_drinks", "text", "language",   "channel",       "created_at"};
  static void Bind(RowBinder& out, const Feedback& feedback);
  static void Read(RowReader& in, Feedback& feedback);
  static std::vector<Reference> References(const Feedback& feedback);
};

template <>
struct RowCodec<BehaviourEvent> {
  static constexpr const char* kNoun = "event";
  static constexpr const char* kTable = "behaviour_events";
  static constexpr std::array kColumns = {"guest_id", "visit_id", "item_id", "event_type", "at"};
  static void Bind(RowBinder& out, const BehaviourEvent& event);
  static void Read(RowReader& in, BehaviourEvent& event);
  static std::vector<Reference> References(const BehaviourEvent& event);
};

template <>
struct RowCodec<SocialMention> {
  static constexpr const char* kNoun = "mention";
  static constexpr const char* kTable = "social_mentions";
  static constexpr std::array kColumns = {"platform", "author", "text",     "language",
                                          "rating",   "url",    "posted_at"};
  static void Bind(RowBinder& out, const SocialMention& mention);
  static void Read(RowReader& in, SocialMention& mention);
  static std::vector<Reference> References(const SocialMention&) { return {}; }
};

// The statements every entity table shares, built from its column list.
struct EntitySql {
  std::string upsert;  // insert, or update the row with the same external_id; RETURNING id
  std::string append;  // insert, or nothing when the external_id exists; RETURNING id
  std::string update;  // by (restaurant_id, id); RETURNING id
  std::string select;  // "SELECT <result columns> FROM <table>", for callers to extend
  std::string select_by_id;
  std::string id_by_external_id;
};

// `new_id`, when given, is the SQL expression of an inserted row's id;
// otherwise SQLite picks the rowid.
EntitySql BuildEntitySql(const char* table, std::span<const char* const> columns,
                         const char* new_id = nullptr);

template <typename T>
const EntitySql& SqlFor() {
  static const EntitySql sql = [] {
    if constexpr (requires { RowCodec<T>::kNewId; }) {
      return BuildEntitySql(RowCodec<T>::kTable, RowCodec<T>::kColumns, RowCodec<T>::kNewId);
    } else {
      return BuildEntitySql(RowCodec<T>::kTable, RowCodec<T>::kColumns);
    }
  }();
  return sql;
}

// Binds a whole record: id, restaurant_id, external_id, then the payload.
template <typename T>
Status BindRecord(Statement& statement, const T& record) {
  RowBinder out(statement, 1);
  out.Int(record.id);
  out.Int(record.restaurant_id);
  out.Text(record.external_id);
  RowCodec<T>::Bind(out, record);
  return out.status();
}

// Reads a whole record from a row of SqlFor<T>().select.
template <typename T>
StatusOr<T> ReadRecord(const Statement& statement) {
  T record;
  RowReader in(statement, 0);
  record.id = in.Int();
  record.restaurant_id = in.Int();
  record.external_id = in.Text();
  RowCodec<T>::Read(in, record);
  if (!in.status().ok()) {
    return in.status().WithContext(std::string("stored ") + RowCodec<T>::kNoun + " " +
                                   std::to_string(record.id));
  }
  return record;
}

}  // namespace sobremesa::sqlite
