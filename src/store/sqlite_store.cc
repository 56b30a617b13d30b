#include "store/sqlite_store.h"

#include <array>
#include <functional>
#include <initializer_list>
#include <mutex>
#include <utility>

#include "store/connection_pool.h"
#include "store/erasure_key.h"
#include "store/guest_erasure_sql.h"
#include "store/migrations.h"
#include "store/row_codec.h"
#include "store/sqlite_statement.h"
#include "store/text_analysis_sql.h"

namespace sobremesa {
namespace {

using sqlite::Connection;
using sqlite::ConnectionPool;
using sqlite::EntitySql;
using sqlite::ReferencedTable;
using sqlite::RowCodec;
using sqlite::SqlFor;
using sqlite::Statement;
using sqlite::Transaction;

// Enough for the API's worker threads; more are opened in a burst and closed after.
constexpr size_t kMaxIdleReaders = 8;

enum class WriteMode : std::uint8_t {
  kUpsert,  // update a matching record, else insert
  kAppend,  // insert; a record whose external_id exists is left as it is
};

Status NotInRestaurant(std::string_view noun, Id id, Id restaurant_id) {
  return Status::NotFound(std::string(noun) + " " + std::to_string(id) +
                          " not found in restaurant " + std::to_string(restaurant_id));
}

Status RestaurantNotFound(Id restaurant_id) {
  return Status::NotFound("restaurant " + std::to_string(restaurant_id) + " not found");
}

// Binds ?1, ?2 ... in order.
void BindInts(Statement& statement, std::initializer_list<std::int64_t> values) {
  int index = 1;
  for (std::int64_t value : values) statement.BindInt(index++, value);
}

// True when the query returns a row.
StatusOr<bool> HasRow(Connection& db, const char* sql, std::initializer_list<std::int64_t> params) {
  ASSIGN_OR_RETURN(Statement query, db.Prepare(sql));
  BindInts(query, params);
  return query.Step();
}

Status RequireRestaurant(Connection& db, Id restaurant_id) {
  ASSIGN_OR_RETURN(bool found,
                   HasRow(db, "SELECT 1 FROM restaurants WHERE id = ?1", {restaurant_id}));
  return found ? Status::Ok() : RestaurantNotFound(restaurant_id);
}

Status RequireRecord(Connection& db, ReferencedTable table, std::string_view noun, Id restaurant_id,
                     Id id) {
  ASSIGN_OR_RETURN(bool found, HasRow(db, sqlite::ReferenceExistsSql(table), {restaurant_id, id}));
  return found ? Status::Ok() : NotInRestaurant(noun, id, restaurant_id);
}

// Checks for List(): the restaurant, or one of its records, exists.
auto RestaurantOwner(Id restaurant_id) {
  return [restaurant_id](Connection& db) { return RequireRestaurant(db, restaurant_id); };
}
auto RecordOwner(ReferencedTable table, std::string_view noun, Id restaurant_id, Id id) {
  return [=](Connection& db) { return RequireRecord(db, table, noun, restaurant_id, id); };
}

// Names the first missing reference of a record the database refused with
// a FOREIGN KEY violation, whose own message does not say which one.
template <typename T>
Status ExplainMissingReference(Connection& db, const T& record) {
  RETURN_IF_ERROR(RequireRestaurant(db, record.restaurant_id));
  for (const sqlite::Reference& reference : RowCodec<T>::References(record)) {
    if (!reference.id) continue;
    RETURN_IF_ERROR(
        RequireRecord(db, reference.table, reference.noun, record.restaurant_id, *reference.id));
  }
  return Status::Internal("a reference is missing but none could be named");
}

template <typename T>
StatusOr<Id> IdByExternalId(Connection& db, Id restaurant_id, std::string_view external_id);

// Names the record holding the external_id an update would take, which
// SQLite's "UNIQUE constraint failed: guests.restaurant_id, ..." does not;
// any other refusal (an erased guest's key, by trigger) keeps its message.
template <typename T>
Status ExplainTakenKey(Connection& db, const T& record, const Status& refused) {
  if (record.external_id.empty()) return refused;
  StatusOr<Id> holder = IdByExternalId<T>(db, record.restaurant_id, record.external_id);
  if (!holder.ok() || *holder == record.id) return refused;
  return Status::AlreadyExists("external_id: '" + record.external_id + "' is already " +
                               std::string(RowCodec<T>::kNoun) + " " + std::to_string(*holder) +
                               "'s");
}

template <typename T>
StatusOr<Id> IdByExternalId(Connection& db, Id restaurant_id, std::string_view external_id) {
  ASSIGN_OR_RETURN(Statement query, db.Prepare(SqlFor<T>().id_by_external_id.c_str()));
  query.BindInt(1, restaurant_id);
  query.BindText(2, external_id);
  ASSIGN_OR_RETURN(bool row, query.Step());
  if (!row) {
    return Status::NotFound(std::string(RowCodec<T>::kNoun) + " with external id '" +
                            std::string(external_id) + "' not found in restaurant " +
                            std::to_string(restaurant_id));
  }
  return query.ColumnInt(0);
}

const std::string& WriteSql(const EntitySql& sql, Id id, WriteMode mode) {
  if (id != 0) return sql.update;
  return mode == WriteMode::kAppend ? sql.append : sql.upsert;
}

// Stores one record inside the caller's transaction; returns its id.
template <typename T>
StatusOr<Id> WriteRecord(Connection& db, const T& record, WriteMode mode) {
  if (mode == WriteMode::kAppend && record.id != 0) {
    return Status::InvalidArgument("append-only, so id must be 0, got " +
                                   std::to_string(record.id));
  }
  ASSIGN_OR_RETURN(Statement write, db.Prepare(WriteSql(SqlFor<T>(), record.id, mode).c_str()));
  RETURN_IF_ERROR(sqlite::BindRecord(write, record));
  StatusOr<bool> row = write.Step();
  if (!row.ok()) {
    // The statement's only NotFound is a FOREIGN KEY violation.
    if (row.status().IsNotFound()) return ExplainMissingReference(db, record);
    if (row.status().code() == StatusCode::kAlreadyExists) {
      return ExplainTakenKey(db, record, row.status());
    }
    return row.status();
  }
  if (*row) return write.ColumnInt(0);
  if (record.id != 0) return NotInRestaurant("id", record.id, record.restaurant_id);
  // Appending a record stored before: report the id it already has.
  return IdByExternalId<T>(db, record.restaurant_id, record.external_id);
}

template <typename T>
StatusOr<std::vector<T>> ReadAll(Statement& query) {
  std::vector<T> records;
  while (true) {
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return records;
    ASSIGN_OR_RETURN(T record, sqlite::ReadRecord<T>(query));
    records.push_back(std::move(record));
  }
}

Restaurant ReadRestaurant(const Statement& row) {
  return Restaurant{.id = row.ColumnInt(0),
                    .external_id = std::string(row.ColumnText(1)),
                    .name = std::string(row.ColumnText(2)),
                    .timezone = std::string(row.ColumnText(3))};
}

// Where an analysis of a feedback or mention belongs.
sqlite::AnalysedRecord AnalysedRecordOf(const Feedback& f, Id id) {
  return {f.restaurant_id, TextSource::kFeedback, id, f.guest_id, f.created_at};
}
sqlite::AnalysedRecord AnalysedRecordOf(const SocialMention& m, Id id) {
  return {m.restaurant_id, TextSource::kMention, id, std::nullopt, m.posted_at};
}

// Records of feedback and mentions analysed again per transaction.
constexpr int kReanalysisPage = 500;

// Groups rows (visit id, guest id, seated_at, party size, occasion, item id),
// ordered by visit then item, into one basket per visit.
Status EmitBaskets(Statement& rows, const std::function<void(const Basket&)>& fn) {
  Basket basket;
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row || rows.ColumnInt(0) != basket.visit_id) {
      if (!basket.item_ids.empty()) fn(basket);
      if (!row) return Status::Ok();
      basket = Basket{.visit_id = rows.ColumnInt(0),
                      .guest_id = rows.ColumnOptionalInt(1),
                      .seated_at = rows.ColumnInt(2),
                      .party_size = static_cast<int>(rows.ColumnInt(3)),
                      .occasion = std::string(rows.ColumnText(4)),
                      .item_ids = {}};
    }
    basket.item_ids.push_back(rows.ColumnInt(5));
  }
}

