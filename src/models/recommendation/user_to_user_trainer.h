#pragma once
// User-side neighbourhood models: the item-to-item trainers applied to the
// transposed interaction matrix, so that the "items" are users. A user's
// score for an item is the sum, over the users who interacted with it, of
// their weight towards this user:
// - user-EASE (EASE family, ease_trainer.h, on Xᵀ): X ≈ BᵀX with a
//   users × users B from the closed form over the users' Gram XXᵀ;
// - user-kNN: shrunk cosine between users' item sets, each target user
//   keeping its k most similar users, the similarity raised to a power
//   (larger exponents let the closest neighbours dominate).
// Both read who else liked an item, where the item-side models read what
// else this user liked: an ensemble member that errs differently. They know
// only the users they were trained on (a transductive model: a new user
// scores 0), so they serve evaluation protocols, not new guests.

#include <cstdint>
#include <vector>

#include "common/status.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {

// The same interactions with users and items swapped: items_by_user of the
// result lists, for each item, the users who interacted with it (ascending).
InteractionData Transposed(const InteractionData& data);

class UserToUserModel {
 public:
  // `on_users` was trained on Transposed(data): weight(v, u) is how much
  // user v's interactions count towards user u's scores.
  UserToUserModel(const ItemToItemModel& on_users, const InteractionData& data);

  // Σ over the training users v of `item` of weight(v, user); 0 for an id
  // outside the training data.
  float Score(int32_t user, int32_t item) const;

 private:
  int32_t num_users_;
  // Row u holds weight(v, u) for every v: one target user's weights are
  // contiguous, so scoring a user's candidates reads one row.
  std::vector<float> towards_;
  std::vector<std::vector<int32_t>> users_by_item_;
};

struct UserEaseOptions {
  // λ, p, zero diagonal as for items; user_weight_exponent here weighs each
  // item's row of Xᵀ by |users of the item|^-exponent.
  EaseOptions ease;
};

struct UserKnnOptions {
  ItemKnnOptions knn;     // neighbours = users kept per target user
  double exponent = 1.0;  // similarity^exponent (similarities are >= 0)
};

// Errors as TrainEase / TrainItemKnn on the transposed data; also
// InvalidArgument for exponent <= 0.
StatusOr<UserToUserModel> TrainUserEase(const InteractionData& data, const UserEaseOptions& options);
StatusOr<UserToUserModel> TrainUserKnn(const InteractionData& data, const UserKnnOptions& options);

}  // namespace sobremesa::recommendation
