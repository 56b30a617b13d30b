#include "service/recommender_training.h"

#include <chrono>
#include <filesystem>

#include "selection/recommendation/serving_choice.h"
#include "store/restaurant_snapshot.h"

namespace sobremesa {

namespace {

std::filesystem::path ModelDir(const std::string& data_dir, Id restaurant_id) {
  return std::filesystem::path(data_dir) / "models" /
         ("restaurant-" + std::to_string(restaurant_id));
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Chooses the served model per guest type on the validation window. Too
// little data before the window leaves the default (the hybrid model) and
// says why; any other failure is an error.
Status ChooseServingInto(const RestaurantSnapshot& s,
                         const recommendation::RestaurantHybridOptions& options,
                         TrainingReport& report) {
  StatusOr<recommendation::ServingValidation> v =
      recommendation::ValidateServingOnSnapshot(s, options);
  if (!v.ok()) {
    if (v.status().code() != StatusCode::kInvalidArgument) return v.status();
    report.validation_error = v.status().message();
    return Status::Ok();
  }
  report.serving = v->choice;
  report.validation = v->Metrics();
  return Status::Ok();
}

// Trains and writes the hybrid model; a failure to learn is reported, not
// fatal, because the co-occurrence model still serves.
Status TrainHybridInto(const RestaurantSnapshot& s, const std::string& data_dir, UnixSeconds now,
                       const recommendation::RestaurantHybridOptions& options,
                       TrainingReport& report) {
  const auto start = std::chrono::steady_clock::now();
  RETURN_IF_ERROR(ChooseServingInto(s, options, report));
  const recommendation::RestaurantRecords records{s.menu, s.guests, s.baskets, s.events,
                                                  s.feedback};
  StatusOr<recommendation::HybridModel> model =
      recommendation::TrainRestaurantHybrid(records, s.restaurant_id, options, now);
  if (!model.ok()) {
    if (model.status().code() != StatusCode::kInvalidArgument) return model.status();
    report.hybrid_error = model.status().message();
    return Status::Ok();
  }
  report.hybrid_seconds = SecondsSince(start);
  report.hybrid_users = model->num_users();
  report.hybrid_loss = model->info().loss;
  model->AddMetric("train_seconds", report.hybrid_seconds);
  model->AddMetric("guests", model->num_users());
  model->AddMetric("items", model->num_items());
  for (const auto& [name, value] : report.validation) model->AddMetric(name, value);
  model->SetServing(report.serving);
  report.hybrid_path = HybridModelPath(data_dir, s.restaurant_id);
  return model->Save(report.hybrid_path);
}

}  // namespace

std::string RecommenderModelPath(const std::string& data_dir, Id restaurant_id) {
  return (ModelDir(data_dir, restaurant_id) / "cooccurrence.json").string();
}

std::string HybridModelPath(const std::string& data_dir, Id restaurant_id) {
  return (ModelDir(data_dir, restaurant_id) / "recommendation_model.pt").string();
}

StatusOr<TrainingReport> TrainRecommender(Store& store, Id restaurant_id,
                                          const std::string& data_dir, UnixSeconds now,
                                          const recommendation::RestaurantHybridOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(RestaurantSnapshot snapshot, ReadRestaurantSnapshot(store, restaurant_id));
  if (snapshot.menu.empty()) {
    return Status::FailedPrecondition("restaurant " + std::to_string(restaurant_id) +
                                      " has no menu items to learn about");
  }
  CooccurrenceModelBuilder builder(snapshot.menu);
  for (const Basket& b : snapshot.baskets) builder.AddBasket(b.item_ids, b.seated_at, b.occasion);
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
  RETURN_IF_ERROR(TrainHybridInto(snapshot, data_dir, now, options, report));
  report.seconds = SecondsSince(start);
  return report;
}

StatusOr<std::shared_ptr<const CooccurrenceModel>> LoadRecommender(const std::string& data_dir,
                                                                   Id restaurant_id) {
  return CooccurrenceModel::Load(RecommenderModelPath(data_dir, restaurant_id));
}

StatusOr<std::shared_ptr<const recommendation::RestaurantHybridModel>> LoadHybridRecommender(
    const std::string& data_dir, Id restaurant_id, std::span<const MenuItem> menu) {
  return recommendation::RestaurantHybridModel::Load(HybridModelPath(data_dir, restaurant_id),
                                                     restaurant_id, menu);
}

}  // namespace sobremesa
