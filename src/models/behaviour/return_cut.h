#pragma once
// The one feature builder of the 90-day return (churn) classifier, shared by
// the evaluation protocol, `sobremesa train behaviour` and so the served
// guest outlook: every guest known at a cut day, their features from what
// happened before that day, and whether they came back in the horizon
// after it. Columns: ReturnFeatureNames() (visit history and BG/NBD's view,
// return_features.h), then ContextFeatureNames(groups).

#include <string>
#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/guest_timeline.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct ReturnCutOptions {
  int horizon_days = 91;  // 13 weeks: "within 90 days"
  unsigned context_groups = 0;  // ContextFeatureGroup bits beyond visit history
  // Scoring today: a guest first seen on the last day before the cut has
  // T = 0, which BG/NBD cannot read; true gives them one day, false (the
  // protocol's cuts) leaves them out, as in the calibration split.
  bool include_newcomers = false;
};

struct ReturnCut {
  int cut_day = 0;
  std::vector<size_t> guests;              // index into the timelines, per row
  std::vector<PurchaseSummary> summaries;  // x, t_x, T in weeks at the cut, per row
  std::vector<double> labels;              // a visit in [cut, cut + horizon): 1, else 0
  std::vector<std::vector<double>> features;  // per ReturnCutFeatureNames()
  std::vector<double> bgnbd_p_return;      // BG/NBD's P(a visit within the horizon)
  std::vector<double> bgnbd_p_alive;
};

std::vector<std::string> ReturnCutFeatureNames(unsigned context_groups);

// The guests with a visit before `cut_day`, their summaries and labels
// (features left empty). Visits on one day are one purchase.
ReturnCut GuestsAtCut(const std::vector<GuestTimeline>& timelines, int cut_day,
                      const ReturnCutOptions& options);

// Fills the features and BG/NBD's baselines of `cut` with `bgnbd` fitted on
// its summaries. InvalidArgument when a timeline is unsorted or malformed.
Status AddReturnFeatures(const std::vector<GuestTimeline>& timelines, const BgnbdModel& bgnbd,
                         const ReturnCutOptions& options, ReturnCut& cut);

// Both steps, with BG/NBD fitted on the cut. FailedPrecondition when nobody
// visited before the cut; BG/NBD's errors pass through.
StatusOr<ReturnCut> BuildReturnCut(const std::vector<GuestTimeline>& timelines, int cut_day,
                                   const ReturnCutOptions& options, const FitOptions& fit);

}  // namespace sobremesa
