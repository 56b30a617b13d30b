#pragma once
// The one storage interface of Sobremesa. Implementations: SQLite (embedded
// default, sqlite_store.h) and, later, PostgreSQL. No SQL or driver type
// crosses this header.
//
// Tenancy: every record carries its restaurant_id and every read names the
// restaurant; a record of another restaurant is NotFound, never returned.
//
// Writes: each Upsert* call is one transaction, so a batch is stored whole or
// not at all. Matching, per record:
//   - id != 0: update that record; NotFound if it is not in the restaurant.
//   - else external_id non-empty: update the record with that
//     (restaurant_id, external_id), or insert it; re-importing is idempotent.
//   - else: insert a new record.
// On success the ids are returned in input order. A reference to a missing
// record (a visit's guest, an order line's item ...) fails the batch with
// NotFound naming the record and the reference ("order line 3: item 999 not
// found in restaurant 1"); a value out of range is InvalidArgument. The
// refused record's index and the bare reason are in that Status as data too
// (Status::record_index(), record_reason()).
//
// Thread safety: all methods may be called concurrently from many threads.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "domain/history.h"
#include "domain/text_analysis.h"

namespace sobremesa {

enum class EntityKind : std::uint8_t {
  kMenuItem, kGuest, kReservation, kVisit, kOrderLine, kFeedback, kEvent, kMention,
};

struct EntityCounts {
  std::int64_t menu_items = 0, guests = 0, reservations = 0, visits = 0, order_lines = 0,
               feedback = 0, events = 0, mentions = 0;
};

// What erasing a guest removed (Store::EraseGuest).
struct GuestErasure {
  Id guest_id = 0;
  UnixSeconds erased_at = 0;
  std::int64_t reservations = 0, visits = 0, order_lines = 0, feedback = 0, events = 0;
};

// Everything stored about one guest (Store::ReadGuestRecords), for their
// right of access.
struct GuestRecords {
  Guest guest;
  std::vector<Reservation> reservations;  // by reserved_for
  std::vector<Visit> visits;              // by seated_at
  std::vector<OrderLine> order_lines;     // of those visits, by visit then id
  std::vector<Feedback> feedback;         // by created_at
  std::vector<std::optional<TextAnalysis>> feedback_analyses;  // one per feedback
  std::vector<BehaviourEvent> events;     // by time
};

// Reads guests' texts as they are stored (implemented in
// service/text_analysis_service.h, so the store knows no model). Must be
// thread-safe; called outside the store's write lock.
class TextAnalysisHook {
 public:
  virtual ~TextAnalysisHook() = default;
  // The analysis of one text of `restaurant_id`; an error (malformed UTF-8,
  // text over 1 MiB) fails the record's batch: nothing is written.
  virtual StatusOr<TextAnalysis> AnalyzeText(Id restaurant_id, std::string_view text) = 0;
  // The restaurant's menu changed: dishes are matched against the new one.
  virtual void MenuChanged(Id restaurant_id) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Restaurants are the tenants; matched by external_id like other records.
  virtual StatusOr<Id> UpsertRestaurant(const Restaurant& restaurant) = 0;
  virtual StatusOr<Restaurant> GetRestaurant(Id restaurant_id) = 0;
  virtual StatusOr<std::vector<Restaurant>> ListRestaurants() = 0;

  virtual StatusOr<std::vector<Id>> UpsertMenuItems(std::span<const MenuItem> items) = 0;
  virtual StatusOr<std::vector<Id>> UpsertGuests(std::span<const Guest> guests) = 0;
  virtual StatusOr<std::vector<Id>> UpsertReservations(std::span<const Reservation> rs) = 0;
  virtual StatusOr<std::vector<Id>> UpsertVisits(std::span<const Visit> visits) = 0;
  virtual StatusOr<std::vector<Id>> UpsertOrderLines(std::span<const OrderLine> lines) = 0;
  virtual StatusOr<std::vector<Id>> UpsertFeedback(std::span<const Feedback> feedback) = 0;
  // Events are append-only; one with a non-empty external_id already stored
  // is skipped (its existing id is returned).
  virtual StatusOr<std::vector<Id>> AppendEvents(std::span<const BehaviourEvent> events) = 0;
  virtual StatusOr<std::vector<Id>> UpsertMentions(std::span<const SocialMention> mentions) = 0;

  // Single-record reads: NotFound when absent from the restaurant.
  virtual StatusOr<MenuItem> GetMenuItem(Id restaurant_id, Id item_id) = 0;
  virtual StatusOr<Guest> GetGuest(Id restaurant_id, Id guest_id) = 0;
  virtual StatusOr<Reservation> GetReservation(Id restaurant_id, Id reservation_id) = 0;
  virtual StatusOr<Visit> GetVisit(Id restaurant_id, Id visit_id) = 0;
  virtual StatusOr<Feedback> GetFeedback(Id restaurant_id, Id feedback_id) = 0;
  virtual StatusOr<SocialMention> GetMention(Id restaurant_id, Id mention_id) = 0;