class SqliteStore final : public Store {
 public:
  SqliteStore(const std::string& path, std::unique_ptr<Connection> writer)
      : readers_(path, kMaxIdleReaders), writer_(std::move(writer)) {}

  StatusOr<Id> UpsertRestaurant(const Restaurant& restaurant) override;
  StatusOr<Restaurant> GetRestaurant(Id restaurant_id) override;
  StatusOr<std::vector<Restaurant>> ListRestaurants() override;

  StatusOr<std::vector<Id>> UpsertMenuItems(std::span<const MenuItem> items) override {
    auto ids = WriteBatch(items, WriteMode::kUpsert);
    if (ids.ok()) {
      if (auto hook = Hook()) {
        for (const MenuItem& item : items) hook->MenuChanged(item.restaurant_id);
      }
    }
    return ids;
  }
  StatusOr<std::vector<Id>> UpsertGuests(std::span<const Guest> guests) override {
    return WriteBatch(guests, WriteMode::kUpsert);
  }
  StatusOr<std::vector<Id>> UpsertReservations(std::span<const Reservation> rs) override {
    return WriteBatch(rs, WriteMode::kUpsert);
  }
  StatusOr<std::vector<Id>> UpsertVisits(std::span<const Visit> visits) override {
    return WriteBatch(visits, WriteMode::kUpsert);
  }
  StatusOr<std::vector<Id>> UpsertOrderLines(std::span<const OrderLine> lines) override {
    return WriteBatch(lines, WriteMode::kUpsert);
  }
  StatusOr<std::vector<Id>> UpsertFeedback(std::span<const Feedback> feedback) override {
    return WriteAnalysedBatch(feedback);
  }
  StatusOr<std::vector<Id>> AppendEvents(std::span<const BehaviourEvent> events) override {
    return WriteBatch(events, WriteMode::kAppend);
  }
  StatusOr<std::vector<Id>> UpsertMentions(std::span<const SocialMention> mentions) override {
    return WriteAnalysedBatch(mentions);
  }

