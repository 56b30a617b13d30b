#pragma once
// SQL of the text analyses (migration 3, docs/schema.md): writes inside the
// caller's transaction and the manager's aggregates. Used by sqlite_store.cc.

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/text_analysis.h"
#include "store/sqlite_statement.h"

namespace sobremesa::sqlite {

// The record an analysis belongs to.
struct AnalysedRecord {
  Id restaurant_id = 0;
  TextSource source = TextSource::kFeedback;
  Id id = 0;
  std::optional<Id> guest_id;  // feedback only
  UnixSeconds at = 0;          // created_at or posted_at
};

// A stored text to analyse again.
struct StoredText {
  AnalysedRecord record;
  std::string text;
};

// Replaces the record's analysis (and its aspects and dishes).
[[nodiscard]] Status WriteTextAnalysis(Connection& db, const AnalysedRecord& record,
                                       const TextAnalysis& analysis);

// NotFound when the record has no analysis.
[[nodiscard]] StatusOr<TextAnalysis> ReadTextAnalysis(Connection& db, Id restaurant_id,
                                                      TextSource source, Id id);

// Up to `limit` records of `source` with id > after_id, in id order.
[[nodiscard]] StatusOr<std::vector<StoredText>> ReadTexts(Connection& db, Id restaurant_id,
                                                          TextSource source, Id after_id,
                                                          int limit);

[[nodiscard]] StatusOr<std::vector<AspectTrendPoint>> ReadAspectTrend(
    Connection& db, Id restaurant_id, UnixSeconds from, UnixSeconds to,
    std::optional<Aspect> aspect, TrendGranularity granularity);

[[nodiscard]] StatusOr<std::vector<DishSentimentSummary>> ReadDishesMostCriticised(
    Connection& db, Id restaurant_id, UnixSeconds from, UnixSeconds to, int limit);

// Guests whose latest analysed feedback is negative or mixed and falls in
// [from, to), latest first; `guest_id` narrows to one guest.
[[nodiscard]] StatusOr<std::vector<GuestWarning>> ReadGuestWarnings(Connection& db,
                                                                    Id restaurant_id,
                                                                    UnixSeconds from,
                                                                    UnixSeconds to, int limit,
                                                                    std::optional<Id> guest_id);

}  // namespace sobremesa::sqlite
