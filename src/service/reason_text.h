#pragma once
// Turns a ranking's evidence into a sentence a waiter can say aloud, in the
// guest's language.

#include <string>

#include "models/recommender.h"

namespace sobremesa {

// `evidence` is the menu item ranked.evidence_item names (null when there
// is none), read in `language`; `context` gives the course, daypart and
// occasion.
std::string ReasonText(const RankedItem& ranked, const MenuItem* evidence,
                       const RecommendationContext& context, Language language);

}  // namespace sobremesa