  StatusOr<MenuItem> GetMenuItem(Id restaurant_id, Id item_id) override {
    return Get<MenuItem>(restaurant_id, item_id);
  }
  StatusOr<GuestRecords> ReadGuestRecords(Id restaurant_id, Id guest_id) override;
  StatusOr<GuestErasure> EraseGuest(Id restaurant_id, Id guest_id, UnixSeconds now) override;

  StatusOr<Guest> GetGuest(Id restaurant_id, Id guest_id) override {
    return Get<Guest>(restaurant_id, guest_id);
  }
  StatusOr<Reservation> GetReservation(Id restaurant_id, Id reservation_id) override {
    return Get<Reservation>(restaurant_id, reservation_id);
  }
  StatusOr<Visit> GetVisit(Id restaurant_id, Id visit_id) override {
    return Get<Visit>(restaurant_id, visit_id);
  }
  StatusOr<Feedback> GetFeedback(Id restaurant_id, Id feedback_id) override {
    return Get<Feedback>(restaurant_id, feedback_id);
  }
  StatusOr<SocialMention> GetMention(Id restaurant_id, Id mention_id) override {
    return Get<SocialMention>(restaurant_id, mention_id);
  }

  StatusOr<std::vector<MenuItem>> ListMenu(Id restaurant_id) override;
  StatusOr<std::vector<Guest>> ListGuests(Id restaurant_id, int limit, int offset) override;
  StatusOr<std::vector<Visit>> ListGuestVisits(Id restaurant_id, Id guest_id) override;
  StatusOr<std::vector<OrderLine>> ListVisitOrders(Id restaurant_id, Id visit_id) override;
  StatusOr<std::vector<Reservation>> ListReservations(Id restaurant_id, UnixSeconds from,
                                                      UnixSeconds to) override;
  StatusOr<std::vector<ItemHistory>> GuestItemHistory(Id restaurant_id, Id guest_id) override;
  Status ForEachBasket(Id restaurant_id, const std::function<void(const Basket&)>& fn) override;
  StatusOr<std::vector<BehaviourEvent>> ListItemEvents(Id restaurant_id) override;
  StatusOr<std::vector<Feedback>> ListFeedback(Id restaurant_id) override;
  StatusOr<Id> FindByExternalId(Id restaurant_id, EntityKind kind,
                                std::string_view external_id) override;
  StatusOr<EntityCounts> Counts(Id restaurant_id) override;
  StatusOr<std::int64_t> CountGuests(Id restaurant_id) override;
  StatusOr<std::vector<Id>> ListErasedGuestIds(Id restaurant_id) override;

  void SetTextAnalysisHook(std::shared_ptr<TextAnalysisHook> hook) override {
    std::lock_guard lock(hook_mutex_);
    hook_ = std::move(hook);
  }
  StatusOr<TextAnalysis> GetTextAnalysis(Id restaurant_id, TextSource source,
                                         Id record_id) override {
    return WithReader([&](Connection& db) {
      return sqlite::ReadTextAnalysis(db, restaurant_id, source, record_id);
    });
  }
  StatusOr<std::int64_t> ReanalyzeTexts(Id restaurant_id) override;
  StatusOr<std::vector<AspectTrendPoint>> AspectSentimentTrend(
      Id restaurant_id, UnixSeconds from, UnixSeconds to, std::optional<Aspect> aspect,
      TrendGranularity granularity) override {
    return WithReader([&](Connection& db) -> StatusOr<std::vector<AspectTrendPoint>> {
      RETURN_IF_ERROR(RequireRestaurant(db, restaurant_id));
      return sqlite::ReadAspectTrend(db, restaurant_id, from, to, aspect, granularity);
    });
  }
  StatusOr<std::vector<DishSentimentSummary>> DishesMostCriticised(Id restaurant_id,
                                                                   UnixSeconds from,
                                                                   UnixSeconds to,
                                                                   int limit) override {
    return WithReader([&](Connection& db) -> StatusOr<std::vector<DishSentimentSummary>> {
      RETURN_IF_ERROR(RequireRestaurant(db, restaurant_id));
      return sqlite::ReadDishesMostCriticised(db, restaurant_id, from, to, limit);
    });
  }
  StatusOr<std::vector<GuestWarning>> GuestsToWarn(Id restaurant_id, UnixSeconds from,
                                                   UnixSeconds to, int limit,
                                                   std::optional<Id> guest_id) override {
    return WithReader([&](Connection& db) -> StatusOr<std::vector<GuestWarning>> {
      RETURN_IF_ERROR(RequireRestaurant(db, restaurant_id));
      return sqlite::ReadGuestWarnings(db, restaurant_id, from, to, limit, guest_id);
    });
  }

