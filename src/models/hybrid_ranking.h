#pragma once
// Ranking with the learned hybrid model: the guest's taste (ids, profile,
// history, tonight's table and the meal's context, scored by the hybrid
// model) blended with what pairs with tonight's orders in the same-visit
// co-occurrence model. The hard rules of PassesRules stand above every score,
// and each result carries the evidence its reason is drawn from.

#include <span>
#include <vector>

#include "models/recommendation/restaurant_hybrid_model.h"
#include "models/recommender.h"

namespace sobremesa {

// What one request thread reuses between requests, so its buffers are not
// allocated again once warm.
struct HybridRankScratch {
  // A tonight item as pairing evidence: its row in the co-occurrence model.
  struct Tonight {
    Id id;
    int index;
    bool drink;
  };
  // A menu item that passed the rules, with what ranking it reads, gathered
  // in one pass over the menu so the later passes do no lookups.
  struct Candidate {
    const MenuItem* item;
    Id id;
    int32_t row;         // in the hybrid model; -1 for a dish it never saw
    int32_t pair_index;  // in the co-occurrence model; -1 when unknown
    bool drink;
    float score = 0;  // the model's score, then the blended one in [0, 1]
    float pair = 0;   // best similarity to a tonight item it may pair with
  };
  recommendation::RestaurantHybridModel::Scratch guest;
  std::vector<recommendation::RestaurantHybridModel::HistoryFeature> history;
  std::vector<Candidate> candidates;
  std::vector<Tonight> tonight;
  // The familiarity term per model item row: set for the guest's history
  // items, 0 elsewhere, and cleared again before returning.
  std::vector<float> familiar;
  std::vector<int32_t> history_rows;  // the rows set in `familiar`
};

// Ranks `menu` for `guest` (profile.history is the guest's history) and
// returns at most k items, best first (ties by item id), scores in [0, 1].
// `pairs` may be null: then only the hybrid model scores. Items failing
// PassesRules are never returned.
std::vector<RankedItem> RankHybrid(const recommendation::RestaurantHybridModel& model,
                                   const CooccurrenceModel* pairs, std::span<const MenuItem> menu,
                                   const Guest& guest, const GuestProfile& profile,
                                   const RecommendationContext& context, int k,
                                   HybridRankScratch& scratch);

}  // namespace sobremesa
