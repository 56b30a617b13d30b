#pragma once
// The churn classifier's features beyond visit history (issue 5): what the
// guest said about past evenings (sentiment of their analysed feedback),
// why they came (occasions), with whom (party), what they ate and drank
// (tastes) and who they are (a foreign guest, usually a tourist). Each is
// computed from a GuestTimeline's entries dated before the cut day only.
// A guest with nothing to say for a group (no feedback, no orders) gets
// zeros there, and a flag where zero would be ambiguous.

#include <string>
#include <vector>

#include "models/behaviour/guest_timeline.h"

namespace sobremesa {

// Feature groups, combined as a bit mask.
enum ContextFeatureGroup : unsigned {
  kSentimentFeatures = 1u << 0,  // feedback: had any, last verdict, mean polarity, negative share, worst aspect
  kOccasionFeatures = 1u << 1,   // share of celebration, business and date visits
  kPartyFeatures = 1u << 2,      // mean party size, share of solo visits
  kTasteFeatures = 1u << 3,      // seafood / meat / vegetarian shares, drinks per visit, spend per head
  kProfileFeatures = 1u << 4,    // guest's language is not Spanish
};
inline constexpr unsigned kNoContextFeatures = 0;
inline constexpr unsigned kAllContextFeatures = (1u << 5) - 1;

// Each group's bit and name ("sentiment", "occasion", "party", "taste",
// "profile"), in bit order: for ablation reports.
const std::vector<std::pair<unsigned, std::string>>& ContextFeatureGroups();

// Names of the columns AppendContextFeatures adds for `groups`, in order.
std::vector<std::string> ContextFeatureNames(unsigned groups);

// Appends the features of `groups` for `guest` as seen before `cut_day`
// (entries dated cut_day or later are ignored). Every value is finite.
void AppendContextFeatures(const GuestTimeline& guest, int cut_day, unsigned groups,
                           std::vector<double>& row);

}  // namespace sobremesa
