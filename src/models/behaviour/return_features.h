#pragma once
// The features of the 90-day return (churn) classifier, computed from one
// guest's purchase history up to the moment of scoring. Only what exists in
// a bare transaction log (CDNOW has no feedback, occasions or tastes):
// recency, frequency, age, spend, regularity, recent activity, and BG/NBD's
// own view of the guest (P(alive), P(return within the horizon)).
//
// BG/NBD's E[visits] is not a feature: P(return within the horizon) carries
// the same ranking in closed form, without a hypergeometric series per guest.

#include <string>
#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

// One purchase (a customer-day or a restaurant visit).
struct TimedPurchase {
  double week = 0;   // time of the purchase, in weeks on any fixed origin
  double spend = 0;  // its value, >= 0
};

// x, t_x and T of `history` (ascending, non-empty, all at or before
// `end_week`) observed until `end_week`; mean repeat spend over the repeat
// purchases.
PurchaseSummary SummarizePurchases(const std::vector<TimedPurchase>& history, double end_week);

// Names of the columns ReturnFeatures fills, in order (for reports and CSV).
const std::vector<std::string>& ReturnFeatureNames();

// The feature row of one guest scored at `end_week` for a return within
// `horizon_weeks`, using `bgnbd` fitted on the same cut of history.
// InvalidArgument when `history` is empty, unsorted, or later than
// `end_week`. Every value is finite.
StatusOr<std::vector<double>> ReturnFeatures(const std::vector<TimedPurchase>& history,
                                             double end_week, double horizon_weeks,
                                             const BgnbdModel& bgnbd);

}  // namespace sobremesa
