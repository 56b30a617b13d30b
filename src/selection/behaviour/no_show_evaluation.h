#pragma once
// The no-show protocol on a restaurant's own book (docs/evaluation/behaviour.md):
// every settled reservation (completed, seated or no-show; walk-ins and
// cancellations excluded) ordered by time, a classifier fitted on the first
// 80 % of the time span and scored on the rest.

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/entities.h"
#include "selection/behaviour/classification_metrics.h"
#include "selection/behaviour/metric_row.h"

namespace sobremesa {

struct NoShowReport {
  // Model `sobremesa_no_show`: auc, brier, train/test sizes and no-show
  // rates; model `base_rate` (the training no-show rate for everyone): brier.
  std::vector<MetricRow> metrics;
  std::vector<ReliabilityBin> reliability;   // test period, 10 bins
  std::vector<double> standardized_weights;  // per NoShowFeatureNames()
};

// `reservations` is the restaurant's whole book in any order (history
// features need the earlier ones, whatever their status). `train_fraction`
// of the time from the first to the last settled reservation is for fitting.
// FailedPrecondition when either period has no settled reservation or a
// single outcome; otherwise the classifier's Status.
StatusOr<NoShowReport> EvaluateNoShow(std::vector<Reservation> reservations,
                                      const std::string& dataset, double train_fraction = 0.8);

}  // namespace sobremesa
