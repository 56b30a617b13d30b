#pragma once
// `sobremesa train recommender`: learns the co-occurrence model of one
// restaurant from every visit in the store and writes it to its model file.

#include <memory>
#include <string>

#include "models/cooccurrence_model.h"
#include "store/store.h"

namespace sobremesa {

struct TrainingReport {
  std::int64_t baskets = 0;
  int items = 0;
  std::string data_hash;
  std::string model_path;
  double seconds = 0;
};

// The model file of a restaurant under a data directory:
// DATA_DIR/models/restaurant-<id>/cooccurrence.json.
std::string RecommenderModelPath(const std::string& data_dir, Id restaurant_id);

// Builds and saves the model; the file is replaced atomically. Fails with
// FailedPrecondition when the restaurant has no menu.
StatusOr<TrainingReport> TrainRecommender(Store& store, Id restaurant_id,
                                          const std::string& data_dir, UnixSeconds now);

// Loads the restaurant's model file: NotFound when never trained,
// InvalidArgument when the file is corrupt or of another format.
StatusOr<std::shared_ptr<const CooccurrenceModel>> LoadRecommender(const std::string& data_dir,
                                                                   Id restaurant_id);

}  // namespace sobremesa
