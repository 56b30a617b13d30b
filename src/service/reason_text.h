#pragma once
// Turns a ranking's evidence into a sentence a waiter can say aloud, in the
// guest's language: dishes named as said (service/spoken_name.h), in
// Spanish with their article and the words about the suggested dish agreeing
// with its gender and number ("La ha pedido en 3 visitas: una de sus
// favoritas").

#include <string>

#include "models/recommender.h"

namespace sobremesa {

// `evidence` is the menu item ranked.evidence_item names (null when there
// is none), read in `language`; `context` gives the course, daypart and
// occasion.
std::string ReasonText(const RankedItem& ranked, const MenuItem* evidence,
                       const RecommendationContext& context, Language language);

}  // namespace sobremesa
