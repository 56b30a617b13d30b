#include "models/blended_ranking.h"

#include <algorithm>

namespace sobremesa {

std::vector<RankedItem> RankBlended(const recommendation::RestaurantHybridModel& hybrid,
                                    const CooccurrenceModel& cooccurrence,
                                    float cooccurrence_weight, std::span<const MenuItem> menu,
                                    const Guest& guest, const GuestProfile& profile,
                                    const RecommendationContext& context,
                                    const recommendation::MealContext& meal, int k,
                                    BlendedRankScratch& scratch) {
  // Every candidate that passes the rules, with its co-occurrence score and
  // reason.
  std::vector<RankedItem> cands =
      Rank(&cooccurrence, menu, profile, context, static_cast<int>(menu.size()));
  float user[recommendation::kMaxHybridDim];
  hybrid.GuestVector(guest, profile.history, context.ordered_tonight, meal, scratch.guest, user);
  std::vector<float> taste(cands.size());
  float lo = 0, hi = 0;
  for (size_t i = 0; i < cands.size(); ++i) {
    taste[i] = hybrid.Score(user, *cands[i].item, profile.history);
    lo = i == 0 ? taste[i] : std::min(lo, taste[i]);
    hi = i == 0 ? taste[i] : std::max(hi, taste[i]);
  }
  // "Guests who share your taste" needs a taste to share: an id vector, a
  // history or stated preferences; otherwise the hybrid's score is the
  // profile's and context's, and "popular" is the honest reason.
  const bool has_taste = hybrid.model().UserIndex(guest.id) >= 0 || !profile.history.empty() ||
                         !guest.preferences.empty();
  for (size_t i = 0; i < cands.size(); ++i) {
    const float t = hi > lo ? (taste[i] - lo) / (hi - lo) : 0.f;
    const float c = cands[i].score;
    cands[i].score = BlendedScore(t, c, cooccurrence_weight);
    if (has_taste && cands[i].reason == ReasonKind::kPopular &&
        (1 - cooccurrence_weight) * t > cooccurrence_weight * c) {
      cands[i].reason = ReasonKind::kSharedTaste;
    }
  }
  const size_t n = std::min(cands.size(), size_t(std::max(k, 0)));
  std::partial_sort(cands.begin(), cands.begin() + n, cands.end(),
                    [](const RankedItem& a, const RankedItem& b) {
                      return a.score != b.score ? a.score > b.score : a.item->id < b.item->id;
                    });
  cands.resize(n);
  return cands;
}

}  // namespace sobremesa