 private:
  std::shared_ptr<TextAnalysisHook> Hook() {
    std::lock_guard lock(hook_mutex_);
    return hook_;
  }

  // Feedback or mentions: each analysed first (outside the write lock), then
  // stored with its analysis in the batch's one transaction.
  template <typename T>
  StatusOr<std::vector<Id>> WriteAnalysedBatch(std::span<const T> records) {
    const std::shared_ptr<TextAnalysisHook> hook = Hook();
    if (hook == nullptr) return WriteBatch(records, WriteMode::kUpsert);
    std::vector<TextAnalysis> analyses;
    analyses.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      StatusOr<TextAnalysis> a = hook->AnalyzeText(records[i].restaurant_id, records[i].text);
      if (!a.ok()) {
        return a.status().WithContext("text").WithRecord(RowCodec<T>::kNoun, i);
      }
      analyses.push_back(std::move(a).value());
    }
    return WriteBatch(records, WriteMode::kUpsert, [&](size_t i, Id id) {
      return sqlite::WriteTextAnalysis(*writer_, AnalysedRecordOf(records[i], id), analyses[i]);
    });
  }

  // Runs fn(Connection&) on a leased reader connection.
  template <typename Fn>
  auto WithReader(Fn&& fn) -> decltype(fn(std::declval<Connection&>())) {
    ASSIGN_OR_RETURN(ConnectionPool::Lease reader, readers_.Acquire());
    return fn(*reader);
  }

  // One transaction for the whole batch: stored whole or not at all.
  // `after_each(i, id)`, when given, writes what belongs with record i in
  // the same transaction.
  template <typename T>
  StatusOr<std::vector<Id>> WriteBatch(
      std::span<const T> records, WriteMode mode,
      const std::function<Status(size_t, Id)>& after_each = {}) {
    if (records.empty()) return std::vector<Id>{};
    std::lock_guard lock(writer_mutex_);
    ASSIGN_OR_RETURN(Transaction transaction,
                     Transaction::Begin(*writer_, Transaction::Kind::kImmediate));
    std::vector<Id> ids;
    ids.reserve(records.size());
    for (size_t i = 0; i < records.size(); ++i) {
      StatusOr<Id> id = WriteRecord(*writer_, records[i], mode);
      if (!id.ok()) return id.status().WithRecord(RowCodec<T>::kNoun, i);
      if (after_each) {
        Status written = after_each(i, *id);
        if (!written.ok()) return written.WithRecord(RowCodec<T>::kNoun, i);
      }
      ids.push_back(*id);
    }
    RETURN_IF_ERROR(transaction.Commit());
    return ids;
  }

  template <typename T>
  StatusOr<T> Get(Id restaurant_id, Id id) {
    return WithReader([&](Connection& db) -> StatusOr<T> {
      ASSIGN_OR_RETURN(Statement query, db.Prepare(SqlFor<T>().select_by_id.c_str()));
      query.BindInt(1, restaurant_id);
      query.BindInt(2, id);
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return NotInRestaurant(RowCodec<T>::kNoun, id, restaurant_id);
      return sqlite::ReadRecord<T>(query);
    });
  }

  // The records `sql` selects with `params` bound as ?1, ?2 ...; when there
  // are none, `require_owner` says whether that is NotFound (the restaurant
  // or guest asked about does not exist) rather than an empty list.
  template <typename T, typename RequireOwner>
  StatusOr<std::vector<T>> List(const std::string& sql, std::initializer_list<std::int64_t> params,
                                RequireOwner require_owner) {
    return WithReader([&](Connection& db) -> StatusOr<std::vector<T>> {
      ASSIGN_OR_RETURN(Statement query, db.Prepare(sql.c_str()));
      BindInts(query, params);
      ASSIGN_OR_RETURN(std::vector<T> records, ReadAll<T>(query));
      if (records.empty()) RETURN_IF_ERROR(require_owner(db));
      return records;
    });
  }

  // Fixed after construction. Declared before the writer so that readers
  // close first and the writer's close checkpoints the WAL.
  ConnectionPool readers_;

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;  // guarded by writer_mutex_

  std::mutex hook_mutex_;
  std::shared_ptr<TextAnalysisHook> hook_;  // guarded by hook_mutex_
};

