#include "models/recommender.h"

#include <algorithm>
#include <cmath>

namespace sobremesa {
namespace {

// Blend of the three signals. Affinity leads when the guest has history;
// popularity carries cold-start guests; familiarity nudges favourites.
constexpr float kPopularityWeight = 0.40f;
constexpr float kAffinityWeight = 0.45f;
constexpr float kFamiliarityWeight = 0.15f;
// What the table ordered tonight says more about now than old visits do.
constexpr float kTonightWeight = 2.0f;
// Visits with an item after which it counts as a favourite.
constexpr int kFavouriteVisits = 2;

struct Evidence {
  int index;       // model index of a history or tonight item
  float weight;
  bool tonight;
};

bool Contains(std::span<const Id> ids, Id id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}

std::vector<Evidence> CollectEvidence(const CooccurrenceModel& model, const GuestProfile& guest,
                                      const RecommendationContext& context) {
  std::vector<Evidence> out;
  for (const ItemHistory& h : guest.history) {
    const int i = model.IndexOf(h.item_id);
    if (i >= 0) out.push_back({i, std::log1p(float(h.visits)), false});
  }
  for (Id id : context.ordered_tonight) {
    const int i = model.IndexOf(id);
    if (i >= 0) out.push_back({i, kTonightWeight, true});
  }
  return out;
}

float ContextPopularity(const CooccurrenceModel& model, int i, const RecommendationContext& c) {
  const float daypart = model.popularity(i, c.daypart);
  if (c.occasion == OccasionKind::kNone) return daypart;
  return 0.5f * daypart + 0.5f * model.popularity(i, c.occasion);
}

int VisitsWith(const GuestProfile& guest, Id item_id) {
  for (const ItemHistory& h : guest.history) {
    if (h.item_id == item_id) return h.visits;
  }
  return 0;
}

struct Candidate {
  RankedItem ranked;
  float popularity = 0, affinity = 0;
  int visits = 0;
};

void ScoreCandidates(const CooccurrenceModel& model, const GuestProfile& guest,
                     const RecommendationContext& context, std::vector<Candidate>& cands) {
  const std::vector<Evidence> evidence = CollectEvidence(model, guest, context);
  float max_pop = 0, max_aff = 0;
  for (Candidate& c : cands) {
    const int i = model.IndexOf(c.ranked.item->id);
    c.visits = VisitsWith(guest, c.ranked.item->id);
    if (i < 0) continue;  // a dish the model never saw: no evidence yet
    c.popularity = std::log1p(ContextPopularity(model, i, context));
    float best = 0;
    for (const Evidence& e : evidence) {
      const float s = e.weight * model.similarity(e.index, i);
      c.affinity += s;
      if (s > best) {
        best = s;
        c.ranked.evidence_item = model.item_id(e.index);
        c.ranked.evidence_tonight = e.tonight;
      }
    }
    max_pop = std::max(max_pop, c.popularity);
    max_aff = std::max(max_aff, c.affinity);
  }
  for (Candidate& c : cands) {
    const float pop = max_pop > 0 ? c.popularity / max_pop : 0;
    const float aff = max_aff > 0 ? c.affinity / max_aff : 0;
    const float fam = std::min(1.f, c.visits / 3.f);
    c.ranked.score = kPopularityWeight * pop + kAffinityWeight * aff + kFamiliarityWeight * fam;
    if (c.visits >= kFavouriteVisits) {
      c.ranked.reason = ReasonKind::kFavourite;
      c.ranked.evidence_count = c.visits;
    } else if (aff > 0 && kAffinityWeight * aff >= kPopularityWeight * pop) {
      c.ranked.reason = ReasonKind::kPairsWith;
    } else {
      c.ranked.reason = ReasonKind::kPopular;
    }
    if (c.ranked.reason != ReasonKind::kPairsWith) c.ranked.evidence_item = 0;
  }
}

}  // namespace

std::vector<RankedItem> Rank(const CooccurrenceModel* model, std::span<const MenuItem> menu,
                             const GuestProfile& guest, const RecommendationContext& context,
                             int k) {
  std::vector<Candidate> cands;
  cands.reserve(menu.size());
  for (const MenuItem& m : menu) {
    if (context.course && m.course != *context.course) continue;
    if (ExclusionFor(m, guest.allergies, guest.dietary_needs) != Exclusion::kNone) continue;
    if (!context.allow_repeat_tonight && Contains(context.ordered_tonight, m.id)) continue;
    cands.push_back({RankedItem{&m}});
  }
  if (model != nullptr) ScoreCandidates(*model, guest, context, cands);
  const size_t n = std::min(cands.size(), size_t(std::max(k, 0)));
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.ranked.score != b.ranked.score) return a.ranked.score > b.ranked.score;
    return a.ranked.item->id < b.ranked.item->id;
  };
  std::partial_sort(cands.begin(), cands.begin() + n, cands.end(), better);
  std::vector<RankedItem> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(cands[i].ranked);
  return out;
}

}  // namespace sobremesa
