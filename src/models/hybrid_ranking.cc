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

using Candidate = HybridRankScratch::Candidate;

// The tonight item that pairs best with a candidate, with its similarity;
// {0, 0} when none. Only for the items returned: the ranking itself takes
// the similarity from the candidate pass.
std::pair<Id, float> BestPair(const CooccurrenceModel& pairs, std::span<const Tonight> tonight,
                              const Candidate& c) {
  std::pair<Id, float> best{0, 0.f};
  if (c.pair_index < 0) return best;
  for (const Tonight& t : tonight) {
    if (t.id == c.id || (t.drink && !c.drink)) continue;
    const float s = pairs.similarity(t.index, c.pair_index);
    if (s > best.second) best = {t.id, s};
  }
  return best;
}

// The menu items that pass the rules, with their rows in both models.
void CollectCandidates(const RestaurantHybridModel& model, const CooccurrenceModel* pairs,
                       std::span<const MenuItem> menu, const GuestProfile& profile,
                       const RecommendationContext& context, std::vector<Candidate>& out) {
  out.clear();
  for (const MenuItem& m : menu) {
    if (!PassesRules(m, profile, context)) continue;
    out.push_back({.item = &m,
                   .id = m.id,
                   .row = model.model().ItemIndex(m.id),
                   .pair_index = pairs != nullptr ? pairs->IndexOf(m.id) : -1,
                   .drink = m.course == Course::kDrink});
  }
}

// Each candidate's best similarity to tonight's orders (a drink ordered
// tonight is evidence only for drinks), one similarity row per tonight item.
void PairWithTonight(const CooccurrenceModel& pairs, std::span<const Tonight> tonight,
                     std::span<Candidate> cands) {
  for (const Tonight& t : tonight) {
    const float* row = pairs.similarity_row(t.index);
    for (Candidate& c : cands) {
      if (c.pair_index < 0 || c.id == t.id || (t.drink && !c.drink)) continue;
      c.pair = std::max(c.pair, row[c.pair_index]);
    }
  }
}

// Taste from the model, min-max normalised over the candidates, blended
// with the pairing normalised by its maximum, when the table's orders pair
// with anything. Returns that maximum. Out of line: inlined into RankHybrid,
// GCC 12 kept the running maximum in a stack slot (the value lives across
// the calls made for the reasons), a store and reload per candidate.
[[gnu::noinline]] float Blend(std::span<Candidate> cands) {
  float lo = cands[0].score, hi = cands[0].score, max_pair = 0;
  for (const Candidate& c : cands) {
    if (c.score < lo) lo = c.score;
    if (c.score > hi) hi = c.score;
    if (c.pair > max_pair) max_pair = c.pair;
  }
  const float pair_weight = max_pair > 0 ? kPairWeight : 0.f;
  for (Candidate& c : cands) {
    const float taste = hi > lo ? (c.score - lo) / (hi - lo) : 0.f;
    const float pair = max_pair > 0 ? c.pair / max_pair : 0.f;
    c.score = (1 - pair_weight) * taste + pair_weight * pair;
  }
  return max_pair;
}

// Best first: higher score, ties by item id (a strict order, so the first
// n are the same whichever way they are found).
bool Better(const Candidate& a, const Candidate& b) {
  return a.score != b.score ? a.score > b.score : a.id < b.id;
}

// Moves the n best candidates to the front, best first. For the usual
// handful, an insertion into a sorted prefix: after the first few
// candidates almost every one is a single predictable "not better than
// the n-th", where partial_sort's heap took ~10 % of a ranking in
// mispredicted comparisons; a long list takes partial_sort, whose cost does
// not grow with n times the menu.
void PutBestFirst(std::span<Candidate> cands, size_t n) {
  constexpr size_t kInsertionLimit = 16;
  if (n > kInsertionLimit) {
    std::partial_sort(cands.begin(), cands.begin() + n, cands.end(), Better);
    return;
  }
  auto sift_up = [&](size_t j) {
    for (; j > 0 && Better(cands[j], cands[j - 1]); --j) std::swap(cands[j], cands[j - 1]);
  };
  for (size_t i = 1; i < n; ++i) sift_up(i);
  for (size_t i = n; i < cands.size(); ++i) {
    if (!Better(cands[i], cands[n - 1])) continue;
    std::swap(cands[i], cands[n - 1]);
    sift_up(n - 1);
  }
}

