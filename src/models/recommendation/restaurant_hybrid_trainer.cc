#include "models/recommendation/restaurant_hybrid_trainer.h"

namespace sobremesa::recommendation {

StatusOr<HybridModel> TrainRestaurantHybrid(const RestaurantRecords& records, Id restaurant_id,
                                            const RestaurantHybridOptions& options,
                                            UnixSeconds now,
                                            std::vector<std::pair<std::string, double>> metrics) {
  RestaurantTrainingSet set = BuildRestaurantTrainingSet(records, options.weights);
  if (set.data.num_users == 0) {
    return Status::InvalidArgument("no guest has ordered anything yet: nothing to learn from");
  }
  HybridModelInfo info;
  info.data_hash = set.data_hash;
  info.menu_identity = MenuIdentity(restaurant_id, records.menu);
  info.trained_at = now;
  info.metrics = std::move(metrics);
  set.features.FillInfo(info);
  return TrainHybrid(set.data, options.model, std::move(info));
}

}  // namespace sobremesa::recommendation
