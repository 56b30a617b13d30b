#include "evaluation/recommendation/movielens_1m_ncf_protocol.h"

#include <chrono>
#include <algorithm>
#include <cstdio>
#include <cmath>
#include <optional>
#include <span>
#include <type_traits>

#include "evaluation/recommendation/leave_one_out.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "evaluation/recommendation/option_text.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/rp3beta_trainer.h"

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

// Validation scores of one model's every candidate (ScoreCandidates): the
// blends below are tried on these, without calling the models again.
using CandidateScores = std::vector<float>;

// Root mean square of a model's scores over every validation candidate: the
// unit in which blend shares are stated, so they mean the same whatever the
// scale of each model's scores.
double RootMeanSquare(const CandidateScores& scores) {
  double squares = 0;
  for (float s : scores) squares += double(s) * s;
  return scores.empty() ? 1 : std::sqrt(squares / scores.size());
}

CandidateScores PlusScaled(const CandidateScores& base, const CandidateScores& member,
                           float weight) {
  CandidateScores sum(base.size());
  for (size_t k = 0; k < base.size(); ++k) sum[k] = base[k] + weight * member[k];
  return sum;
}

// How much of a member is added to the blend so far.
struct Share {
  double share = 0;  // in units of the ratio of the two RMS scores
  float weight = 0;  // the factor on the member's scores
  double ndcg = -1;  // validation NDCG@10 of the blend
};

// Shares of iALS and of RP3beta tried on top of the blend so far (0 = the
// blend without the member).
constexpr double kIalsShares[] = {0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3};
constexpr double kRp3betaShares[] = {0, 0.1, 0.2, 0.35, 0.5, 0.75, 1};

// The share of `member` added to `base` with the best validation NDCG@10.
Share BestShare(const CandidateScores& base, const CandidateScores& member,
                std::span<const double> shares, const std::vector<HeldOutCase>& validation) {
  const double unit = RootMeanSquare(base) / std::max(RootMeanSquare(member), 1e-30);
  Share best;
  for (double share : shares) {
    const float weight = static_cast<float>(share * unit);
    const double ndcg = ScoreLeaveOneOut(validation, PlusScaled(base, member, weight)).ndcg_at_10;
    if (ndcg > best.ndcg) best = {share, weight, ndcg};
  }
  return best;
}

// A candidate member's settings with its validation NDCG@10 alone and its
// best share on top of the blend so far.
template <typename Options>
struct MemberTrial {
  Options options;
  double alone = 0;
  Share share;
  CandidateScores scores;  // kept for the best trial of a RankMembers call only
};

// Each setting in `grid` fitted on the tuning pairs and judged by what it
// adds to `base` (its best share), not by its score alone: the member the
// blend needs is the one that errs differently, which need not be the best
// model alone. Returns the trials, best first, the best with its scores.
template <typename Options, typename Train>
StatusOr<std::vector<MemberTrial<Options>>> RankMembers(
    const std::vector<Options>& grid, const Train& train, std::span<const double> shares,
    const CandidateScores& base, const InteractionData& data,
    const std::vector<HeldOutCase>& validation, const ProgressLog& log) {
  std::vector<MemberTrial<Options>> trials;
  size_t best = 0;  // the first trial with the highest blended NDCG@10
  for (const Options& candidate : grid) {
    ASSIGN_OR_RETURN(auto model, train(data, candidate));
    CandidateScores scores = ScoreCandidates(validation, ScorerOf(model, data));
    const LeaveOneOutScores alone = ScoreLeaveOneOut(validation, scores);
    const Share share = BestShare(base, scores, shares, validation);
    char line[240];
    std::snprintf(line, sizeof line,
                  "validation %s: HR@10 %.4f NDCG@10 %.4f; blended at share %.2f: NDCG@10 %.4f",
                  Describe(candidate).c_str(), alone.hit_rate_at_10, alone.ndcg_at_10,
                  share.share, share.ndcg);
    Report(log, line);
    trials.push_back({candidate, alone.ndcg_at_10, share});
    if (trials.size() == 1 || share.ndcg > trials[best].share.ndcg) {
      trials[best].scores.clear();
      best = trials.size() - 1;
      trials[best].scores = std::move(scores);
    }
  }
  std::stable_sort(trials.begin(), trials.end(),
                   [](const auto& a, const auto& b) { return a.share.ndcg > b.share.ndcg; });
  return trials;
}

