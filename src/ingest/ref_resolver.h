#pragma once
// Resolves references given by external id ("guest_external_id": "POS-881")
// to store ids for one import run, caching what it found: an orders file
// names the same visit and item on many rows.

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "codec/entity_json.h"
#include "common/status.h"
#include "domain/entities.h"
#include "store/store.h"

namespace sobremesa {

class RefResolver {
 public:
  // Borrows `store`, which must outlive the resolver.
  RefResolver(Store& store, Id restaurant_id) : store_(store), restaurant_id_(restaurant_id) {}

  // When `key` is set, stores the id of the `kind` record with that external
  // id into *out (an Id or std::optional<Id>); does nothing otherwise. An
  // unknown key is NotFound "<field>: no guest with external id 'G-9'"; a
  // store failure is returned as it is.
  template <typename Out>
  Status Resolve(EntityKind kind, const std::optional<std::string>& key, std::string_view field,
                 Out* out) {
    if (!key) return Status::Ok();
    ASSIGN_OR_RETURN(*out, Find(kind, *key, field));
    return Status::Ok();
  }

 private:
  StatusOr<Id> Find(EntityKind kind, const std::string& key, std::string_view field);

  Store& store_;
  const Id restaurant_id_;
  // Bounded so memory stays constant on huge files; cleared when full.
  std::unordered_map<std::string, Id> cache_;
};

// Fills the store ids of whichever references record type T has.
template <typename T>
Status ResolveRefs(RefResolver& r, const ExternalRefs& refs, T* e) {
  if constexpr (requires(T t) { t.guest_id; }) {
    RETURN_IF_ERROR(r.Resolve(EntityKind::kGuest, refs.guest, "guest_external_id", &e->guest_id));
  }
  if constexpr (requires(T t) { t.visit_id; }) {
    RETURN_IF_ERROR(r.Resolve(EntityKind::kVisit, refs.visit, "visit_external_id", &e->visit_id));
  }
  if constexpr (requires(T t) { t.item_id; }) {
    RETURN_IF_ERROR(r.Resolve(EntityKind::kMenuItem, refs.item, "item_external_id", &e->item_id));
  }
  if constexpr (requires(T t) { t.reservation_id; }) {
    RETURN_IF_ERROR(r.Resolve(EntityKind::kReservation, refs.reservation, "reservation_external_id",
                              &e->reservation_id));
  }
  return Status::Ok();
}

}  // namespace sobremesa
