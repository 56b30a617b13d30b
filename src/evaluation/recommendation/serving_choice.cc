#include "evaluation/recommendation/serving_choice.h"

namespace sobremesa::recommendation {
namespace {

ServedModel Better(double hybrid, double cooccurrence, int visits) {
  return visits >= kMinValidationVisits && cooccurrence > hybrid ? ServedModel::kCooccurrence
                                                                 : ServedModel::kHybrid;
}

}  // namespace

std::vector<std::pair<std::string, double>> ServingValidation::Metrics() const {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [name, s] : {std::pair{"hybrid", &hybrid}, {"cooccurrence", &cooccurrence}}) {
    out.emplace_back(std::string("validation_ndcg10_with_history_") + name,
                     s->Mean(s->ndcg_returning, s->returning_visits));
    out.emplace_back(std::string("validation_ndcg10_new_guests_") + name,
                     s->Mean(s->ndcg_new, s->new_visits));
  }
  out.emplace_back("validation_visits_with_history", hybrid.returning_visits);
  out.emplace_back("validation_visits_new_guests", hybrid.new_visits);
  return out;
}

ServingChoice ChooseServing(const HoldoutScore& hybrid, const HoldoutScore& cooccurrence) {
  ServingChoice c;
  c.with_history = Better(hybrid.Mean(hybrid.ndcg_returning, hybrid.returning_visits),
                          cooccurrence.Mean(cooccurrence.ndcg_returning,
                                            cooccurrence.returning_visits),
                          hybrid.returning_visits);
  c.without_history = Better(hybrid.Mean(hybrid.ndcg_new, hybrid.new_visits),
                             cooccurrence.Mean(cooccurrence.ndcg_new, cooccurrence.new_visits),
                             hybrid.new_visits);
  return c;
}

DemoSplit ValidationSplit(const RestaurantSnapshot& s) {
  return SplitAt(s, TimeQuantile(s.baskets, 0.8), TimeQuantile(s.baskets, 0.9));
}

ServingValidation ValidateServing(const std::vector<MenuItem>& menu, const DemoSplit& validation,
                                  std::shared_ptr<const RestaurantHybridModel> hybrid) {
  ServingValidation v;
  v.hybrid = EvaluateHoldout(menu, validation.test, HybridScorer(std::move(hybrid), menu));
  v.cooccurrence = EvaluateHoldout(menu, validation.test, CooccurrenceScorer(validation, menu));
  v.choice = ChooseServing(v.hybrid, v.cooccurrence);
  return v;
}

StatusOr<ServingValidation> ValidateServingOnSnapshot(const RestaurantSnapshot& s,
                                                      const RestaurantHybridOptions& options) {
  const DemoSplit validation = ValidationSplit(s);
  ASSIGN_OR_RETURN(HybridModel m,
                   TrainRestaurantHybrid(validation.records, s.restaurant_id, options, 0));
  return ValidateServing(s.menu, validation,
                         std::make_shared<const RestaurantHybridModel>(std::move(m)));
}

}  // namespace sobremesa::recommendation
