#pragma once
// Ranking by a blend of the two restaurant models, with the weight the
// training-time validation chose for the guest's type (hybrid_model.h,
// ServingChoice): the hybrid model's taste scaled to [0, 1] over the
// candidates, and the co-occurrence model's score (popularity in context,
// dishes ordered with the guest's history and tonight's table, re-orders).
// On the demo the blend ranks returning guests better than either model
// alone (docs/evaluation/recommender.md, "demo").

#include <span>
#include <vector>

#include "models/recommendation/restaurant_hybrid_model.h"
#include "models/recommender.h"

namespace sobremesa {

// The blended score of one item; the demo protocol scores with the same
// formula.
inline float BlendedScore(float taste, float cooccurrence, float cooccurrence_weight) {
  return (1 - cooccurrence_weight) * taste + cooccurrence_weight * cooccurrence;
}

// What one request thread reuses between requests.
struct BlendedRankScratch {
  recommendation::RestaurantHybridModel::Scratch guest;
};

// Ranks `menu` for `guest` and returns at most k items, best first (ties by
// item id), scores in [0, 1]. Items failing PassesRules are never returned.
// Reasons are the co-occurrence model's (favourite, pairs with, popular),
// except that an item there only "popular" whose place comes mostly from the
// hybrid model's taste is `shared_taste` for a guest with a taste to share
// (known to the model, a history or stated preferences).
std::vector<RankedItem> RankBlended(const recommendation::RestaurantHybridModel& hybrid,
                                    const CooccurrenceModel& cooccurrence,
                                    float cooccurrence_weight, std::span<const MenuItem> menu,
                                    const Guest& guest, const GuestProfile& profile,
                                    const RecommendationContext& context,
                                    const recommendation::MealContext& meal, int k,
                                    BlendedRankScratch& scratch);

}  // namespace sobremesa
