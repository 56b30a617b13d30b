#include "demo/demo_writer.h"

#include <algorithm>

namespace sobremesa::demo {
namespace {

// Store ids of each kind, indexed by local index.
struct IdMaps {
  std::vector<Id> items, guests, reservations, visits;

  static Id Map(const std::vector<Id>& ids, Id local) { return ids[LocalIndex(local)]; }
  static std::optional<Id> Map(const std::vector<Id>& ids, std::optional<Id> local) {
    if (!local) return std::nullopt;
    return ids[LocalIndex(*local)];
  }
};

// Writes `records` in batches through `upsert`, after `localize` has set
// the restaurant and store ids on a copy of each; appends the new ids.
template <typename T, typename Upsert, typename Localize>
Status WriteInBatches(std::string_view stage, const std::vector<T>& records, int batch_size,
                      const DemoProgress& progress, Upsert upsert, Localize localize,
                      std::vector<Id>* ids) {
  std::vector<T> batch;
  for (size_t start = 0; start < records.size(); start += static_cast<size_t>(batch_size)) {
    const size_t end = std::min(records.size(), start + static_cast<size_t>(batch_size));
    batch.assign(records.begin() + static_cast<std::ptrdiff_t>(start),
                 records.begin() + static_cast<std::ptrdiff_t>(end));
    for (T& record : batch) localize(record);
    StatusOr<std::vector<Id>> written = upsert(std::span<const T>(batch));
    if (!written.ok()) {
      return written.status().WithContext(std::string(stage) + " rows " + std::to_string(start) +
                                          ".." + std::to_string(end - 1));
    }
    if (ids) ids->insert(ids->end(), written->begin(), written->end());
    if (progress) progress(stage, static_cast<double>(end) / static_cast<double>(records.size()));
  }
  return Status::Ok();
}

class Writer {
 public:
  Writer(Store& store, const DemoData& data, int batch_size, const DemoProgress& progress)
      : store_(store), data_(data), batch_size_(batch_size), progress_(progress) {}

  StatusOr<Id> Run();

 private:
  template <typename T, typename Upsert, typename Localize>
  Status Write(std::string_view stage, const std::vector<T>& records, Upsert upsert,
               Localize localize, std::vector<Id>* ids = nullptr) {
    return WriteInBatches(stage, records, batch_size_, progress_, upsert, localize, ids);
  }
  Status WriteMenuAndGuests();
  Status WriteHistory();
  Status WriteVoices();

  Store& store_;
  const DemoData& data_;
  const int batch_size_;
  const DemoProgress& progress_;
  Id restaurant_ = 0;
  IdMaps ids_;
};

Status Writer::WriteMenuAndGuests() {
  const Id r = restaurant_;
  RETURN_IF_ERROR(Write(
      "menu", data_.menu, [&](std::span<const MenuItem> b) { return store_.UpsertMenuItems(b); },
      [r](MenuItem& m) { m.restaurant_id = r; }, &ids_.items));
  return Write(
      "guests", data_.guests, [&](std::span<const Guest> b) { return store_.UpsertGuests(b); },
      [r](Guest& g) { g.restaurant_id = r; }, &ids_.guests);
}

Status Writer::WriteHistory() {
  const Id r = restaurant_;
  const IdMaps& m = ids_;
  RETURN_IF_ERROR(Write(
      "reservations", data_.reservations,
      [&](std::span<const Reservation> b) { return store_.UpsertReservations(b); },
      [r, &m](Reservation& x) {
        x.restaurant_id = r;
        x.guest_id = IdMaps::Map(m.guests, x.guest_id);
      },
      &ids_.reservations));
  RETURN_IF_ERROR(Write(
      "visits", data_.visits, [&](std::span<const Visit> b) { return store_.UpsertVisits(b); },
      [r, &m](Visit& x) {
        x.restaurant_id = r;
        x.guest_id = IdMaps::Map(m.guests, x.guest_id);
        x.reservation_id = IdMaps::Map(m.reservations, x.reservation_id);
      },
      &ids_.visits));
  return Write(
      "order_lines", data_.order_lines,
      [&](std::span<const OrderLine> b) { return store_.UpsertOrderLines(b); },
      [r, &m](OrderLine& x) {
        x.restaurant_id = r;
        x.visit_id = IdMaps::Map(m.visits, x.visit_id);
        x.item_id = IdMaps::Map(m.items, x.item_id);
      });
}

Status Writer::WriteVoices() {
  const Id r = restaurant_;
  const IdMaps& m = ids_;
  RETURN_IF_ERROR(Write(
      "feedback", data_.feedback,
      [&](std::span<const Feedback> b) { return store_.UpsertFeedback(b); },
      [r, &m](Feedback& x) {
        x.restaurant_id = r;
        x.guest_id = IdMaps::Map(m.guests, x.guest_id);
        x.visit_id = IdMaps::Map(m.visits, x.visit_id);
      }));
  RETURN_IF_ERROR(Write(
      "events", data_.events,
      [&](std::span<const BehaviourEvent> b) { return store_.AppendEvents(b); },
      [r, &m](BehaviourEvent& x) {
        x.restaurant_id = r;
        x.guest_id = IdMaps::Map(m.guests, x.guest_id);
        x.visit_id = IdMaps::Map(m.visits, x.visit_id);
        x.item_id = IdMaps::Map(m.items, x.item_id);
      }));
  return Write(
      "mentions", data_.mentions,
      [&](std::span<const SocialMention> b) { return store_.UpsertMentions(b); },
      [r](SocialMention& x) { x.restaurant_id = r; });
}

StatusOr<Id> Writer::Run() {
  ASSIGN_OR_RETURN(restaurant_, store_.UpsertRestaurant(data_.restaurant));
  RETURN_IF_ERROR(WriteMenuAndGuests());
  RETURN_IF_ERROR(WriteHistory());
  RETURN_IF_ERROR(WriteVoices());
  return restaurant_;
}

}  // namespace

StatusOr<Id> WriteDemoData(Store& store, const DemoData& data, int batch_size,
                           const DemoProgress& progress) {
  if (batch_size < 1) return Status::InvalidArgument("batch_size must be >= 1");
  return Writer(store, data, batch_size, progress).Run();
}

}  // namespace sobremesa::demo
