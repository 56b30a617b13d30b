#pragma once

#include <functional>

#include "common/status.h"
#include "domain/entities.h"
#include "store/store.h"

namespace sobremesa {

// Calls `fn` on every guest of the restaurant in id order, reading a page of
// guests at a time so that a large restaurant is never held whole in memory
// by a caller that does not need it (exports, training, segment lists).
// The first error, of the store or of `fn`, stops the walk and is returned.
Status ForEachGuest(Store& store, Id restaurant_id, const std::function<Status(const Guest&)>& fn);

}  // namespace sobremesa
