#pragma once
// Gradient-boosted trees for binary labels through Debian's libxgboost
// (1.7, C API), the 90-day return classifier's third candidate beside
// logistic regression and the MLP: trees split on thresholds, so they take
// skewed counts, shares and interactions as they come, without the
// standardisation the other two need.
//
// Fit tunes itself inside the examples it is given (nothing else is read):
// a stratified share of them is held out, every (depth, eta) of the grid is
// boosted round by round until the held-out log-loss has not improved for
// `patience` rounds, the pair and round count with the lowest held-out
// log-loss win, and the model is refitted on all examples with them.
//
// The booster lives behind a shared handle: copies share it, prediction is
// serialised by a mutex (XGBoost hands back its own output buffer), so a
// fitted classifier is a value any thread may read. The model's bytes are
// XGBoost's own UBJSON, so a saved classifier is read back by the library
// that wrote it (Serialize / Deserialize).

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa {

struct XgboostOptions {
  std::vector<int> depths = {2, 4, 6};
  std::vector<double> etas = {0.05, 0.2};
  int max_rounds = 600;
  int patience = 30;             // rounds without a better held-out log-loss
  double held_out_share = 0.2;   // of each class, for tuning
  double min_child_weight = 5;   // hessian mass per leaf: no leaf for a handful of guests
  double subsample = 0.8;        // rows per tree
  std::uint64_t seed = 1;        // the held-out draw and XGBoost's row sampling
  // One: a restaurant's guests are a few tens of thousands of rows, and
  // XGBoost's OpenMP threads spin while they wait, which on a loaded
  // 2-core machine made a 2,000-row fit 40 times slower (26 s, not 0.6 s).
  int threads = 1;
};

// What tuning chose; `tuned` is false when a class had a single example to
// hold out (then depth 3, eta 0.1 and 100 rounds, fixed).
struct XgboostTuning {
  bool tuned = false;
  int depth = 3;
  double eta = 0.1;
  int rounds = 100;
  double held_out_log_loss = 0;  // at the chosen point; 0 when not tuned
};

class XgboostClassifier {
 public:
  // As LogisticRegression::Fit: InvalidArgument for malformed examples,
  // FailedPrecondition for one class; Internal with XGBoost's message when
  // the library fails.
  static StatusOr<XgboostClassifier> Fit(const std::vector<std::vector<double>>& features,
                                         const std::vector<double>& labels,
                                         const XgboostOptions& options = {});

  // P(label = 1 | features), in [0, 1]; `features` as wide as in Fit.
  double Predict(std::span<const double> features) const;
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;

  // What Fit's tuning chose; a deserialized classifier keeps no record of
  // it (its bytes hold the trees, not how they were chosen).
  const std::optional<XgboostTuning>& tuning() const { return tuning_; }
  int width() const { return width_; }

  // XGBoost's UBJSON model bytes, and the classifier back from them.
  // Deserialize: InvalidArgument when XGBoost cannot read the bytes or the
  // model has no features.
  StatusOr<std::string> Serialize() const;
  static StatusOr<XgboostClassifier> Deserialize(const std::string& bytes);

  struct Booster;  // the handle and its mutex (xgboost_classifier.cc)

 private:
  XgboostClassifier(std::shared_ptr<Booster> booster, int width,
                    std::optional<XgboostTuning> tuning)
      : booster_(std::move(booster)), width_(width), tuning_(tuning) {}

  std::shared_ptr<Booster> booster_;  // never null
  int width_ = 0;
  std::optional<XgboostTuning> tuning_;
};

}  // namespace sobremesa
