#pragma once
// The temporal protocol of the 90-day return (churn) classifier
// (docs/evaluation/behaviour.md): choose the classifier's kind on a
// validation window, fit it at one cut of time on a label that ends before
// the evaluation cut, then score every customer at the evaluation cut and
// compare with who came back in the next horizon. BG/NBD (refitted at each
// cut) is the baseline. `sobremesa train behaviour` fits the served
// classifier with the same ChooseReturnClassifier, one horizon later.

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/guest_timeline.h"
#include "models/behaviour/platt_scaling.h"
#include "models/behaviour/purchase_day.h"
#include "models/behaviour/return_classifier.h"
#include "models/behaviour/return_cut.h"
#include "selection/behaviour/classification_metrics.h"
#include "selection/behaviour/metric_row.h"

namespace sobremesa {

// Days on the logs' origin (day 0 = 1997-01-01 for CDNOW). Features use the
// days before a cutoff; the label is a purchase in [cutoff, cutoff + horizon).
struct ReturnProtocol {
  int train_cutoff_day = 182;  // CDNOW: features weeks 1-26, label weeks 27-39
  int test_cutoff_day = 273;   // CDNOW: features weeks 1-39, label weeks 40-52
  int horizon_days = 91;       // 13 weeks
  // Beyond visit history (ContextFeatureGroup bits): none on CDNOW.
  unsigned context_groups = 0;
  // Refit without each context group to report what it adds (an evaluation
  // report; training leaves it out to save the fits).
  bool ablation = true;
};

// A restaurant's BG/NBD fits need more LBFGS rounds than the default
// (regulars are far more clockwork than Poisson buyers: a flat ridge).
inline constexpr FitOptions kReturnBgnbdFit{.max_rounds = 200, .gradient_tolerance = 1e-5};

// One kind's score on the validation window (fitted one horizon before the
// fit cut, scored at it).
struct KindValidation {
  ReturnClassifierKind kind = ReturnClassifierKind::kLogistic;
  double auc = 0;
  double brier = 0;
  AucDifference gain_over_logistic;  // paired bootstrap; zero for logistic itself
};

struct ReturnClassifierChoice {
  ReturnCut fit_cut;  // features at fit_cut_day, label up to fit_cut_day + horizon
  ReturnClassifier classifier;  // the chosen kind, refitted on `fit_cut`
  // Platt scaling fitted on the chosen kind's validation predictions, kept
  // only when it lowered their cross-validated Brier score.
  std::optional<PlattScaling> calibration;
  // Per kind tried, in kReturnClassifierKinds order; empty when the
  // validation cut could not be built (too little history), and then
  // logistic, uncalibrated.
  std::vector<KindValidation> validation;
  // The chosen kind's validation Brier score as it is and after Platt
  // scaling (5-fold cross-fitted on the validation window); 0 without one.
  double validation_brier = 0, validation_brier_platt = 0;
  std::string note;  // why validation or calibration was skipped, if it was

  // The served probabilities: the classifier's, recalibrated when kept.
  std::vector<double> PredictAll(const std::vector<std::vector<double>>& rows) const;
};

// Each kind (logistic, MLP, XGBoost) is fitted on the cut one horizon
// before `fit_cut_day` and scored by AUC on the cut at `fit_cut_day`. A
// kind other than logistic regression is eligible only when its AUC gain
// over logistic regression there is above zero at the low end of the
// paired bootstrap 95 % interval; the eligible kind with the highest
// validation AUC is chosen, the simpler logistic regression when none is.
// Platt scaling of the chosen kind is then fitted on its validation
// predictions and kept only if it lowers their Brier score out of fold.
// The choice is refitted at `fit_cut_day`. Nothing after fit_cut_day +
// horizon is read.
// The fit cut's errors pass through (FailedPrecondition: nobody to learn
// from, one class; BG/NBD's errors).
StatusOr<ReturnClassifierChoice> ChooseReturnClassifier(
    const std::vector<GuestTimeline>& timelines, int fit_cut_day, const ReturnCutOptions& options,
    const FitOptions& fit = kReturnBgnbdFit);

struct ReturnReport {
  // Models `sobremesa_churn` (the chosen classifier), `bgnbd` (P(return
  // within the horizon)) and `bgnbd_p_alive`: metrics auc, brier; plus the
  // sizes and base rates of both cuts, and the AUC gain over `bgnbd` with
  // its paired bootstrap 95 % interval (auc_gain_over_bgnbd,
  // auc_gain_ci95_low/high), under model `sobremesa_churn`, with
  // `calibrated` (1/0: Platt scaling kept) and validation_brier,
  // validation_brier_platt. `churn_logistic`, `churn_mlp`, `churn_xgboost`:
  // validation_auc, validation_brier (absent when there was no validation
  // window), validation_auc_gain_ci95_low/high (not for logistic), chosen
  // (1/0), and auc, brier on the test cut, uncalibrated. With context
  // features, the ablation: `churn_history_only`
  // and `churn_without_<group>` (auc, brier, auc_change = auc - the full
  // model's), all with the chosen kind.
  std::vector<MetricRow> metrics;
  std::vector<ReliabilityBin> reliability;  // the classifier on the test cut
};

// `customers` holds each customer's timeline. InvalidArgument when the
// training label window reaches the test cutoff (that would fit on the
// evaluation window); FailedPrecondition when a cut has no customer, no
// repeat buyer or a single class; otherwise the models' errors.
StatusOr<ReturnReport> EvaluateReturnClassifier(const std::vector<GuestTimeline>& customers,
                                                const ReturnProtocol& protocol,
                                                const std::string& dataset);

// A bare transaction log (CDNOW) as timelines: visits with day and spend.
std::vector<GuestTimeline> TimelinesOfPurchases(
    const std::vector<std::vector<PurchaseDay>>& customers);

}  // namespace sobremesa
