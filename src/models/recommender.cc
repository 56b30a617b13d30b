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
  bool drink;      // a drink says little about which dish a guest will enjoy
};

float ContextPopularity(const CooccurrenceModel& model, int i, const RecommendationContext& c) {
  const float daypart = model.popularity(i, c.daypart);
  if (c.occasion == OccasionKind::kNone) return daypart;
  return 0.5f * daypart + 0.5f * model.popularity(i, c.occasion);
}

// What one request knows about the guest, indexed by the model's item index.
struct GuestSignals {
  std::vector<Evidence> evidence;
  std::vector<int> visits;  // visits in which the guest ordered each item
};

GuestSignals CollectSignals(const CooccurrenceModel& model, std::span<const MenuItem> menu,
                            const GuestProfile& guest, const RecommendationContext& context) {
  std::vector<bool> drink(model.item_count(), false);
  for (const MenuItem& m : menu) {
    const int i = model.IndexOf(m.id);
    if (i >= 0) drink[i] = m.course == Course::kDrink;
  }
  GuestSignals out;
  out.visits.assign(model.item_count(), 0);
  for (const ItemHistory& h : guest.history) {
    const int i = model.IndexOf(h.item_id);
    if (i < 0) continue;
    out.visits[i] = h.visits;
    out.evidence.push_back({i, std::log1p(float(h.visits)), false, drink[i]});
  }
  for (Id id : context.ordered_tonight) {
    const int i = model.IndexOf(id);
    if (i >= 0) out.evidence.push_back({i, kTonightWeight, true, drink[i]});
  }
  return out;
}

struct Candidate {
  RankedItem ranked;
  int index = -1;  // in the model, -1 for a dish it never saw
  float popularity = 0, affinity = 0;
  int visits = 0;
};

// Affinity of every model item to the evidence: weighted sums of similarity
// rows, which stream through memory instead of hopping per candidate. Drinks
// count only towards drinks.
struct Affinity {
  std::vector<float> from_dishes, from_drinks;
};

Affinity ComputeAffinity(const CooccurrenceModel& model, const std::vector<Evidence>& evidence) {
  const int n = model.item_count();
  Affinity a{std::vector<float>(n, 0.f), std::vector<float>(n, 0.f)};
  for (const Evidence& e : evidence) {
    float* acc = e.drink ? a.from_drinks.data() : a.from_dishes.data();
    const float* row = model.similarity_row(e.index);
    for (int j = 0; j < n; ++j) acc[j] += e.weight * row[j];
  }
  return a;
}

void ScoreCandidates(const CooccurrenceModel& model, const GuestSignals& signals,
                     const RecommendationContext& context, std::vector<Candidate>& cands) {
  const Affinity affinity = ComputeAffinity(model, signals.evidence);
  float max_pop = 0, max_aff = 0;
  for (Candidate& c : cands) {
    c.index = model.IndexOf(c.ranked.item->id);
    if (c.index < 0) continue;  // a dish the model never saw: no evidence yet
    c.visits = signals.visits[c.index];
    c.popularity = std::log1p(ContextPopularity(model, c.index, context));
    c.affinity = affinity.from_dishes[c.index];
    if (c.ranked.item->course == Course::kDrink) c.affinity += affinity.from_drinks[c.index];
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
  }
}

// The evidence item that contributed most to a kPairsWith item's affinity:
// what the reason names. Run only for the items returned.
void NameEvidence(const CooccurrenceModel& model, const GuestSignals& signals, Candidate& c) {
  const bool drink = c.ranked.item->course == Course::kDrink;
  float best = 0;
  for (const Evidence& e : signals.evidence) {
    if (e.drink && !drink) continue;
    const float s = e.weight * model.similarity(e.index, c.index);
    if (s > best) {
      best = s;
      c.ranked.evidence_item = model.item_id(e.index);
      c.ranked.evidence_tonight = e.tonight;
    }
  }
}

}  // namespace

std::vector<RankedItem> Rank(const CooccurrenceModel* model, std::span<const MenuItem> menu,
                             const GuestProfile& guest, const RecommendationContext& context,
                             int k) {
  std::vector<Candidate> cands;
  cands.reserve(menu.size());
  for (const MenuItem& m : menu) {
    if (!PassesRules(m, guest, context)) continue;
    cands.push_back({RankedItem{&m}});
  }
  GuestSignals signals;
  if (model != nullptr) {
    signals = CollectSignals(*model, menu, guest, context);
    ScoreCandidates(*model, signals, context, cands);
  }
  const size_t n = std::min(cands.size(), size_t(std::max(k, 0)));
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.ranked.score != b.ranked.score) return a.ranked.score > b.ranked.score;
    return a.ranked.item->id < b.ranked.item->id;
  };
  std::partial_sort(cands.begin(), cands.begin() + n, cands.end(), better);
  std::vector<RankedItem> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (cands[i].ranked.reason == ReasonKind::kPairsWith) NameEvidence(*model, signals, cands[i]);
    out.push_back(cands[i].ranked);
  }
  return out;
}

}  // namespace sobremesa
