#include "evaluation/recommendation/demo_protocol.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "evaluation/recommendation/demo_oracle.h"
#include "selection/recommendation/serving_choice.h"
#include "store/sqlite_store.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "demo";

void AddRows(const std::string& model, const HoldoutScore& s, std::vector<MetricRow>& rows) {
  rows.push_back({kDataset, model, "HR@10", s.Mean(s.hit, s.visits)});
  rows.push_back({kDataset, model, "NDCG@10", s.Mean(s.ndcg, s.visits)});
  rows.push_back({kDataset, model, "Recall@10", s.Mean(s.recall, s.visits)});
  rows.push_back({kDataset, model, "NDCG@10_new_guests", s.Mean(s.ndcg_new, s.new_visits)});
  rows.push_back({kDataset, model, "NDCG@10_returning_guests",
                  s.Mean(s.ndcg_returning, s.returning_visits)});
}

StatusOr<std::shared_ptr<const RestaurantHybridModel>> Train(const TemporalSplit& split,
                                                             Id restaurant, HybridLoss loss,
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

// What the validation window chose: the loss, then per guest type the weight
// of the co-occurrence model in a blend with the hybrid model of that loss
// (serving_choice.h, the same code `sobremesa train recommender` runs).
// Never looks at the test.
struct ValidationChoice {
  HybridLoss loss = HybridLoss::kSampledSoftmax;
  ServingChoice serving;
};

StatusOr<ValidationChoice> ChooseOnValidation(const RestaurantSnapshot& s, const ProgressLog& log) {
  const TemporalSplit validation = ValidationSplit(s);
  ValidationChoice choice;
  std::shared_ptr<const RestaurantHybridModel> best;
  double best_ndcg = -1;
  for (HybridLoss loss : {HybridLoss::kBpr, HybridLoss::kSampledSoftmax}) {
    ASSIGN_OR_RETURN(auto model, Train(validation, s.restaurant_id, loss, log));
    const HoldoutScore score =
        EvaluateHoldout(s.menu, validation.test, HybridScorer(model, s.menu));
    const double ndcg = score.Mean(score.ndcg, score.visits);
    char line[120];
    std::snprintf(line, sizeof line, "demo: validation NDCG@10 %s = %.4f", HybridLossName(loss), ndcg);
    Report(log, line);
    if (ndcg > best_ndcg) choice.loss = loss, best_ndcg = ndcg, best = model;
  }
  const ServingValidation v = ValidateServing(s.menu, validation, best);
  choice.serving = v.choice;
  for (const auto& [name, value] : v.Metrics()) {
    Report(log, "demo: " + name + " = " + std::to_string(value));
  }
  return choice;
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunDemoProtocol(const std::string& dir, const ProgressLog& log) {
  ASSIGN_OR_RETURN(const RestaurantSnapshot s, ReadDemo(dir));
  ASSIGN_OR_RETURN(const ValidationChoice chosen, ChooseOnValidation(s, log));
  const TemporalSplit test =
      SplitAt(s, TimeQuantile(s.baskets, 0.9), std::numeric_limits<UnixSeconds>::max());
  std::vector<MetricRow> rows;
  AddRows("popularity", EvaluateHoldout(s.menu, test.test, PopularityScorer(test, s.menu)), rows);
  // The ceiling (demo_oracle.h): a reference for the table, not a model.
  if (StatusOr<DemoOracle> oracle = MakeDemoOracle(s); oracle.ok()) {
    AddRows("oracle", EvaluateHoldout(s.menu, test.test, oracle->with_taste), rows);
    AddRows("oracle-context", EvaluateHoldout(s.menu, test.test, oracle->without_taste), rows);
  } else {
    Report(log, "demo: no oracle rows: " + oracle.status().message());
  }
  const Scorer cooccurrence = CooccurrenceScorer(test, s.menu);
  AddRows("cooccurrence", EvaluateHoldout(s.menu, test.test, cooccurrence), rows);
  for (HybridLoss loss : {HybridLoss::kBpr, HybridLoss::kSampledSoftmax}) {
    ASSIGN_OR_RETURN(auto model, Train(test, s.restaurant_id, loss, log));
    const Scorer hybrid = HybridScorer(model, s.menu);
    AddRows(std::string("hybrid-") + HybridLossName(loss),
            EvaluateHoldout(s.menu, test.test, hybrid), rows);
    if (loss != chosen.loss) continue;
    // What serving answers: the blend chosen per guest type on validation.
    const Scorer served =
        PerGuestTypeScorer(BlendScorer(hybrid, cooccurrence, chosen.serving.with_history),
                           BlendScorer(hybrid, cooccurrence, chosen.serving.without_history));
    AddRows("sobremesa", EvaluateHoldout(s.menu, test.test, served), rows);
  }
  return rows;
}

}  // namespace sobremesa::recommendation
