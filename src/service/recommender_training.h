#pragma once
// `sobremesa train recommender`: learns one restaurant's models from every
// signal in the store and writes their files: the co-occurrence model
// (popularity and pairings, the fallback) and the hybrid model.

#include <memory>
#include <string>

#include "models/cooccurrence_model.h"
#include "models/recommendation/restaurant_hybrid_model.h"
#include "models/recommendation/restaurant_hybrid_trainer.h"
#include "store/store.h"

namespace sobremesa {

struct TrainingReport {
  std::int64_t baskets = 0;
  int items = 0;
  std::string data_hash;
  std::string model_path;
  double seconds = 0;
  // The hybrid model; hybrid_error says why there is none (e.g. no guest
  // has ordered yet), in which case serving falls back to co-occurrence.
  std::string hybrid_path, hybrid_error, hybrid_loss;
  int hybrid_users = 0;
  double hybrid_seconds = 0;
  // How each guest type is served (the co-occurrence model's weight in the
  // blend), chosen on the validation window
  // (selection/recommendation/serving_choice.h) and stored in the hybrid
  // file; validation_error says why it is the default (the hybrid alone),
  // e.g. too little data before the window to train on.
  recommendation::ServingChoice serving;
  std::vector<std::pair<std::string, double>> validation;
  std::string validation_error;
};

// The model file of a restaurant under a data directory:
// DATA_DIR/models/restaurant-<id>/cooccurrence.json.
std::string RecommenderModelPath(const std::string& data_dir, Id restaurant_id);

// DATA_DIR/models/restaurant-<id>/recommendation_model.pt (hybrid_model.h).
std::string HybridModelPath(const std::string& data_dir, Id restaurant_id);

// Builds and saves both models; files are replaced atomically. The hybrid
// model is trained twice: on the validation window's training part, to
// choose per guest type which model serves, then on everything. Fails with
// FailedPrecondition when the restaurant has no menu.
StatusOr<TrainingReport> TrainRecommender(
    Store& store, Id restaurant_id, const std::string& data_dir, UnixSeconds now,
    const recommendation::RestaurantHybridOptions& options = {});

// Loads the restaurant's model file: NotFound when never trained,
// InvalidArgument when the file is corrupt or of another format.
StatusOr<std::shared_ptr<const CooccurrenceModel>> LoadRecommender(const std::string& data_dir,
                                                                   Id restaurant_id);

// Loads the restaurant's hybrid model and checks it against `menu`: NotFound
// when never trained, InvalidArgument when corrupt or trained on another
// restaurant's or menu's items (RestaurantHybridModel::Load).
StatusOr<std::shared_ptr<const recommendation::RestaurantHybridModel>> LoadHybridRecommender(
    const std::string& data_dir, Id restaurant_id, std::span<const MenuItem> menu);

}  // namespace sobremesa
