#pragma once
// Summaries of what guests ordered, as the recommenders read them.

#include <optional>
#include <string>
#include <vector>

#include "domain/entities.h"

namespace sobremesa {

// What a guest has ordered of one item, summed over all their visits.
struct ItemHistory {
  Id item_id = 0;
  int times_ordered = 0;  // sum of quantities
  int visits = 0;         // distinct visits in which it was ordered
  UnixSeconds last_ordered_at = 0;
};

// The items of one visit, for learning what is ordered together.
struct Basket {
  Id visit_id = 0;
  std::optional<Id> guest_id;
  UnixSeconds seated_at = 0;
  int party_size = 0;
  std::string occasion;
  std::vector<Id> item_ids;  // distinct, ascending
};

}  // namespace sobremesa
