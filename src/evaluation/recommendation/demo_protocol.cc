#include "evaluation/recommendation/demo_protocol.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <limits>
#include <numeric>

#include "evaluation/recommendation/demo_split.h"
#include "evaluation/recommendation/ranking_metrics.h"
#include "models/recommendation/restaurant_hybrid_model.h"
#include "models/recommendation/restaurant_hybrid_trainer.h"
#include "models/recommender.h"
#include "store/sqlite_store.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "demo";
constexpr int32_t kTopK = 10;

// Scores every menu item (in menu order) for one test visit.
using Scorer = std::function<void(const DemoTestVisit&, std::vector<float>&)>;

struct Score {
  double hit = 0, ndcg = 0, recall = 0, ndcg_new = 0;
  int visits = 0, new_visits = 0;
};

std::vector<int32_t> Relevant(const std::vector<MenuItem>& menu, const Basket& b) {
  std::vector<int32_t> out;
  for (size_t i = 0; i < menu.size(); ++i) {
    if (std::binary_search(b.item_ids.begin(), b.item_ids.end(), menu[i].id)) out.push_back(int32_t(i));
  }
  return out;
}

Score Evaluate(const std::vector<MenuItem>& menu, const std::vector<DemoTestVisit>& test,
               const Scorer& scorer) {
  Score s;
  std::vector<float> scores(menu.size());
  std::vector<int32_t> order(menu.size());
  for (const DemoTestVisit& v : test) {
    const std::vector<int32_t> relevant = Relevant(menu, *v.basket);
    if (relevant.empty()) continue;
    scorer(v, scores);
    std::iota(order.begin(), order.end(), 0);
    std::partial_sort(order.begin(), order.begin() + std::min<size_t>(kTopK, order.size()),
                      order.end(), [&](int32_t a, int32_t b) {
                        return scores[a] != scores[b] ? scores[a] > scores[b] : a < b;
                      });
    const std::span<const int32_t> top(order.data(), std::min<size_t>(kTopK, order.size()));
    bool hit = false;
    for (int32_t i : top) hit |= std::binary_search(relevant.begin(), relevant.end(), i);
    const double ndcg = NdcgAtK(top, relevant, kTopK);
    s.hit += hit;
    s.ndcg += ndcg;
    s.recall += RecallAtK(top, relevant, kTopK);
    ++s.visits;
    if (v.history.empty()) {
      s.ndcg_new += ndcg;
      ++s.new_visits;
    }
  }
  return s;
}

void AddRows(const std::string& model, const Score& s, std::vector<MetricRow>& rows) {
  const double n = std::max(1, s.visits);
  rows.push_back({kDataset, model, "HR@10", s.hit / n});
  rows.push_back({kDataset, model, "NDCG@10", s.ndcg / n});
  rows.push_back({kDataset, model, "Recall@10", s.recall / n});
  rows.push_back({kDataset, model, "NDCG@10_new_guests", s.ndcg_new / std::max(1, s.new_visits)});
}

Scorer PopularityScorer(const DemoSplit& split, const std::vector<MenuItem>& menu) {
  std::vector<float> counts(menu.size(), 0);
  for (const Basket& b : split.baskets) {
    for (size_t i = 0; i < menu.size(); ++i) {
      counts[i] += std::binary_search(b.item_ids.begin(), b.item_ids.end(), menu[i].id);
    }
  }
  return [counts](const DemoTestVisit&, std::vector<float>& out) { out = counts; };
}