StatusOr<std::int64_t> SqliteStore::ReanalyzeTexts(Id restaurant_id) {
  const std::shared_ptr<TextAnalysisHook> hook = Hook();
  if (hook == nullptr) {
    return Status::FailedPrecondition("no text analysis is configured for this store");
  }
  RETURN_IF_ERROR(GetRestaurant(restaurant_id).status());
  std::int64_t analysed = 0;
  for (TextSource source : {TextSource::kFeedback, TextSource::kMention}) {
    Id after = 0;
    while (true) {
      ASSIGN_OR_RETURN(std::vector<sqlite::StoredText> page, WithReader([&](Connection& db) {
                         return sqlite::ReadTexts(db, restaurant_id, source, after,
                                                  kReanalysisPage);
                       }));
      if (page.empty()) break;
      std::vector<TextAnalysis> analyses;
      for (const sqlite::StoredText& t : page) {
        StatusOr<TextAnalysis> a = hook->AnalyzeText(restaurant_id, t.text);
        // A text stored before analysis existed may be one it refuses
        // (malformed UTF-8 from an old import): keep it, not analysed.
        analyses.push_back(a.ok() ? std::move(a).value()
                                  : TextAnalysis{.status = AnalysisStatus::kUnknownLanguage});
      }
      std::lock_guard lock(writer_mutex_);
      ASSIGN_OR_RETURN(Transaction transaction,
                       Transaction::Begin(*writer_, Transaction::Kind::kImmediate));
      for (size_t i = 0; i < page.size(); ++i) {
        RETURN_IF_ERROR(sqlite::WriteTextAnalysis(*writer_, page[i].record, analyses[i]));
      }
      RETURN_IF_ERROR(transaction.Commit());
      analysed += static_cast<std::int64_t>(page.size());
      after = page.back().record.id;
    }
  }
  return analysed;
}

StatusOr<GuestRecords> SqliteStore::ReadGuestRecords(Id restaurant_id, Id guest_id) {
  static const std::string reservations =
      SqlFor<Reservation>().select +
      " WHERE restaurant_id = ?1 AND guest_id = ?2 ORDER BY reserved_for, id";
  static const std::string visits =
      SqlFor<Visit>().select + " WHERE restaurant_id = ?1 AND guest_id = ?2 ORDER BY seated_at, id";
  static const std::string order_lines =
      SqlFor<OrderLine>().select +
      " WHERE restaurant_id = ?1 AND visit_id IN"
      " (SELECT id FROM visits WHERE restaurant_id = ?1 AND guest_id = ?2) ORDER BY visit_id, id";
  static const std::string feedback =
      SqlFor<Feedback>().select +
      " WHERE restaurant_id = ?1 AND guest_id = ?2 ORDER BY created_at, id";
  static const std::string events =
      SqlFor<BehaviourEvent>().select +
      " WHERE restaurant_id = ?1 AND guest_id = ?2 ORDER BY at, id";
  return WithReader([&](Connection& db) -> StatusOr<GuestRecords> {
    ASSIGN_OR_RETURN(Transaction snapshot, Transaction::Begin(db, Transaction::Kind::kDeferred));
    GuestRecords r;
    auto read = [&]<typename T>(const std::string& sql, std::vector<T>* out) -> Status {
      ASSIGN_OR_RETURN(Statement query, db.Prepare(sql.c_str()));
      BindInts(query, {restaurant_id, guest_id});
      ASSIGN_OR_RETURN(*out, ReadAll<T>(query));
      return Status::Ok();
    };
    std::vector<Guest> guest;
    RETURN_IF_ERROR(read(SqlFor<Guest>().select_by_id, &guest));
    if (guest.empty()) return NotInRestaurant("guest", guest_id, restaurant_id);
    r.guest = std::move(guest.front());
    RETURN_IF_ERROR(read(reservations, &r.reservations));
    RETURN_IF_ERROR(read(visits, &r.visits));
    RETURN_IF_ERROR(read(order_lines, &r.order_lines));
    RETURN_IF_ERROR(read(feedback, &r.feedback));
    RETURN_IF_ERROR(read(events, &r.events));
    for (const Feedback& f : r.feedback) {
      StatusOr<TextAnalysis> analysis =
          sqlite::ReadTextAnalysis(db, restaurant_id, TextSource::kFeedback, f.id);
      if (!analysis.ok() && !analysis.status().IsNotFound()) return analysis.status();
      r.feedback_analyses.push_back(analysis.ok() ? std::optional(std::move(analysis).value())
                                                  : std::nullopt);
    }
    RETURN_IF_ERROR(snapshot.Commit());
    return r;
  });
}