// iALS, first stage: dimension × α0 × λ (ν = 1), jointly, at 8 epochs (half
// what the earlier protocol used) to rank them cheaply. A staged search (α0
// × λ at one dimension, then the winner at larger ones) once missed a better
// model: the best λ moves with the dimension.
constexpr int32_t kIalsRankingEpochs = 8;
constexpr double kIalsUnobservedWeights[] = {0.1, 0.2, 0.4};
constexpr double kIalsL2s[] = {0.0025, 0.005, 0.01};

std::vector<IalsOptions> IalsGrid(std::span<const int32_t> dims) {
  std::vector<IalsOptions> grid;
  for (int32_t dim : dims) {
    for (double unobserved : kIalsUnobservedWeights) {
      for (double l2 : kIalsL2s) {
        grid.push_back({.dim = dim, .epochs = kIalsRankingEpochs,
                        .unobserved_weight = unobserved, .l2 = l2});
      }
    }
  }
  return grid;
}

// How many of the best settings go on to the next stage.
constexpr size_t kIalsFinalists = 3;

// Second stage: the α0 and λ of the best settings of the first at larger
// dimensions (coarse to fine: a dimension-256 fit costs ~4 of dimension 64,
// so only α0 and λ that already did well are tried there).
std::vector<IalsOptions> IalsWiderGrid(const std::vector<MemberTrial<IalsOptions>>& ranked,
                                       std::span<const int32_t> dims) {
  std::vector<IalsOptions> pairs;  // distinct (α0, λ), best first
  for (const MemberTrial<IalsOptions>& trial : ranked) {
    const IalsOptions& o = trial.options;
    const bool seen = std::any_of(pairs.begin(), pairs.end(), [&](const IalsOptions& p) {
      return p.unobserved_weight == o.unobserved_weight && p.l2 == o.l2;
    });
    if (!seen && pairs.size() < kIalsFinalists) pairs.push_back(o);
  }
  std::vector<IalsOptions> grid;
  for (const IalsOptions& pair : pairs) {
    for (int32_t dim : dims) {
      IalsOptions o = pair;
      o.dim = dim;
      grid.push_back(o);
    }
  }
  return grid;
}

// Third stage: the best settings so far with half and twice the epochs
// (with the ranking trials themselves, epochs ∈ {4, 8, 16}).
constexpr int32_t kIalsFinalEpochs[] = {4, 16};

std::vector<IalsOptions> IalsFinalGrid(const std::vector<MemberTrial<IalsOptions>>& ranked) {
  std::vector<IalsOptions> grid;
  for (size_t k = 0; k < std::min(kIalsFinalists, ranked.size()); ++k) {
    for (int32_t epochs : kIalsFinalEpochs) {
      IalsOptions o = ranked[k].options;
      o.epochs = epochs;
      grid.push_back(o);
    }
  }
  return grid;
}

