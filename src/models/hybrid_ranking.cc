#include "models/hybrid_ranking.h"

#include <algorithm>

namespace sobremesa {
namespace {

using recommendation::kMaxHybridDim;
using recommendation::RestaurantHybridModel;

// Share of the final score given to pairing with tonight's orders, when the
// table has ordered something the co-occurrence model knows.
constexpr float kPairWeight = 0.25f;
// Visits with an item after which it counts as a favourite.
constexpr int kFavouriteVisits = 2;
// A normalised pairing this strong names the dish it pairs with.
constexpr float kPairEvidence = 0.5f;

const char* OccasionCode(OccasionKind o) {
  switch (o) {
    case OccasionKind::kBirthday: return "birthday";
    case OccasionKind::kAnniversary: return "anniversary";
    case OccasionKind::kBusiness: return "business";
    case OccasionKind::kCelebration: return "celebration";
    case OccasionKind::kDate: return "date";
    case OccasionKind::kNone: break;
  }
  return "";
}

// The tonight item that pairs best with `item` (drinks count only towards
// drinks), with its similarity; {0, 0} when none.
std::pair<Id, float> BestPair(const CooccurrenceModel& pairs, std::span<const MenuItem> menu,
                              const RecommendationContext& context, const MenuItem& item) {
  const int c = pairs.IndexOf(item.id);
  std::pair<Id, float> best{0, 0.f};
  if (c < 0) return best;
  for (Id id : context.ordered_tonight) {
    const int e = pairs.IndexOf(id);
    if (e < 0 || id == item.id) continue;
    if (item.course != Course::kDrink) {
      auto it = std::find_if(menu.begin(), menu.end(), [&](const MenuItem& m) { return m.id == id; });
      if (it != menu.end() && it->course == Course::kDrink) continue;
    }
    const float s = pairs.similarity(e, c);
    if (s > best.second) best = {id, s};
  }
  return best;
}

// The history item that contributes most to `item`'s score, and how much.
std::pair<Id, float> BestHistory(const RestaurantHybridModel& model, const GuestProfile& profile,
                                 const MenuItem& item, float total_weight) {
  std::pair<Id, float> best{0, 0.f};
  for (const ItemHistory& h : profile.history) {
    if (h.item_id == item.id) continue;
    const float c = model.HistoryContribution(h.item_id, float(h.visits) / total_weight, item);
    if (c > best.second) best = {h.item_id, c};
  }
  return best;
}

void Explain(const RestaurantHybridModel& model, const CooccurrenceModel* pairs,
             std::span<const MenuItem> menu, const Guest& guest, const GuestProfile& profile,
             const RecommendationContext& context, float max_pair, RankedItem& r) {
  const auto history = std::find_if(profile.history.begin(), profile.history.end(),
                                    [&](const ItemHistory& h) { return h.item_id == r.item->id; });
  if (history != profile.history.end() && history->visits >= kFavouriteVisits) {
    r.reason = ReasonKind::kFavourite;
    r.evidence_count = history->visits;
    return;
  }
  if (pairs != nullptr && max_pair > 0) {
    const auto [id, s] = BestPair(*pairs, menu, context, *r.item);
    if (id != 0 && s >= kPairEvidence * max_pair) {
      r.reason = ReasonKind::kPairsWith;
      r.evidence_item = id;
      r.evidence_tonight = true;
      return;
    }
  }
  // The guest vector averages profile, history and tonight features.
  float total = float(guest.preferences.size()) + 1.f +
                recommendation::kTonightFeatureWeight * float(context.ordered_tonight.size());
  for (const ItemHistory& h : profile.history) total += float(h.visits);
  const auto [id, contribution] = BestHistory(model, profile, *r.item, total);
  if (id != 0 && contribution > 0) {
    r.reason = ReasonKind::kLikeHistory;
    r.evidence_item = id;
    return;
  }
  const bool known = model.model().UserIndex(guest.id) >= 0;
  r.reason = known || !guest.preferences.empty() ? ReasonKind::kSharedTaste : ReasonKind::kPopular;
}

}  // namespace

std::vector<RankedItem> RankHybrid(const RestaurantHybridModel& model,
                                   const CooccurrenceModel* pairs, std::span<const MenuItem> menu,
                                   const Guest& guest, const GuestProfile& profile,
                                   const RecommendationContext& context, int k,
                                   HybridRankScratch& scratch) {
  std::vector<RankedItem>& cands = scratch.candidates;
  cands.clear();
  for (const MenuItem& m : menu) {
    if (PassesRules(m, profile, context)) cands.push_back(RankedItem{&m});
  }
  float user[kMaxHybridDim];
  const recommendation::MealContext meal{context.daypart == Daypart::kLunch,
                                         OccasionCode(context.occasion), context.party_size};
  model.GuestVector(guest, profile.history, context.ordered_tonight, meal, scratch.guest, user);
  std::vector<float>& pair = scratch.taste;
  pair.assign(cands.size(), 0.f);
  float lo = 0, hi = 0, max_pair = 0;
  for (size_t i = 0; i < cands.size(); ++i) {
    const float s = model.Score(user, *cands[i].item);
    cands[i].score = s;
    lo = i == 0 ? s : std::min(lo, s);
    hi = i == 0 ? s : std::max(hi, s);
    if (pairs != nullptr && !context.ordered_tonight.empty()) {
      pair[i] = BestPair(*pairs, menu, context, *cands[i].item).second;
      max_pair = std::max(max_pair, pair[i]);
    }
  }
  const float pair_weight = max_pair > 0 ? kPairWeight : 0.f;
  for (size_t i = 0; i < cands.size(); ++i) {
    const float taste = hi > lo ? (cands[i].score - lo) / (hi - lo) : 0.f;
    pair[i] = max_pair > 0 ? pair[i] / max_pair : 0.f;
    cands[i].score = (1 - pair_weight) * taste + pair_weight * pair[i];
  }
  const size_t n = std::min(cands.size(), size_t(std::max(k, 0)));
  std::partial_sort(cands.begin(), cands.begin() + n, cands.end(),
                    [](const RankedItem& a, const RankedItem& b) {
                      return a.score != b.score ? a.score > b.score : a.item->id < b.item->id;
                    });
  std::vector<RankedItem> out(cands.begin(), cands.begin() + n);
  for (RankedItem& r : out) Explain(model, pairs, menu, guest, profile, context, max_pair, r);
  return out;
}

}  // namespace sobremesa
