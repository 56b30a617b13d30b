#include "models/recommendation/interaction_data.h"

#include <string>

namespace sobremesa::recommendation {

Status ValidateInteractions(const InteractionData& data) {
  if (data.num_items <= 0) return Status::InvalidArgument("the catalogue has no items");
  if (static_cast<int32_t>(data.items_by_user.size()) != data.num_users) {
    return Status::InvalidArgument("items_by_user has " +
                                   std::to_string(data.items_by_user.size()) + " users, expected " +
                                   std::to_string(data.num_users));
  }
  for (int32_t u = 0; u < data.num_users; ++u) {
    for (int32_t item : data.items_by_user[u]) {
      if (item < 0 || item >= data.num_items) {
        return Status::InvalidArgument("user " + std::to_string(u) + " has item " +
                                       std::to_string(item) + " outside [0, " +
                                       std::to_string(data.num_items) + ")");
      }
    }
  }
  return Status::Ok();
}

}  // namespace sobremesa::recommendation
