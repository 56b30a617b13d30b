#include "selection/recommendation/serving_choice.h"

namespace sobremesa::recommendation {
namespace {

// The step with the highest mean of `ndcg` (the first on a tie).
template <typename Ndcg>
int BestStep(const std::vector<HoldoutScore>& by_step, Ndcg ndcg) {
  int best = 0;
  for (int step = 1; step < int(by_step.size()); ++step) {
    if (ndcg(by_step[step]) > ndcg(by_step[best])) best = step;
  }
  return best;
}

double WithHistory(const HoldoutScore& s) { return s.Mean(s.ndcg_returning, s.returning_visits); }
double WithoutHistory(const HoldoutScore& s) { return s.Mean(s.ndcg_new, s.new_visits); }

}  // namespace

std::vector<std::pair<std::string, double>> ServingValidation::Metrics() const {
  std::vector<std::pair<std::string, double>> out;
  if (by_step.empty()) return out;
  auto at = [&](double weight) { return by_step[int(weight * kBlendSteps + 0.5)]; };
  for (const auto& [type, ndcg, weight] :
       {std::tuple{"with_history", &WithHistory, choice.with_history},
        std::tuple{"new_guests", &WithoutHistory, choice.without_history}}) {
    const std::string prefix = std::string("validation_ndcg10_") + type + "_";
    out.emplace_back(prefix + "hybrid", ndcg(by_step.front()));
    out.emplace_back(prefix + "cooccurrence", ndcg(by_step.back()));
    out.emplace_back(prefix + "served", ndcg(at(weight)));
    out.emplace_back(std::string("cooccurrence_weight_") + type, weight);
  }
  out.emplace_back("validation_visits_with_history", by_step.front().returning_visits);
  out.emplace_back("validation_visits_new_guests", by_step.front().new_visits);
  return out;
}

ServingChoice ChooseServing(const std::vector<HoldoutScore>& by_step) {
  ServingChoice c;
  if (by_step.empty()) return c;
  if (by_step.front().returning_visits >= kMinValidationVisits) {
    c.with_history = BlendWeight(BestStep(by_step, WithHistory));
  }
  if (by_step.front().new_visits >= kMinValidationVisits) {
    c.without_history = BlendWeight(BestStep(by_step, WithoutHistory));
  }
  return c;
}

TemporalSplit ValidationSplit(const RestaurantSnapshot& s) {
  return SplitAt(s, TimeQuantile(s.baskets, 0.8), TimeQuantile(s.baskets, 0.9));
}

ServingValidation ValidateServing(const std::vector<MenuItem>& menu,
                                  const TemporalSplit& validation,
                                  std::shared_ptr<const RestaurantHybridModel> hybrid) {
  ServingValidation v;
  const Scorer h = HybridScorer(std::move(hybrid), menu);
  const Scorer c = CooccurrenceScorer(validation, menu);
  for (int step = 0; step <= kBlendSteps; ++step) {
    v.by_step.push_back(EvaluateHoldout(menu, validation.test, BlendScorer(h, c, BlendWeight(step))));
  }
  v.choice = ChooseServing(v.by_step);
  return v;
}

StatusOr<ServingValidation> ValidateServingOnSnapshot(const RestaurantSnapshot& s,
                                                      const RestaurantHybridOptions& options) {
  const TemporalSplit validation = ValidationSplit(s);
  ASSIGN_OR_RETURN(HybridModel m,
                   TrainRestaurantHybrid(validation.records, s.restaurant_id, options, 0));
  return ValidateServing(s.menu, validation,
                         std::make_shared<const RestaurantHybridModel>(std::move(m)));
}

}  // namespace sobremesa::recommendation
