#pragma once
// The demo restaurant: a Lima fine-dining house with its menu, guests and two
// years of reservations, visits, orders, feedback, behaviour and social
// mentions, generated deterministically from a seed and written to a Store.
//
//   StatusOr<DemoSummary> summary = GenerateDemo(store, DemoOptions{}, progress);

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "demo/demo_data.h"
#include "store/store.h"

namespace sobremesa::demo {

struct DemoOptions {
  int guests = 20000;  // 1 .. 1,000,000
  int days = 730;      // 1 .. 3,650; the period ends on end_date
  std::uint64_t seed = 42;
  // Last day of the simulated period, Lima date "YYYY-MM-DD". Fixed rather
  // than "today" so the same options give the same restaurant on every run.
  std::string end_date = "2026-11-26";
  // Rows per Upsert call: one transaction each.
  int batch_size = 5000;
};

struct DemoSummary {
  Id restaurant_id = 0;
  std::int64_t menu_items = 0, guests = 0, reservations = 0, no_shows = 0, cancellations = 0,
               visits = 0, order_lines = 0, feedback = 0, events = 0, mentions = 0;
};

// (stage, fraction of the stage done in [0, 1]).
using DemoProgress = std::function<void(std::string_view stage, double fraction)>;

// The whole restaurant in memory, ids local (see demo_data.h). Pure and
// deterministic: the same options give identical data. InvalidArgument when
// an option is out of range or end_date is not a date.
StatusOr<DemoData> GenerateDemoData(const DemoOptions& options);

// Counts of `data`; restaurant_id is left 0.
DemoSummary Summarize(const DemoData& data);

// Generates the restaurant (external_id "demo") and writes it through
// `store` in batches; running it again updates the same records in place.
// Returns the counts written and the restaurant id. InvalidArgument for bad
// options; any store error is returned with the stage that failed.
// `progress` may be empty.
StatusOr<DemoSummary> GenerateDemo(Store& store, const DemoOptions& options,
                                   const DemoProgress& progress);

}  // namespace sobremesa::demo