StatusOr<GuestErasure> SqliteStore::EraseGuest(Id restaurant_id, Id guest_id,
                                               UnixSeconds now) {
  std::lock_guard lock(writer_mutex_);
  ASSIGN_OR_RETURN(Transaction transaction,
                   Transaction::Begin(*writer_, Transaction::Kind::kImmediate));
  ASSIGN_OR_RETURN(GuestErasure erasure,
                   sqlite::EraseGuestRows(*writer_, restaurant_id, guest_id, now));
  RETURN_IF_ERROR(transaction.Commit());
  // secure_delete zeroed the freed space in the pages this wrote, but the
  // write-ahead log still holds the pages as they were; a checkpoint that
  // truncates it leaves no copy of the guest in either file. It waits for
  // readers up to the busy timeout and is otherwise left to the next
  // automatic checkpoint, which overwrites the log from its start.
  (void)writer_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return erasure;
}

StatusOr<Id> SqliteStore::UpsertRestaurant(const Restaurant& restaurant) {
  static constexpr const char* kUpdate =
      "UPDATE restaurants SET external_id = ?2, name = ?3, timezone = ?4 WHERE id = ?1 "
      "RETURNING id";
  static constexpr const char* kUpsert =
      "INSERT INTO restaurants (external_id, name, timezone) VALUES (?2, ?3, ?4) "
      "ON CONFLICT (external_id) WHERE external_id <> '' "
      "DO UPDATE SET name = excluded.name, timezone = excluded.timezone RETURNING id";
  std::lock_guard lock(writer_mutex_);
  ASSIGN_OR_RETURN(Statement write, writer_->Prepare(restaurant.id != 0 ? kUpdate : kUpsert));
  write.BindInt(1, restaurant.id);
  write.BindText(2, restaurant.external_id);
  write.BindText(3, restaurant.name);
  write.BindText(4, restaurant.timezone);
  ASSIGN_OR_RETURN(bool row, write.Step());
  if (!row) return RestaurantNotFound(restaurant.id);
  return write.ColumnInt(0);
}

StatusOr<Restaurant> SqliteStore::GetRestaurant(Id restaurant_id) {
  return WithReader([&](Connection& db) -> StatusOr<Restaurant> {
    ASSIGN_OR_RETURN(Statement query,
                     db.Prepare("SELECT id, external_id, name, timezone FROM restaurants "
                                "WHERE id = ?1"));
    query.BindInt(1, restaurant_id);
    ASSIGN_OR_RETURN(bool row, query.Step());
    if (!row) return RestaurantNotFound(restaurant_id);
    return ReadRestaurant(query);
  });
}

StatusOr<std::vector<Restaurant>> SqliteStore::ListRestaurants() {
  return WithReader([&](Connection& db) -> StatusOr<std::vector<Restaurant>> {
    ASSIGN_OR_RETURN(Statement query, db.Prepare("SELECT id, external_id, name, timezone "
                                                 "FROM restaurants ORDER BY id"));
    std::vector<Restaurant> restaurants;
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return restaurants;
      restaurants.push_back(ReadRestaurant(query));
    }
  });
}

StatusOr<std::vector<MenuItem>> SqliteStore::ListMenu(Id restaurant_id) {
  // Courses in service order, which is not the alphabetical order of their codes.
  static const std::string sql = SqlFor<MenuItem>().select +
                                 " WHERE restaurant_id = ?1 ORDER BY CASE course"
                                 " WHEN 'starter' THEN 0 WHEN 'main' THEN 1"
                                 " WHEN 'dessert' THEN 2 ELSE 3 END, id";
  return List<MenuItem>(sql, {restaurant_id}, RestaurantOwner(restaurant_id));
}

StatusOr<std::vector<Guest>> SqliteStore::ListGuests(Id restaurant_id, int limit, int offset) {
  if (limit < 0 || offset < 0) {
    return Status::InvalidArgument("limit and offset must be >= 0, got " + std::to_string(limit) +
                                   " and " + std::to_string(offset));
  }
  static const std::string sql =
      SqlFor<Guest>().select + " WHERE restaurant_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3";
  return List<Guest>(sql, {restaurant_id, limit, offset}, RestaurantOwner(restaurant_id));
}

StatusOr<std::vector<Visit>> SqliteStore::ListGuestVisits(Id restaurant_id, Id guest_id) {
  static const std::string sql = SqlFor<Visit>().select +
                                 " WHERE restaurant_id = ?1 AND guest_id = ?2"
                                 " ORDER BY seated_at, id";
  return List<Visit>(sql, {restaurant_id, guest_id},
                     RecordOwner(ReferencedTable::kGuests, "guest", restaurant_id, guest_id));
}

StatusOr<std::vector<OrderLine>> SqliteStore::ListVisitOrders(Id restaurant_id, Id visit_id) {
  static const std::string sql =
      SqlFor<OrderLine>().select + " WHERE restaurant_id = ?1 AND visit_id = ?2 ORDER BY id";
  return List<OrderLine>(sql, {restaurant_id, visit_id},
                         RecordOwner(ReferencedTable::kVisits, "visit", restaurant_id, visit_id));
}

