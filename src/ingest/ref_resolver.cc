#include "ingest/ref_resolver.h"

namespace sobremesa {
namespace {

constexpr size_t kMaxCachedRefs = 100'000;

std::string_view KindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kMenuItem:
      return "menu item";
    case EntityKind::kGuest:
      return "guest";
    case EntityKind::kReservation:
      return "reservation";
    case EntityKind::kVisit:
      return "visit";
    case EntityKind::kOrderLine:
      return "order line";
    case EntityKind::kFeedback:
      return "feedback";
    case EntityKind::kEvent:
      return "event";
    case EntityKind::kMention:
      return "mention";
  }
  return "record";
}

}  // namespace

StatusOr<Id> RefResolver::Find(EntityKind kind, const std::string& key, std::string_view field) {
  std::string cache_key = std::to_string(static_cast<int>(kind)) + ":" + key;
  if (const auto it = cache_.find(cache_key); it != cache_.end()) return it->second;
  StatusOr<Id> id = store_.FindByExternalId(restaurant_id_, kind, key);
  if (!id.ok()) {
    if (!id.status().IsNotFound()) return id.status();
    return Status::NotFound(std::string(field) + ": no " + std::string(KindName(kind)) +
                            " with external id '" + key + "'");
  }
  if (cache_.size() >= kMaxCachedRefs) cache_.clear();
  cache_.emplace(std::move(cache_key), *id);
  return *id;
}

}  // namespace sobremesa
