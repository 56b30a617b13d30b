#include "service/recommender_training.h"

#include <chrono>
#include <filesystem>

namespace sobremesa {

std::string RecommenderModelPath(const std::string& data_dir, Id restaurant_id) {
  return (std::filesystem::path(data_dir) / "models" /
          ("restaurant-" + std::to_string(restaurant_id)) / "cooccurrence.json")
      .string();
}

StatusOr<TrainingReport> TrainRecommender(Store& store, Id restaurant_id,
                                          const std::string& data_dir, UnixSeconds now) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(std::vector<MenuItem> menu, store.ListMenu(restaurant_id));
  if (menu.empty()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(restaurant_id) +
                                      " has no menu items to learn about");
  }
  CooccurrenceModelBuilder builder(menu);
  RETURN_IF_ERROR(store.ForEachBasket(restaurant_id, [&](const Basket& b) {
    builder.AddBasket(b.item_ids, b.seated_at, b.occasion);
  }));
  const auto model = builder.Build(now);

  TrainingReport report;
  report.model_path = RecommenderModelPath(data_dir, restaurant_id);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(report.model_path).parent_path(), ec);
  if (ec) return Status::Internal("cannot create model directory: " + ec.message());
  RETURN_IF_ERROR(model->Save(report.model_path));
  report.baskets = model->basket_count();
  report.items = model->item_count();
  report.data_hash = model->data_hash();
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

StatusOr<std::shared_ptr<const CooccurrenceModel>> LoadRecommender(const std::string& data_dir,
                                                                   Id restaurant_id) {
  return CooccurrenceModel::Load(RecommenderModelPath(data_dir, restaurant_id));
}

}  // namespace sobremesa