  // The whole menu, ordered by course then id.
  virtual StatusOr<std::vector<MenuItem>> ListMenu(Id restaurant_id) = 0;
  // Guests ordered by id; limit >= 0, offset >= 0.
  virtual StatusOr<std::vector<Guest>> ListGuests(Id restaurant_id, int limit, int offset) = 0;
  virtual StatusOr<std::vector<Visit>> ListGuestVisits(Id restaurant_id, Id guest_id) = 0;
  virtual StatusOr<std::vector<OrderLine>> ListVisitOrders(Id restaurant_id, Id visit_id) = 0;
  // Reservations with reserved_for in [from, to), ordered by time.
  virtual StatusOr<std::vector<Reservation>> ListReservations(Id restaurant_id, UnixSeconds from,
                                                              UnixSeconds to) = 0;

  // Everything the guest has ordered, one row per item; empty when nothing.
  virtual StatusOr<std::vector<ItemHistory>> GuestItemHistory(Id restaurant_id,
                                                              Id guest_id) = 0;
  // Calls `fn` once per visit that has order lines, in visit id order.
  virtual Status ForEachBasket(Id restaurant_id, const std::function<void(const Basket&)>& fn) = 0;

  // Events about one menu item (viewed, sent back ...), in time order, and
  // all feedback, in id order: the signals the recommender learns from.
  // NotFound for an unknown restaurant.
  virtual StatusOr<std::vector<BehaviourEvent>> ListItemEvents(Id restaurant_id) = 0;
  virtual StatusOr<std::vector<Feedback>> ListFeedback(Id restaurant_id) = 0;

  // Access, the right of access (ARCO): every record of the guest, read in
  // one snapshot. NotFound when the guest is not in the restaurant.
  virtual StatusOr<GuestRecords> ReadGuestRecords(Id restaurant_id, Id guest_id) = 0;

  // Erasure, the right of cancellation (PRODUCT.md, "Law and trust"): one
  // transaction deletes the guest and everything recorded of them (their
  // reservations, their visits with those visits' order lines, their
  // feedback with its analyses, their behaviour events), so no later
  // training sees them. Another guest's record that pointed at one of those
  // visits or reservations keeps its own data and loses the link. The
  // erasure itself is kept (guest id, external id, time): the id is never
  // given to another guest, whom a model trained before the erasure would
  // otherwise take for them, and a later write of a guest with the same
  // external id (a re-import from the source system) is refused with
  // AlreadyExists. NotFound when the guest is not in the restaurant.
  virtual StatusOr<GuestErasure> EraseGuest(Id restaurant_id, Id guest_id, UnixSeconds now) = 0;
  // The ids of the restaurant's erased guests, ascending: a model trained
  // before an erasure still holds the guest until the next training, and
  // its lists (segment members) leave them out with this at once.
  virtual StatusOr<std::vector<Id>> ListErasedGuestIds(Id restaurant_id) = 0;

  // The id of the record with this external id, or NotFound.
  virtual StatusOr<Id> FindByExternalId(Id restaurant_id, EntityKind kind,
                                        std::string_view external_id) = 0;
  virtual StatusOr<EntityCounts> Counts(Id restaurant_id) = 0;
  // The number of guests alone: cheap enough for every page of a guest list,
  // where Counts reads every table.
  virtual StatusOr<std::int64_t> CountGuests(Id restaurant_id) = 0;

  // --- Text analysis (issue 4; docs/schema.md, text_analyses) ---
  // With a hook set, every feedback and mention written is analysed and its
  // analysis stored in the record's own transaction (a record that cannot
  // be analysed fails the batch). Without one, records are stored without
  // analysis (re-analyse with ReanalyzeTexts). Set once, before writes.
  virtual void SetTextAnalysisHook(std::shared_ptr<TextAnalysisHook> hook) = 0;
  // The stored analysis of a feedback or mention; NotFound if it has none.
  virtual StatusOr<TextAnalysis> GetTextAnalysis(Id restaurant_id, TextSource source,
                                                 Id record_id) = 0;
  // Analyses again every feedback and mention of the restaurant (after a
  // model change), a page of records a transaction; returns how many.
  // FailedPrecondition without a hook.
  virtual StatusOr<std::int64_t> ReanalyzeTexts(Id restaurant_id) = 0;
  // Aspect sentiment of texts dated in [from, to), per Lima day or week;
  // all aspects when `aspect` is empty. Ordered by period, then aspect.
  virtual StatusOr<std::vector<AspectTrendPoint>> AspectSentimentTrend(
      Id restaurant_id, UnixSeconds from, UnixSeconds to, std::optional<Aspect> aspect,
      TrendGranularity granularity) = 0;
  // Dishes with negative (or mixed) mentions in [from, to), most first.
  virtual StatusOr<std::vector<DishSentimentSummary>> DishesMostCriticised(
      Id restaurant_id, UnixSeconds from, UnixSeconds to, int limit) = 0;
  // Guests whose latest analysed feedback is negative or mixed and dated in
  // [from, to), latest first; `guest_id` narrows the list to one guest.
  virtual StatusOr<std::vector<GuestWarning>> GuestsToWarn(Id restaurant_id, UnixSeconds from,
                                                           UnixSeconds to, int limit,
                                                           std::optional<Id> guest_id) = 0;
};

}  // namespace sobremesa
