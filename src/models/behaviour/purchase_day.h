#pragma once
// A customer's purchases by calendar day: what the CDNOW loader reads and
// what behaviour training builds from a restaurant's visits, before either
// is summarised for the repeat-purchase models (purchase_summary.h) or made
// into timelines for the churn classifier (guest_timeline.h).

namespace sobremesa {

// One customer-day: several orders on the same day count as one purchase,
// with their dollars summed.
struct PurchaseDay {
  int day = 0;         // days since the data's origin (CDNOW: 1997-01-01)
  double dollars = 0;  // total spend that day (a restaurant's: soles)
  double items = 0;    // CDs bought that day (0 where the data do not say)
};

}  // namespace sobremesa
