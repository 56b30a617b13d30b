#pragma once
// Scoring a restaurant's models on the visits after a temporal cut
// (temporal_split.h): each visit of a known guest ranks the whole menu, relevant
// = every dish ordered at that table. Shared by the demo protocol and by
// `sobremesa train recommender`, which chooses the served model per guest
// type on a validation window with the same code.

#include <functional>
#include <memory>
#include <vector>

#include "models/recommendation/restaurant_hybrid_model.h"
#include "selection/recommendation/temporal_split.h"

namespace sobremesa::recommendation {

// Scores every menu item (in menu order) for one test visit.
using Scorer = std::function<void(const HeldOutVisit&, std::vector<float>&)>;

// Sums over the test visits; a visit's guest is "returning" when they have
// a history from the training window, "new" otherwise.
struct HoldoutScore {
  double hit = 0, ndcg = 0, recall = 0, ndcg_new = 0, ndcg_returning = 0;
  int visits = 0, new_visits = 0, returning_visits = 0;
  double Mean(double sum, int n) const { return n > 0 ? sum / n : 0; }
};

inline constexpr int32_t kHoldoutTopK = 10;

HoldoutScore EvaluateHoldout(const std::vector<MenuItem>& menu,
                             const std::vector<HeldOutVisit>& test, const Scorer& scorer);

// Visits containing each item in the training window.
Scorer PopularityScorer(const TemporalSplit& split, const std::vector<MenuItem>& menu);
// The foundation's co-occurrence ranking trained on the split's training
// window, without the safety rules (the test asks about taste, and every
// guest in the demo orders within their rules).
Scorer CooccurrenceScorer(const TemporalSplit& split, const std::vector<MenuItem>& menu);
// The hybrid model's score with the visit's context (not tonight's orders).
Scorer HybridScorer(std::shared_ptr<const RestaurantHybridModel> model,
                    const std::vector<MenuItem>& menu);
// BlendedScore (models/blended_ranking.h) of the hybrid's scores scaled to
// [0, 1] over the menu and the co-occurrence model's scores, as served:
// weight 0 ranks as the hybrid alone, 1 as the co-occurrence model alone.
Scorer BlendScorer(Scorer hybrid, Scorer cooccurrence, float cooccurrence_weight);
// What serving does per guest type: `with_history` ranks for returning
// guests, `new_guests` for the others.
Scorer PerGuestTypeScorer(Scorer with_history, Scorer new_guests);

}  // namespace sobremesa::recommendation
