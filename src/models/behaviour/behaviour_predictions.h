#pragma once
// What `sobremesa train behaviour` learns about one restaurant's guests and
// what serving reads: per-guest predictions computed at training time (never
// per request), the segments, the no-show classifier (cheap enough to score
// tonight's bookings on request) and the models' metrics on a temporal
// holdout. Read-only once loaded, so request threads share one instance
// through a shared_ptr<const ...> without a lock.
//
// File (docs/schema.md, "behaviour model file"): the magic "SBMBEHAV", a
// little-endian uint32 version, a uint64 length and that many bytes of JSON
// (parameters, metrics, segments, classifiers, data hash), then a uint64
// guest count and that many fixed-size GuestPrediction records; since
// version 2, then a uint64 length and that many bytes of the churn
// classifier's model (ReturnClassifier::Serialize: XGBoost's own UBJSON
// for boosted trees), 0 when there is none. Version 1 files still load,
// without the churn classifier.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "common/time.h"
#include "domain/entities.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"
#include "models/behaviour/logistic_regression.h"
#include "models/behaviour/no_show_features.h"
#include "models/behaviour/platt_scaling.h"
#include "models/behaviour/return_classifier.h"

namespace sobremesa {

inline constexpr std::uint32_t kBehaviourModelVersion = 2;

// One guest with at least one visit, as of the end of training. Every
// float is finite (the trainer checks before saving; Load re-checks).
struct GuestPrediction {
  Id guest_id = 0;
  float probability_alive = 0;         // BG/NBD P(alive), in [0, 1]
  float expected_visits_90d = 0;       // BG/NBD E[visits in the next 90 days]
  float expected_spend_per_visit = 0;  // Gamma-Gamma, soles
  float expected_value_90d = 0;        // visits x spend, soles
  float churn_risk = 0;                // 1 - P(return within 90 days), in [0, 1]
  float days_since_last_visit = 0;
  std::int32_t visits = 0;                                            // visit days so far
  std::int32_t segment = 0;                                           // Segment id, 1..k
  std::uint8_t rfm_recency = 0, rfm_frequency = 0, rfm_monetary = 0;  // 1..5
  std::uint8_t padding = 0;
  GuestBookingRecord bookings;  // for tonight's no-show scores
};

struct SegmentSummary {
  int id = 0;
  std::string description;
  std::int64_t size = 0;
  double mean_expected_value_90d = 0;  // soles per guest
  double total_expected_value_90d = 0;
  double mean_churn_risk = 0;
  double mean_spend_per_visit = 0;  // observed, soles
  double mean_visits = 0;
  std::vector<double> centre;  // per segment_feature_names, in standard deviations
};

// The 90-day return classifier the guests' churn risk came from, kept so the
// file carries the model it describes (scores are computed at training, not
// per request).
struct ChurnModel {
  ReturnClassifier classifier;
  std::optional<PlattScaling> calibration;  // applied to the classifier's output
  std::vector<std::string> feature_names;   // its columns (ReturnCutFeatureNames)
};

struct ModelMetric {
  std::string model;   // "bgnbd", "gamma_gamma", "churn", "no_show", "segments", ...
  std::string metric;  // "auc", "brier", "r", ...
  double value = 0;
};

class BehaviourPredictions {
 public:
  // Fixed after construction by the trainer or Load.
  Id restaurant_id = 0;
  UnixSeconds trained_at = 0;
  UnixSeconds observed_until = 0;  // the "now" of the predictions
  // Of everything the features read: visits, orders, menu, reservations,
  // guests' languages, feedback and its analyses (behaviour_training.h).
  std::string data_hash;
  BgnbdParams bgnbd;
  std::optional<GammaGammaParams> gamma_gamma;  // absent: observed mean spend used
  std::optional<LogisticRegression> no_show;    // absent: too few settled bookings
  std::optional<ChurnModel> churn;  // absent: not fitted (BG/NBD's P(return) used)
  std::vector<ModelMetric> metrics;
  std::vector<std::string> notes;  // fallbacks taken, in words
  std::vector<std::string> segment_feature_names;
  std::vector<SegmentSummary> segments;  // ordered by id
  std::vector<GuestPrediction> guests;   // ordered by guest_id

  // The guest's prediction, or nullptr when the guest had no visit at
  // training time. O(log n).
  const GuestPrediction* Find(Id guest_id) const;
  // nullptr for an unknown segment id.
  const SegmentSummary* FindSegment(int segment_id) const;

  // Save fails with Internal on I/O errors; it writes a temporary file and
  // renames it, so a reader never sees half a model. Load: NotFound when
  // the file is absent, InvalidArgument naming the file when the magic,
  // version or contents are wrong.
  Status Save(const std::string& path) const;
  static StatusOr<std::shared_ptr<const BehaviourPredictions>> Load(const std::string& path);
};

}  // namespace sobremesa
