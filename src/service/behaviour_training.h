#pragma once
// `sobremesa train behaviour`: fits BG/NBD and Gamma-Gamma, the 90-day
// return (churn) classifier, the no-show classifier and the guest segments
// on one restaurant's data, scores every guest, and writes it all to
// DATA_DIR/models/restaurant-<id>/behavior_prediction_model.pt, which
// serving loads at start. Predictions are refreshed here, never per request.

#include <memory>
#include <string>
#include <vector>

#include "models/behaviour/behaviour_predictions.h"
#include "models/behaviour/fit_options.h"
#include "store/store.h"

namespace sobremesa {

struct BehaviourTrainingReport {
  std::string model_path;
  std::string data_hash;  // of everything the features read (BehaviourPredictions::data_hash)
  std::int64_t guests = 0;     // with at least one visit
  std::int64_t repeaters = 0;  // with more than one visit day
  int segments = 0;
  std::vector<ModelMetric> metrics;
  std::vector<std::string> notes;
  double seconds = 0;               // in all; then its phases (bench/behaviour_product_bench.cc)
  double load_seconds = 0;          // reading the store
  double fit_seconds = 0;           // BG/NBD, Gamma-Gamma, both classifiers, holdout metrics
  double scoring_seconds = 0;       // every guest's predictions and RFM scores
  double segmentation_seconds = 0;  // choosing k and clustering
};

struct BehaviourTrainingOptions {
  std::uint64_t seed = 1;  // segmentation
  int threads = 2;
  // BG/NBD and Gamma-Gamma. A restaurant's regulars are far more clockwork
  // than BG/NBD's Poisson buyers; the flat likelihood ridge needs more LBFGS
  // rounds than the default (as in the evaluation protocol).
  FitOptions fit{.max_rounds = 200, .gradient_tolerance = 1e-5};
};

std::string BehaviourModelPath(const std::string& data_dir, Id restaurant_id);

// Trains on everything the store holds up to `now` and replaces the model
// file atomically. FailedPrecondition with the reason when the restaurant
// has no visit by a known guest, nobody came back twice (BG/NBD's dropout
// cannot be learned from a cohort with no repeaters) or BG/NBD does not
// converge; no file is written then. The churn classifier, Gamma-Gamma and
// the no-show classifier fall back (to BG/NBD's P(return), the guest's
// observed spend, no no-show scores) when they cannot be fitted, and say
// so in the report's notes and the file.
StatusOr<BehaviourTrainingReport> TrainBehaviour(Store& store, Id restaurant_id,
                                                 const std::string& data_dir, UnixSeconds now,
                                                 const BehaviourTrainingOptions& options = {});

// NotFound when never trained, InvalidArgument when the file is corrupt.
StatusOr<std::shared_ptr<const BehaviourPredictions>> LoadBehaviour(const std::string& data_dir,
                                                                    Id restaurant_id);

}  // namespace sobremesa