StatusOr<std::vector<Reservation>> SqliteStore::ListReservations(Id restaurant_id, UnixSeconds from,
                                                                 UnixSeconds to) {
  static const std::string sql = SqlFor<Reservation>().select +
                                 " WHERE restaurant_id = ?1 AND reserved_for >= ?2"
                                 " AND reserved_for < ?3 ORDER BY reserved_for, id";
  return List<Reservation>(sql, {restaurant_id, from, to}, RestaurantOwner(restaurant_id));
}

StatusOr<std::vector<ItemHistory>> SqliteStore::GuestItemHistory(Id restaurant_id, Id guest_id) {
  // An order line without its own time counts as ordered when the party sat.
  // CROSS JOIN fixes the join order (SQLite's documented hint): left to
  // itself the planner walks every order line of the restaurant in item
  // order to save the GROUP BY sort, 1000 times slower than starting from
  // the guest's few visits.
  static constexpr const char* kSql =
      "SELECT l.item_id, SUM(l.quantity), COUNT(DISTINCT l.visit_id),"
      " MAX(COALESCE(NULLIF(l.ordered_at, 0), v.seated_at))"
      " FROM visits v CROSS JOIN order_lines l"
      " ON l.restaurant_id = v.restaurant_id AND l.visit_id = v.id"
      " WHERE v.restaurant_id = ?1 AND v.guest_id = ?2"
      " GROUP BY l.item_id ORDER BY l.item_id";
  return WithReader([&](Connection& db) -> StatusOr<std::vector<ItemHistory>> {
    ASSIGN_OR_RETURN(Statement query, db.Prepare(kSql));
    query.BindInt(1, restaurant_id);
    query.BindInt(2, guest_id);
    std::vector<ItemHistory> history;
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) break;
      history.push_back({.item_id = query.ColumnInt(0),
                         .times_ordered = static_cast<int>(query.ColumnInt(1)),
                         .visits = static_cast<int>(query.ColumnInt(2)),
                         .last_ordered_at = query.ColumnInt(3)});
    }
    if (history.empty()) {
      RETURN_IF_ERROR(
          RequireRecord(db, ReferencedTable::kGuests, "guest", restaurant_id, guest_id));
    }
    return history;
  });
}

Status SqliteStore::ForEachBasket(Id restaurant_id, const std::function<void(const Basket&)>& fn) {
  static constexpr const char* kSql =
      "SELECT DISTINCT v.id, v.guest_id, v.seated_at, v.party_size, v.occasion, l.item_id"
      " FROM visits v JOIN order_lines l"
      " ON l.restaurant_id = v.restaurant_id AND l.visit_id = v.id"
      " WHERE v.restaurant_id = ?1 ORDER BY v.id, l.item_id";
  return WithReader([&](Connection& db) -> Status {
    // The statement reads one snapshot, so a concurrent import never shows
    // a visit with half its lines.
    ASSIGN_OR_RETURN(Statement rows, db.Prepare(kSql));
    rows.BindInt(1, restaurant_id);
    RETURN_IF_ERROR(EmitBaskets(rows, fn));
    return RequireRestaurant(db, restaurant_id);
  });
}

StatusOr<std::vector<BehaviourEvent>> SqliteStore::ListItemEvents(Id restaurant_id) {
  static const std::string sql = SqlFor<BehaviourEvent>().select +
                                 " WHERE restaurant_id = ?1 AND item_id IS NOT NULL"
                                 " ORDER BY at, id";
  return List<BehaviourEvent>(sql, {restaurant_id}, RestaurantOwner(restaurant_id));
}

StatusOr<std::vector<Feedback>> SqliteStore::ListFeedback(Id restaurant_id) {
  static const std::string sql = SqlFor<Feedback>().select + " WHERE restaurant_id = ?1 ORDER BY id";
  return List<Feedback>(sql, {restaurant_id}, RestaurantOwner(restaurant_id));
}

StatusOr<Id> SqliteStore::FindByExternalId(Id restaurant_id, EntityKind kind,
                                           std::string_view external_id) {
  if (external_id.empty()) return Status::InvalidArgument("external_id is empty");
  return WithReader([&](Connection& db) -> StatusOr<Id> {
    switch (kind) {
      case EntityKind::kMenuItem:
        return IdByExternalId<MenuItem>(db, restaurant_id, external_id);
      case EntityKind::kGuest:
        return IdByExternalId<Guest>(db, restaurant_id, external_id);
      case EntityKind::kReservation:
        return IdByExternalId<Reservation>(db, restaurant_id, external_id);
      case EntityKind::kVisit:
        return IdByExternalId<Visit>(db, restaurant_id, external_id);
      case EntityKind::kOrderLine:
        return IdByExternalId<OrderLine>(db, restaurant_id, external_id);
      case EntityKind::kFeedback:
        return IdByExternalId<Feedback>(db, restaurant_id, external_id);
      case EntityKind::kEvent:
        return IdByExternalId<BehaviourEvent>(db, restaurant_id, external_id);
      case EntityKind::kMention:
        return IdByExternalId<SocialMention>(db, restaurant_id, external_id);
    }
    return Status::InvalidArgument("unknown entity kind");
  });
}

