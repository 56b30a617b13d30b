#pragma once
// The segment half of behaviour training: each guest's behaviour and taste
// as the segmentation reads them, and each segment's size, value and churn
// risk once every guest is scored.

#include <vector>

#include "models/behaviour/behaviour_predictions.h"
#include "models/behaviour/guest_segmentation.h"
#include "models/behaviour/purchase_day.h"
#include "service/restaurant_activity.h"

namespace sobremesa {

struct SegmentInputs {
  std::vector<std::string> tastes;     // the taste categories clustered on
  std::vector<GuestBehaviour> guests;  // in activity.guests order
};

// `visit_days` holds each guest's visit days (as in activity.guests) and
// `today` the day of the predictions on the same origin. Taste is the share
// of a guest's ordered items in each of the menu's most ordered categories
// (at most 10, each at least 2 % of all orders), so that a category three
// guests tried does not become a segment.
SegmentInputs BuildSegmentInputs(const RestaurantActivity& activity,
                                 const std::vector<std::vector<PurchaseDay>>& visit_days,
                                 int today);

// Size, mean and total expected 90-day value, mean churn risk, mean spend
// per visit and visits, per segment of `segmentation`; `guests` carry their
// segment ids and `behaviour` their observed spend, in the same order.
std::vector<SegmentSummary> SummariseSegments(const Segmentation& segmentation,
                                              const std::vector<GuestPrediction>& guests,
                                              const std::vector<GuestBehaviour>& behaviour);

}  // namespace sobremesa