// The foundation's co-occurrence ranking, without safety rules (the test
// asks about taste, and every guest in the demo orders within their rules).
Scorer CooccurrenceScorer(const DemoSplit& split, const std::vector<MenuItem>& menu) {
  CooccurrenceModelBuilder builder(menu);
  for (const Basket& b : split.baskets) builder.AddBasket(b.item_ids, b.seated_at, b.occasion);
  std::shared_ptr<const CooccurrenceModel> model = builder.Build(0);
  return [model, &menu](const DemoTestVisit& v, std::vector<float>& out) {
    RecommendationContext context;
    context.daypart = DaypartOfHour(ToLocal(v.basket->seated_at).hour);
    context.occasion = ParseOccasionKind(v.basket->occasion);
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
  return [model, scratch, &menu](const DemoTestVisit& v, std::vector<float>& out) {
    float guest[kMaxHybridDim];
    const MealContext context{ToLocal(v.basket->seated_at).hour < 17, v.basket->occasion,
                              v.basket->party_size};
    model->GuestVector(*v.guest, v.history, {}, context, *scratch, guest);
    for (size_t i = 0; i < menu.size(); ++i) out[i] = model->Score(guest, menu[i]);
  };
}

StatusOr<std::shared_ptr<const RestaurantHybridModel>> Train(const DemoSplit& split, Id restaurant,
                                                             HybridLoss loss,
                                                             const ProgressLog& log) {
  RestaurantHybridOptions options;
  options.model.loss = loss;
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(HybridModel m, TrainRestaurantHybrid(split.records, restaurant, options, 0));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char line[160];
  std::snprintf(line, sizeof line, "demo: trained %s on %zu visits in %.1f s", HybridLossName(loss),
                split.baskets.size(), seconds);
  Report(log, line);
  return std::make_shared<const RestaurantHybridModel>(std::move(m));
}

StatusOr<RestaurantSnapshot> ReadDemo(const std::string& dir) {
  const std::string db = (std::filesystem::path(dir) / "sobremesa.db").string();
  std::error_code ec;
  if (!std::filesystem::exists(db, ec)) {
    return Status::NotFound("no store at " + db + " (create one with `sobremesa demo --data-dir " +
                            dir + "`)");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store, OpenSqliteStore(db));
  ASSIGN_OR_RETURN(std::vector<Restaurant> restaurants, store->ListRestaurants());
  if (restaurants.empty()) return Status::FailedPrecondition(db + " holds no restaurant");
  ASSIGN_OR_RETURN(RestaurantSnapshot s, ReadRestaurantSnapshot(*store, restaurants[0].id));
  if (s.baskets.size() < 100) {
    return Status::FailedPrecondition(db + " has too few visits to evaluate (" +
                                      std::to_string(s.baskets.size()) + ")");
  }
  return s;
}

// Picks the loss by NDCG@10 on the validation window, never on the test.
StatusOr<HybridLoss> ChooseLoss(const RestaurantSnapshot& s, const ProgressLog& log) {
  const DemoSplit validation =
      SplitAt(s, TimeQuantile(s.baskets, 0.8), TimeQuantile(s.baskets, 0.9));
  HybridLoss best = HybridLoss::kSampledSoftmax;
  double best_ndcg = -1;
  for (HybridLoss loss : {HybridLoss::kBpr, HybridLoss::kSampledSoftmax}) {
    ASSIGN_OR_RETURN(auto model, Train(validation, s.restaurant_id, loss, log));
    const Score score = Evaluate(s.menu, validation.test, HybridScorer(model, s.menu));
    const double ndcg = score.ndcg / std::max(1, score.visits);
    char line[120];
    std::snprintf(line, sizeof line, "demo: validation NDCG@10 %s = %.4f", HybridLossName(loss), ndcg);
    Report(log, line);
    if (ndcg > best_ndcg) best = loss, best_ndcg = ndcg;
  }
  return best;
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunDemoProtocol(const std::string& dir, const ProgressLog& log) {
  ASSIGN_OR_RETURN(const RestaurantSnapshot s, ReadDemo(dir));
  ASSIGN_OR_RETURN(const HybridLoss chosen, ChooseLoss(s, log));
  const DemoSplit test =
      SplitAt(s, TimeQuantile(s.baskets, 0.9), std::numeric_limits<UnixSeconds>::max());
  std::vector<MetricRow> rows;
  AddRows("popularity", Evaluate(s.menu, test.test, PopularityScorer(test, s.menu)), rows);
  AddRows("cooccurrence", Evaluate(s.menu, test.test, CooccurrenceScorer(test, s.menu)), rows);
  for (HybridLoss loss : {HybridLoss::kBpr, HybridLoss::kSampledSoftmax}) {
    ASSIGN_OR_RETURN(auto model, Train(test, s.restaurant_id, loss, log));
    const Score score = Evaluate(s.menu, test.test, HybridScorer(model, s.menu));
    AddRows(std::string("hybrid-") + HybridLossName(loss), score, rows);
    if (loss == chosen) AddRows("sobremesa", score, rows);
  }
  return rows;
}

}  // namespace sobremesa::recommendation