StatusOr<std::int64_t> SqliteStore::CountGuests(Id restaurant_id) {
  return WithReader([&](Connection& db) -> StatusOr<std::int64_t> {
    RETURN_IF_ERROR(RequireRestaurant(db, restaurant_id));
    ASSIGN_OR_RETURN(Statement query,
                     db.Prepare("SELECT COUNT(*) FROM guests WHERE restaurant_id = ?1"));
    query.BindInt(1, restaurant_id);
    ASSIGN_OR_RETURN(bool row, query.Step());
    return row ? query.ColumnInt(0) : std::int64_t{0};
  });
}

StatusOr<std::vector<Id>> SqliteStore::ListErasedGuestIds(Id restaurant_id) {
  return WithReader([&](Connection& db) -> StatusOr<std::vector<Id>> {
    ASSIGN_OR_RETURN(Statement query,
                     db.Prepare("SELECT guest_id FROM erased_guests WHERE restaurant_id = ?1"
                                " ORDER BY guest_id"));
    query.BindInt(1, restaurant_id);
    std::vector<Id> ids;
    while (true) {
      ASSIGN_OR_RETURN(bool row, query.Step());
      if (!row) return ids;
      ids.push_back(query.ColumnInt(0));
    }
  });
}

StatusOr<EntityCounts> SqliteStore::Counts(Id restaurant_id) {
  static constexpr std::array<const char*, 8> kSql = {
      "SELECT COUNT(*) FROM menu_items WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM guests WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM reservations WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM visits WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM order_lines WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM feedback WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM behaviour_events WHERE restaurant_id = ?1",
      "SELECT COUNT(*) FROM social_mentions WHERE restaurant_id = ?1"};
  return WithReader([&](Connection& db) -> StatusOr<EntityCounts> {
    // One snapshot for all eight counts.
    ASSIGN_OR_RETURN(Transaction snapshot, Transaction::Begin(db, Transaction::Kind::kDeferred));
    RETURN_IF_ERROR(RequireRestaurant(db, restaurant_id));
    std::array<std::int64_t, kSql.size()> n{};
    for (size_t i = 0; i < kSql.size(); ++i) {
      ASSIGN_OR_RETURN(Statement query, db.Prepare(kSql[i]));
      query.BindInt(1, restaurant_id);
      ASSIGN_OR_RETURN(bool row, query.Step());
      n[i] = row ? query.ColumnInt(0) : 0;
    }
    RETURN_IF_ERROR(snapshot.Commit());
    return EntityCounts{.menu_items = n[0],
                        .guests = n[1],
                        .reservations = n[2],
                        .visits = n[3],
                        .order_lines = n[4],
                        .feedback = n[5],
                        .events = n[6],
                        .mentions = n[7]};
  });
}

// WAL is what lets readers run beside the writer; a path where SQLite cannot
// use it (":memory:") would give each reader a different, empty database.
Status ConfigureWriter(Connection& writer, const std::string& path) {
  // A bulk import touches every index of a large table; with SQLite's 2 MiB
  // default cache it rereads pages from the OS on most rows.
  // secure_delete: deleted rows (an erased guest, a replaced analysis) are
  // overwritten with zeros, not left readable in free pages of the file.
  RETURN_IF_ERROR(writer.Exec(
      "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536;"
      " PRAGMA secure_delete = ON"));
  ASSIGN_OR_RETURN(Statement mode, writer.Prepare("PRAGMA journal_mode = WAL"));
  ASSIGN_OR_RETURN(bool row, mode.Step());
  if (!row || mode.ColumnText(0) != "wal") {
    return Status::FailedPrecondition("cannot use WAL journal mode for " + path);
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  ASSIGN_OR_RETURN(std::unique_ptr<Connection> writer,
                   Connection::Open(path, sqlite::OpenMode::kReadWriteCreate));
  RETURN_IF_ERROR(ConfigureWriter(*writer, path));
  ASSIGN_OR_RETURN(sqlite::ErasureKey key, sqlite::LoadErasureKeyOf(*writer, path));
  RETURN_IF_ERROR(sqlite::DefineErasedIdHash(*writer, key));
  RETURN_IF_ERROR(sqlite::Migrate(*writer, sqlite::LatestSchemaVersion()));
  return std::unique_ptr<Store>(new SqliteStore(path, std::move(writer)));
}

}  // namespace sobremesa
