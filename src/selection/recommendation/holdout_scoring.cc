#include "selection/recommendation/holdout_scoring.h"

#include <algorithm>
#include <numeric>

#include "models/blended_ranking.h"
#include "selection/recommendation/ranking_metrics.h"

namespace sobremesa::recommendation {
namespace {

std::vector<int32_t> Relevant(const std::vector<MenuItem>& menu, const Basket& b) {
  std::vector<int32_t> out;
  for (size_t i = 0; i < menu.size(); ++i) {
    if (std::binary_search(b.item_ids.begin(), b.item_ids.end(), menu[i].id)) {
      out.push_back(int32_t(i));
    }
  }
  return out;
}

}  // namespace

HoldoutScore EvaluateHoldout(const std::vector<MenuItem>& menu,
                             const std::vector<HeldOutVisit>& test, const Scorer& scorer) {
  HoldoutScore s;
  std::vector<float> scores(menu.size());
  std::vector<int32_t> order(menu.size());
  const size_t k = std::min<size_t>(kHoldoutTopK, order.size());
  for (const HeldOutVisit& v : test) {
    const std::vector<int32_t> relevant = Relevant(menu, *v.basket);
    if (relevant.empty()) continue;
    scorer(v, scores);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int32_t a, int32_t b) {
      return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
    });
    const std::span<const int32_t> top(order.data(), k);
    bool hit = false;
    for (int32_t i : top) hit |= std::binary_search(relevant.begin(), relevant.end(), i);
    const double ndcg = NdcgAtK(top, relevant, kHoldoutTopK);
    s.hit += hit;
    s.ndcg += ndcg;
    s.recall += RecallAtK(top, relevant, kHoldoutTopK);
    ++s.visits;
    if (v.history.empty()) {
      s.ndcg_new += ndcg;
      ++s.new_visits;
    } else {
      s.ndcg_returning += ndcg;
      ++s.returning_visits;
    }
  }
  return s;
}

Scorer PopularityScorer(const TemporalSplit& split, const std::vector<MenuItem>& menu) {
  std::vector<float> counts(menu.size(), 0);
  for (const Basket& b : split.baskets) {
    for (size_t i = 0; i < menu.size(); ++i) {
      counts[i] += std::binary_search(b.item_ids.begin(), b.item_ids.end(), menu[i].id);
    }
  }
  return [counts](const HeldOutVisit&, std::vector<float>& out) { out = counts; };
}

Scorer CooccurrenceScorer(const TemporalSplit& split, const std::vector<MenuItem>& menu) {
  CooccurrenceModelBuilder builder(menu);
  for (const Basket& b : split.baskets) builder.AddBasket(b.item_ids, b.seated_at, b.occasion);
  std::shared_ptr<const CooccurrenceModel> model = builder.Build(0);
  return [model, &menu](const HeldOutVisit& v, std::vector<float>& out) {
    RecommendationContext context;
    context.daypart = DaypartOfHour(ToLocal(v.basket->seated_at).hour);
    context.occasion = ParseOccasionKind(v.basket->occasion);
    context.include_staples = true;  // every item a guest ordered is scored, water too
    const GuestProfile profile{{}, {}, v.history};
    std::fill(out.begin(), out.end(), -1.f);
    for (const RankedItem& r : Rank(model.get(), menu, profile, context, int(menu.size()))) {
      out[r.item - menu.data()] = r.score;
    }
  };
}

Scorer HybridScorer(std::shared_ptr<const RestaurantHybridModel> model,
                    const std::vector<MenuItem>& menu) {
  auto scratch = std::make_shared<RestaurantHybridModel::Scratch>();
  return [model, scratch, &menu](const HeldOutVisit& v, std::vector<float>& out) {
    float guest[kMaxHybridDim];
    const MealContext context{ToLocal(v.basket->seated_at).hour < 17, v.basket->occasion,
                              v.basket->party_size};
    model->GuestVector(*v.guest, v.history, {}, context, *scratch, guest);
    for (size_t i = 0; i < menu.size(); ++i) out[i] = model->Score(guest, menu[i], v.history);
  };
}

Scorer BlendScorer(Scorer hybrid, Scorer cooccurrence, float weight) {
  auto other = std::make_shared<std::vector<float>>();
  return [hybrid, cooccurrence, weight, other](const HeldOutVisit& v, std::vector<float>& out) {
    hybrid(v, out);
    other->resize(out.size());
    cooccurrence(v, *other);
    const auto [lo, hi] = std::minmax_element(out.begin(), out.end());
    const float low = *lo, range = *hi - *lo;
    for (size_t i = 0; i < out.size(); ++i) {
      out[i] = BlendedScore(range > 0 ? (out[i] - low) / range : 0.f, (*other)[i], weight);
    }
  };
}

Scorer PerGuestTypeScorer(Scorer with_history, Scorer new_guests) {
  return [with_history, new_guests](const HeldOutVisit& v, std::vector<float>& out) {
    (v.history.empty() ? new_guests : with_history)(v, out);
  };
}

}  // namespace sobremesa::recommendation