// What the reasons of one request read, worked out once.
struct ReasonContext {
  const RestaurantHybridModel& model;
  const CooccurrenceModel* pairs;
  std::span<const Tonight> tonight;
  std::span<const ItemHistory> history;
  std::span<const RestaurantHybridModel::HistoryFeature> history_features;
  float max_pair;
  float history_total;  // scale of a history item's contribution
  bool knows_guest;     // by id or stated preferences
};

RankedItem Explain(const ReasonContext& x, const Candidate& c) {
  RankedItem r{c.item, c.score};
  const auto history = std::find_if(x.history.begin(), x.history.end(),
                                    [&](const ItemHistory& h) { return h.item_id == c.id; });
  if (history != x.history.end() && history->visits >= kFavouriteVisits) {
    r.reason = ReasonKind::kFavourite;
    r.evidence_count = history->visits;
    return r;
  }
  // Had once, and the model's familiarity term is what having had it adds.
  if (history != x.history.end() && x.model.Familiarity(*c.item, history->visits) > 0) {
    r.reason = ReasonKind::kOrderedBefore;
    r.evidence_count = history->visits;
    return r;
  }
  if (x.pairs != nullptr && x.max_pair > 0) {
    const auto [id, s] = BestPair(*x.pairs, x.tonight, c);
    if (id != 0 && s >= kPairEvidence * x.max_pair) {
      r.reason = ReasonKind::kPairsWith;
      r.evidence_item = id;
      r.evidence_tonight = true;
      return r;
    }
  }
  const auto [id, contribution] =
      x.model.StrongestHistory(x.history_features, x.history_total, *c.item);
  if (id != 0 && contribution > 0) {
    r.reason = ReasonKind::kLikeHistory;
    r.evidence_item = id;
    return r;
  }
  r.reason = x.knows_guest ? ReasonKind::kSharedTaste : ReasonKind::kPopular;
  return r;
}

}  // namespace

std::vector<RankedItem> RankHybrid(const RestaurantHybridModel& model,
                                   const CooccurrenceModel* pairs, std::span<const MenuItem> menu,
                                   const Guest& guest, const GuestProfile& profile,
                                   const RecommendationContext& context, int k,
                                   HybridRankScratch& scratch) {
  std::vector<Candidate>& cands = scratch.candidates;
  CollectCandidates(model, pairs, menu, profile, context, cands);
  const size_t n = std::min(cands.size(), size_t(std::max(k, 0)));
  if (n == 0) return {};
  float user[kMaxHybridDim];
  const recommendation::MealContext meal{context.daypart == Daypart::kLunch,
                                         OccasionCode(context.occasion), context.party_size};
  model.GuestVector(guest, profile.history, context.ordered_tonight, meal, scratch.guest, user);
  // The familiarity term of the guest's history items, by row, so scoring
  // a candidate reads it without a search.
  const recommendation::HybridModel& m = model.model();
  std::vector<float>& familiar = scratch.familiar;
  familiar.resize(size_t(m.num_items()), 0.f);
  scratch.history_rows.clear();
  for (const ItemHistory& h : profile.history) {
    const int32_t row = m.ItemIndex(h.item_id);
    if (row < 0) continue;
    familiar[row] = m.Familiarity(row, h.visits);
    scratch.history_rows.push_back(row);
  }
  for (Candidate& c : cands) {
    c.score = c.row >= 0 ? m.Score(user, c.row) + familiar[c.row]
                         : model.Score(user, *c.item, profile.history);
  }
  for (int32_t row : scratch.history_rows) familiar[row] = 0.f;
  scratch.tonight.clear();
  if (pairs != nullptr) {
    CollectTonight(*pairs, menu, context, scratch.tonight);
    PairWithTonight(*pairs, scratch.tonight, cands);
  }
  const float max_pair = Blend(cands);
  PutBestFirst(cands, n);
  // The guest vector averages profile, history and tonight features.
  float total = float(guest.preferences.size()) + 1.f +
                recommendation::kTonightFeatureWeight * float(context.ordered_tonight.size());
  for (const ItemHistory& h : profile.history) total += float(h.visits);
  model.HistoryFeatures(profile.history, scratch.history);
  const bool knows_guest = model.model().UserIndex(guest.id) >= 0 || !guest.preferences.empty();
  const ReasonContext reasons{model,           pairs,    scratch.tonight, profile.history,
                              scratch.history, max_pair, total,           knows_guest};
  std::vector<RankedItem> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(Explain(reasons, cands[i]));
  return out;
}

}  // namespace sobremesa
