#pragma once
// The training data of the recommendation models, as plain C++ types so that
// loaders and callers never see LibTorch. Ids are dense and 0-based.

#include <cstdint>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// One explicit rating (e.g. 1–5 stars) a user gave an item.
struct Rating {
  int32_t user = 0;
  int32_t item = 0;
  float value = 0;
};

// Explicit ratings with the id ranges they live in.
struct RatingData {
  int32_t num_users = 0;
  int32_t num_items = 0;
  std::vector<Rating> ratings;
};

// Implicit feedback: for each user, the items they interacted with (each
// once). items_by_user.size() == num_users; every id is < num_items.
struct InteractionData {
  int32_t num_users = 0;
  int32_t num_items = 0;
  std::vector<std::vector<int32_t>> items_by_user;
};

}  // namespace sobremesa::recommendation

namespace sobremesa::recommendation {

// Ok if every id is in range; InvalidArgument naming the first bad one, or
// if the catalogue is empty.
Status ValidateInteractions(const InteractionData& data);

}  // namespace sobremesa::recommendation
