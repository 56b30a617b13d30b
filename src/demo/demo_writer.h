#pragma once
// Writes a generated demo restaurant through the Store's batch upserts,
// mapping the local ids of demo_data.h to the ids the store assigns.

#include <string_view>

#include "demo/demo_data.h"
#include "demo/restaurant_generator.h"
#include "store/store.h"

namespace sobremesa::demo {

// Upserts the restaurant, then menu, guests, reservations, visits, order
// lines, feedback, events and mentions, `batch_size` rows per call (one
// transaction each). Returns the restaurant's id; the first store error is
// returned with the stage and batch that failed. `progress` may be empty.
StatusOr<Id> WriteDemoData(Store& store, const DemoData& data, int batch_size,
                           const DemoProgress& progress);

}  // namespace sobremesa::demo