std::vector<Rp3betaOptions> Rp3betaGrid() {
  std::vector<Rp3betaOptions> grid;
  for (double alpha : {0.5, 0.75, 1.0}) {
    for (double beta : {0.15, 0.3, 0.45}) {
      grid.push_back({.alpha = alpha, .beta = beta, .neighbours = 200});
    }
  }
  return grid;
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
  CandidateScores item_to_item_scores;
  {
    ASSIGN_OR_RETURN(ItemToItemModel item_to_item, ease.model->PlusScaled(*knn.model, blend.weight));
    item_to_item_scores = ScoreCandidates(validation, ScorerOf(item_to_item, tuning));
  }
  // The tuning models are no longer needed; free their 2 × 55 MB before the
  // iALS fits.
  ease.model.reset();
  knn.model.reset();

  // iALS, judged by what it adds to the item-to-item model.
  constexpr int32_t kFirstDims[] = {64, 128};
  constexpr int32_t kWiderDims[] = {192, 256};
  ASSIGN_OR_RETURN(auto ials_ranked, RankMembers(IalsGrid(kFirstDims), TrainIals, kIalsShares,
                                                 item_to_item_scores, tuning, validation, log));
  ASSIGN_OR_RETURN(auto ials_wider, RankMembers(IalsWiderGrid(ials_ranked, kWiderDims), TrainIals,
                                                kIalsShares, item_to_item_scores, tuning,
                                                validation, log));
  ials_ranked.insert(ials_ranked.end(), ials_wider.begin(), ials_wider.end());
  std::stable_sort(ials_ranked.begin(), ials_ranked.end(),
                   [](const auto& a, const auto& b) { return a.share.ndcg > b.share.ndcg; });
  ASSIGN_OR_RETURN(auto ials_final, RankMembers(IalsFinalGrid(ials_ranked), TrainIals,
                                                kIalsShares, item_to_item_scores, tuning,
                                                validation, log));
  // The ranking trials stay candidates: fewer epochs, a less converged
  // iALS, may err more differently from EASE and so blend better (and fit
  // faster).
  const MemberTrial<IalsOptions>& ials =
      ials_final.front().share.ndcg > ials_ranked.front().share.ndcg ? ials_final.front()
                                                                      : ials_ranked.front();
  const CandidateScores with_ials =
      PlusScaled(item_to_item_scores, ials.scores, ials.share.weight);

  // RP3beta, judged by what it adds to item-to-item + iALS.
  ASSIGN_OR_RETURN(auto rp3beta_ranked, RankMembers(Rp3betaGrid(), TrainRp3beta, kRp3betaShares,
                                                    with_ials, tuning, validation, log));
  const MemberTrial<Rp3betaOptions> rp3beta = rp3beta_ranked.front();
  // RP3beta alone, as a baseline: the best setting by its own score.
  const MemberTrial<Rp3betaOptions> rp3beta_alone = *std::max_element(
      rp3beta_ranked.begin(), rp3beta_ranked.end(),
      [](const auto& a, const auto& b) { return a.alone < b.alone; });

  std::vector<MetricRow> rows;
  double ease_seconds = 0, knn_seconds = 0, ials_seconds = 0, rp3beta_seconds = 0;
  ASSIGN_OR_RETURN(ItemToItemModel final_ease,
                   TrainTimed(TrainEase, ease.options, data.train, ease_seconds));
  ASSIGN_OR_RETURN(ItemToItemModel final_knn,
                   TrainTimed(TrainItemKnn, knn.options, data.train, knn_seconds));
  ASSIGN_OR_RETURN(FactorModel final_ials,
                   TrainTimed(TrainIals, ials.options, data.train, ials_seconds));
  ASSIGN_OR_RETURN(ItemToItemModel final_rp3beta,
                   TrainTimed(TrainRp3beta, rp3beta.options, data.train, rp3beta_seconds));
  // Item-to-item members add into one matrix, served as one.
  ASSIGN_OR_RETURN(ItemToItemModel with_knn, final_ease.PlusScaled(final_knn, blend.weight));
  ASSIGN_OR_RETURN(ItemToItemModel item_to_item,
                   with_knn.PlusScaled(final_rp3beta, rp3beta.share.weight));
  const ItemScorer base = ScorerOf(item_to_item, data.train);
  const ItemScorer factors = ScorerOf(final_ials, data.train);
  char description[300];
  std::snprintf(description, sizeof description, "%s + %.2f item_knn + %.2f %s + %.2f %s",
                Describe(ease.options).c_str(), blend.share, ials.share.share,
                Describe(ials.options).c_str(), rp3beta.share.share,
                Describe(rp3beta.options).c_str());
  // Only the members with a share are trained for it.
  const double ours_seconds = ease_seconds + (blend.share > 0 ? knn_seconds : 0) +
                              (ials.share.share > 0 ? ials_seconds : 0) +
                              (rp3beta.share.share > 0 ? rp3beta_seconds : 0);
  const float ials_weight = ials.share.weight;
  Test("sobremesa", description,
       [&](int32_t u, int32_t i) { return base(u, i) + ials_weight * factors(u, i); },
       ours_seconds, data, log, rows);
  Test("ease", Describe(ease.options), ScorerOf(final_ease, data.train), ease_seconds, data, log,
       rows);
  Test("ials", Describe(ials.options), factors, ials_seconds, data, log, rows);
  if (Describe(rp3beta_alone.options) != Describe(rp3beta.options)) {
    ASSIGN_OR_RETURN(final_rp3beta,
                     TrainTimed(TrainRp3beta, rp3beta_alone.options, data.train, rp3beta_seconds));
  }
  Test("rp3beta", Describe(rp3beta_alone.options), ScorerOf(final_rp3beta, data.train),
       rp3beta_seconds, data, log, rows);
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
