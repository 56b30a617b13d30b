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

using Tonight = HybridRankScratch::Tonight;

// Tonight's orders the co-occurrence model knows, with whether each is a
// drink (a drink is evidence only for drinks), looked up once per request.
void CollectTonight(const CooccurrenceModel& pairs, std::span<const MenuItem> menu,
                    const RecommendationContext& context, std::vector<Tonight>& out) {
  out.clear();
  for (Id id : context.ordered_tonight) {
    const int index = pairs.IndexOf(id);
    if (index < 0) continue;
    auto it = std::find_if(menu.begin(), menu.end(), [&](const MenuItem& m) { return m.id == id; });
    out.push_back({id, index, it != menu.end() && it->course == Course::kDrink});
  }
}

// The tonight item that pairs best with `item`, with its similarity;
// {0, 0} when none.
std::pair<Id, float> BestPair(const CooccurrenceModel& pairs, std::span<const Tonight> tonight,
                              const MenuItem& item) {
  std::pair<Id, float> best{0, 0.f};
  if (tonight.empty()) return best;
  const int c = pairs.IndexOf(item.id);
  if (c < 0) return best;
  const bool drink = item.course == Course::kDrink;
  for (const Tonight& t : tonight) {
    if (t.id == item.id || (t.drink && !drink)) continue;
    const float s = pairs.similarity(t.index, c);
    if (s > best.second) best = {t.id, s};
  }
  return best;
}

void Explain(const RestaurantHybridModel& model, const CooccurrenceModel* pairs,
             std::span<const Tonight> tonight, const Guest& guest, const GuestProfile& profile,
             const RecommendationContext& context, float max_pair, RankedItem& r) {
  const auto history = std::find_if(profile.history.begin(), profile.history.end(),
                                    [&](const ItemHistory& h) { return h.item_id == r.item->id; });
  if (history != profile.history.end() && history->visits >= kFavouriteVisits) {
    r.reason = ReasonKind::kFavourite;
    r.evidence_count = history->visits;
    return;
  }
  if (pairs != nullptr && max_pair > 0) {
    const auto [id, s] = BestPair(*pairs, tonight, *r.item);
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
  const auto [id, contribution] = model.StrongestHistory(profile.history, total, *r.item);
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
  std::vector<float>& pair = scratch.pair;
  pair.assign(cands.size(), 0.f);
  scratch.tonight.clear();
  if (pairs != nullptr) CollectTonight(*pairs, menu, context, scratch.tonight);
  float lo = 0, hi = 0, max_pair = 0;
  for (size_t i = 0; i < cands.size(); ++i) {
    const float s = model.Score(user, *cands[i].item);
    cands[i].score = s;
    lo = i == 0 ? s : std::min(lo, s);
    hi = i == 0 ? s : std::max(hi, s);
    if (!scratch.tonight.empty()) {
      pair[i] = BestPair(*pairs, scratch.tonight, *cands[i].item).second;
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
  for (RankedItem& r : out) {
    Explain(model, pairs, scratch.tonight, guest, profile, context, max_pair, r);
  }
  return out;
}

}  // namespace sobremesa
