#pragma once
// Turns a ranking's evidence into a sentence a waiter can say aloud, in the
// guest's language.

#include <string>

#include "models/recommender.h"

namespace sobremesa {

// `evidence_name` is the display name of ranked.evidence_item (empty when
// there is none); `context` gives the course, daypart and occasion.
std::string ReasonText(const RankedItem& ranked, const std::string& evidence_name,
                       const RecommendationContext& context, Language language);

}  // namespace sobremesa
