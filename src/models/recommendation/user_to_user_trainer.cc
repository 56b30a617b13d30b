#include "models/recommendation/user_to_user_trainer.h"

#include <cmath>
#include <utility>

namespace sobremesa::recommendation {

InteractionData Transposed(const InteractionData& data) {
  InteractionData t{data.num_items, data.num_users, {}};
  t.items_by_user.resize(data.num_items);
  for (int32_t u = 0; u < data.num_users; ++u) {
    for (int32_t item : data.items_by_user[u]) {
      if (item >= 0 && item < data.num_items) t.items_by_user[item].push_back(u);
    }
  }
  return t;
}

UserToUserModel::UserToUserModel(const ItemToItemModel& on_users, const InteractionData& data)
    : num_users_(on_users.num_items()),
      towards_(static_cast<size_t>(num_users_) * num_users_),
      users_by_item_(Transposed(data).items_by_user) {
  for (int32_t v = 0; v < num_users_; ++v) {
    for (int32_t u = 0; u < num_users_; ++u) {
      towards_[static_cast<size_t>(u) * num_users_ + v] = on_users.weight(v, u);
    }
  }
}

float UserToUserModel::Score(int32_t user, int32_t item) const {
  if (user < 0 || user >= num_users_ || item < 0 ||
      item >= static_cast<int32_t>(users_by_item_.size())) {
    return 0;
  }
  const float* row = &towards_[static_cast<size_t>(user) * num_users_];
  float score = 0;
  for (int32_t v : users_by_item_[item]) score += row[v];
  return score;
}

StatusOr<UserToUserModel> TrainUserEase(const InteractionData& data,
                                        const UserEaseOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  ASSIGN_OR_RETURN(ItemToItemModel on_users, TrainEase(Transposed(data), options.ease));
  return UserToUserModel(on_users, data);
}

StatusOr<UserToUserModel> TrainUserKnn(const InteractionData& data,
                                       const UserKnnOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (!(options.exponent > 0)) return Status::InvalidArgument("user-kNN needs exponent > 0");
  ASSIGN_OR_RETURN(ItemToItemModel on_users, TrainItemKnn(Transposed(data), options.knn));
  if (options.exponent == 1) return UserToUserModel(on_users, data);
  std::vector<float> powered(static_cast<size_t>(on_users.num_items()) * on_users.num_items());
  for (int32_t v = 0; v < on_users.num_items(); ++v) {
    for (int32_t u = 0; u < on_users.num_items(); ++u) {
      powered[static_cast<size_t>(v) * on_users.num_items() + u] =
          std::pow(on_users.weight(v, u), static_cast<float>(options.exponent));
    }
  }
  return UserToUserModel(ItemToItemModel(on_users.num_items(), std::move(powered)), data);
}

}  // namespace sobremesa::recommendation
