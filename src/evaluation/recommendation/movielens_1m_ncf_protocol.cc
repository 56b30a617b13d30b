#include "evaluation/recommendation/movielens_1m_ncf_protocol.h"

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <cmath>
#include <optional>
#include <type_traits>

#include "evaluation/recommendation/leave_one_out.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/option_text.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/item_knn_trainer.h"

namespace sobremesa::recommendation {
namespace {

constexpr char kDataset[] = "movielens-1m-ncf";
constexpr uint64_t kValidationSeed = 2017;

struct NcfData {
  InteractionData train;
  std::vector<HeldOutCase> test;
};

StatusOr<NcfData> LoadNcf(const std::string& dir) {
  ASSIGN_OR_RETURN(auto pairs, LoadUserItemPairs(dir + "/ml-1m.train.implicit.tsv"));
  ASSIGN_OR_RETURN(std::vector<HeldOutCase> test, LoadHeldOutCases(dir + "/ml-1m.test.negative"));
  NcfData d{.test = std::move(test)};
  auto grow = [&](int32_t user, int32_t item) {
    d.train.num_users = std::max(d.train.num_users, user + 1);
    d.train.num_items = std::max(d.train.num_items, item + 1);
  };
  for (const auto& [user, item] : pairs) grow(user, item);
  for (const HeldOutCase& c : d.test) {
    grow(c.user, c.item);
    for (int32_t item : c.negatives) grow(c.user, item);
  }
  d.train.items_by_user.resize(d.train.num_users);
  for (const auto& [user, item] : pairs) d.train.items_by_user[user].push_back(item);
  return d;
}

ItemScorer ScorerOf(const ItemToItemModel& model, const InteractionData& data) {
  return [&](int32_t user, int32_t item) { return model.Score(data.items_by_user[user], item); };
}

ItemScorer ScorerOf(const FactorModel& model, const InteractionData&) {
  return [&](int32_t user, int32_t item) { return model.Score(user, item); };
}

std::vector<float> CountPopularity(const InteractionData& data) {
  std::vector<float> counts(data.num_items, 0);
  for (const std::vector<int32_t>& items : data.items_by_user) {
    for (int32_t item : items) counts[item] += 1;
  }
  return counts;
}

// "<stage> <model>: HR@10 ... NDCG@10 ...", e.g. stage "validation".
void ReportScores(const ProgressLog& log, const char* stage, const std::string& model,
                  const LeaveOneOutScores& s) {
  char line[200];
  std::snprintf(line, sizeof line, "%s %s: HR@10 %.4f NDCG@10 %.4f", stage, model.c_str(),
                s.hit_rate_at_10, s.ndcg_at_10);
  Report(log, line);
}

// The model type a trainer returns in its StatusOr.
template <typename> struct StatusOrValue;
template <typename T> struct StatusOrValue<StatusOr<T>> { using type = T; };
template <typename Train, typename Options>
using TrainedModel = typename StatusOrValue<
    std::invoke_result_t<const Train&, const InteractionData&, const Options&>>::type;

template <typename Options, typename Model = ItemToItemModel>
struct TunedModel {
  Options options;
  std::optional<Model> model;  // trained on the tuning pairs
  double ndcg = -1;
};

// The candidate whose model has the best validation NDCG@10, with its model.
template <typename Options, typename Train,
          typename Model = TrainedModel<Train, Options>>
StatusOr<TunedModel<Options, Model>> TuneOnValidation(const std::vector<Options>& grid,
                                                      const Train& train,
                                                      const InteractionData& data,
                                                      const std::vector<HeldOutCase>& validation,
                                                      const ProgressLog& log) {
  TunedModel<Options, Model> best{grid.front()};
  for (const Options& candidate : grid) {
    ASSIGN_OR_RETURN(Model model, train(data, candidate));
    const LeaveOneOutScores s = ScoreLeaveOneOut(validation, ScorerOf(model, data));
    ReportScores(log, "validation", Describe(candidate), s);
    if (s.ndcg_at_10 > best.ndcg) best = {candidate, std::move(model), s.ndcg_at_10};
  }
  return best;
}

std::vector<EaseOptions> EaseGrid() {
  std::vector<EaseOptions> grid;
  for (double l2 : {250.0, 500.0, 1000.0, 2000.0}) {
    for (double dropout : {0.0, 0.15, 0.3}) grid.push_back({.l2 = l2, .dropout = dropout});
  }
  return grid;
}

// Second stage around the best (λ, p): user weighting, with λ re-tuned
// because down-weighting heavy users changes how much the penalty weighs.
std::vector<EaseOptions> UserWeightGrid(const EaseOptions& best) {
  std::vector<EaseOptions> grid;
  for (double exponent : {0.25, 0.5}) {
    for (double scale : {0.5, 1.0, 2.0}) {
      grid.push_back(
          {.l2 = best.l2 * scale, .dropout = best.dropout, .user_weight_exponent = exponent});
    }
  }
  return grid;
}

// Weights of item-kNN added to EASE, in units of their mean absolute weight
// ratio (0 = EASE alone).
constexpr double kKnnShares[] = {0, 0.05, 0.1, 0.2, 0.4};

struct EaseKnnBlend {
  double share = 0;
  float weight = 0;  // the factor on the kNN weights
};

// The kNN share with the best validation NDCG@10 for EASE + share·kNN.
StatusOr<EaseKnnBlend> TuneKnnShare(const ItemToItemModel& ease, const ItemToItemModel& knn,
                                    const InteractionData& data,
                                    const std::vector<HeldOutCase>& validation,
                                    const ProgressLog& log) {
  const double unit = ease.MeanAbsWeight() / std::max(knn.MeanAbsWeight(), 1e-30);
  EaseKnnBlend best;
  double best_ndcg = -1;
  for (double share : kKnnShares) {
    const float weight = static_cast<float>(share * unit);
    ASSIGN_OR_RETURN(ItemToItemModel blend, ease.PlusScaled(knn, weight));
    const LeaveOneOutScores s = ScoreLeaveOneOut(validation, ScorerOf(blend, data));
    char name[80];
    std::snprintf(name, sizeof name, "EASE + %.2f item_knn", share);
    ReportScores(log, "validation", name, s);
    if (s.ndcg_at_10 > best_ndcg) {
      best_ndcg = s.ndcg_at_10;
      best = {share, weight};
    }
  }
  return best;
}

std::vector<ItemKnnOptions> ItemKnnGrid() {
  std::vector<ItemKnnOptions> grid;
  for (int32_t neighbours : {20, 50, 100, 200}) {
    for (float shrink : {0.0f, 20.0f}) grid.push_back({neighbours, shrink});
  }
  return grid;
}

// iALS, first stage: α0 × λ at dimension 64 (ν = 1, 16 epochs).
std::vector<IalsOptions> IalsGrid() {
  std::vector<IalsOptions> grid;
  for (double unobserved : {0.1, 0.2, 0.4}) {
    for (double l2 : {0.0025, 0.005, 0.01}) {
      grid.push_back({.dim = 64, .epochs = 16, .unobserved_weight = unobserved, .l2 = l2});
    }
  }
  return grid;
}

// Second stage: the best α0 and λ at larger dimensions.
std::vector<IalsOptions> IalsDimGrid(const IalsOptions& best) {
  std::vector<IalsOptions> grid;
  for (int32_t dim : {128, 192}) {
    IalsOptions o = best;
    o.dim = dim;
    grid.push_back(o);
  }
  return grid;
}

// Root mean square of a model's scores over every validation candidate: the
// unit in which blend weights are stated, so they mean the same whatever
// the scale of each model's scores.
double ScoreScale(const std::vector<HeldOutCase>& cases, const ItemScorer& score) {
  double squares = 0;
  int64_t n = 0;
  for (const HeldOutCase& c : cases) {
    squares += std::pow(score(c.user, c.item), 2);
    for (int32_t item : c.negatives) squares += std::pow(score(c.user, item), 2);
    n += 1 + static_cast<int64_t>(c.negatives.size());
  }
  return n > 0 ? std::sqrt(squares / n) : 1;
}

// Shares of iALS added to the item-to-item model, in units of their score
// scales (0 = the item-to-item model alone).
constexpr double kIalsShares[] = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3};

// The share of iALS with the best validation NDCG@10 for base + share·iALS;
// returns the factor on the iALS scores.
float TuneIalsShare(const ItemScorer& base, const ItemScorer& ials,
                    const std::vector<HeldOutCase>& validation, const ProgressLog& log,
                    double& chosen_share) {
  const double unit = ScoreScale(validation, base) / std::max(ScoreScale(validation, ials), 1e-30);
  double best_ndcg = -1;
  float best = 0;
  for (double share : kIalsShares) {
    const float weight = static_cast<float>(share * unit);
    const LeaveOneOutScores s = ScoreLeaveOneOut(
        validation, [&](int32_t u, int32_t i) { return base(u, i) + weight * ials(u, i); });
    char name[80];
    std::snprintf(name, sizeof name, "item-to-item + %.2f iALS", share);
    ReportScores(log, "validation", name, s);
    if (s.ndcg_at_10 > best_ndcg) best_ndcg = s.ndcg_at_10, best = weight, chosen_share = share;
  }
  return best;
}

void AddRows(const std::string& model, const LeaveOneOutScores& s, double seconds,
             std::vector<MetricRow>& rows) {
  rows.push_back({kDataset, model, "HR@10", s.hit_rate_at_10});
  rows.push_back({kDataset, model, "NDCG@10", s.ndcg_at_10});
  rows.push_back({kDataset, model, "train_seconds", seconds});
}

// Scores a model trained on all training pairs on the test file.
void Test(const std::string& name, const std::string& description, const ItemScorer& scorer,
          double seconds, const NcfData& data, const ProgressLog& log,
          std::vector<MetricRow>& rows) {
  const LeaveOneOutScores s = ScoreLeaveOneOut(data.test, scorer);
  ReportScores(log, "test", name + " " + description, s);
  AddRows(name, s, seconds, rows);
}

template <typename Options, typename Train,
          typename Model = TrainedModel<Train, Options>>
StatusOr<Model> TrainTimed(const Train& train, const Options& options,
                           const InteractionData& data, double& seconds) {
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(Model model, train(data, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  seconds = took.count();
  return model;
}

}  // namespace

StatusOr<std::vector<MetricRow>> RunMovielens1mNcfProtocol(const std::string& dir,
                                                           const ProgressLog& log) {
  ASSIGN_OR_RETURN(NcfData data, LoadNcf(dir));
  InteractionData tuning = data.train;
  const std::vector<HeldOutCase> validation = HoldOutOnePerUser(tuning, 99, kValidationSeed);
  ASSIGN_OR_RETURN(auto first_ease,
                   TuneOnValidation(EaseGrid(), TrainEase, tuning, validation, log));
  ASSIGN_OR_RETURN(auto weighted_ease, TuneOnValidation(UserWeightGrid(first_ease.options),
                                                        TrainEase, tuning, validation, log));
  auto& ease = weighted_ease.ndcg > first_ease.ndcg ? weighted_ease : first_ease;
  ASSIGN_OR_RETURN(auto knn,
                   TuneOnValidation(ItemKnnGrid(), TrainItemKnn, tuning, validation, log));
  ASSIGN_OR_RETURN(EaseKnnBlend blend,
                   TuneKnnShare(*ease.model, *knn.model, tuning, validation, log));
  ASSIGN_OR_RETURN(auto first_ials,
                   TuneOnValidation(IalsGrid(), TrainIals, tuning, validation, log));
  ASSIGN_OR_RETURN(auto wide_ials, TuneOnValidation(IalsDimGrid(first_ials.options), TrainIals,
                                                    tuning, validation, log));
  auto& ials = wide_ials.ndcg > first_ials.ndcg ? wide_ials : first_ials;
  double ials_share = 0;
  float ials_weight = 0;
  {
    ASSIGN_OR_RETURN(ItemToItemModel item_to_item, ease.model->PlusScaled(*knn.model, blend.weight));
    ials_weight = TuneIalsShare(ScorerOf(item_to_item, tuning), ScorerOf(*ials.model, tuning),
                                validation, log, ials_share);
  }
  // The tuning models are no longer needed; free their 2 × 55 MB before the
  // final fits.
  ease.model.reset();
  knn.model.reset();
  first_ials.model.reset();
  wide_ials.model.reset();

  std::vector<MetricRow> rows;
  double ease_seconds = 0, knn_seconds = 0, ials_seconds = 0;
  ASSIGN_OR_RETURN(ItemToItemModel final_ease,
                   TrainTimed(TrainEase, ease.options, data.train, ease_seconds));
  ASSIGN_OR_RETURN(ItemToItemModel final_knn,
                   TrainTimed(TrainItemKnn, knn.options, data.train, knn_seconds));
  ASSIGN_OR_RETURN(FactorModel final_ials,
                   TrainTimed(TrainIals, ials.options, data.train, ials_seconds));
  ASSIGN_OR_RETURN(ItemToItemModel item_to_item, final_ease.PlusScaled(final_knn, blend.weight));
  const ItemScorer base = ScorerOf(item_to_item, data.train);
  const ItemScorer factors = ScorerOf(final_ials, data.train);
  char description[200];
  std::snprintf(description, sizeof description, "%s + %.2f item_knn + %.2f %s",
                Describe(ease.options).c_str(), blend.share, ials_share,
                Describe(ials.options).c_str());
  // Only the members with a share are trained for it.
  const double ours_seconds = ease_seconds + (blend.share > 0 ? knn_seconds : 0) +
                              (ials_share > 0 ? ials_seconds : 0);
  Test("sobremesa", description,
       [&](int32_t u, int32_t i) { return base(u, i) + ials_weight * factors(u, i); },
       ours_seconds, data, log, rows);
  Test("ease", Describe(ease.options), ScorerOf(final_ease, data.train), ease_seconds, data, log,
       rows);
  Test("ials", Describe(ials.options), factors, ials_seconds, data, log, rows);
  Test("item_knn", Describe(knn.options), ScorerOf(final_knn, data.train), knn_seconds, data,
       log, rows);
  const std::vector<float> popularity = CountPopularity(data.train);
  const LeaveOneOutScores s =
      ScoreLeaveOneOut(data.test, [&](int32_t, int32_t item) { return popularity[item]; });
  ReportScores(log, "test", "popularity", s);
  AddRows("popularity", s, 0, rows);
  return rows;
}

}  // namespace sobremesa::recommendation
