#include "evaluation/recommendation/movielens_1m_ncf_experiments.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <type_traits>
#include <utility>

#include "evaluation/recommendation/blend_features.h"
#include "evaluation/recommendation/leave_one_out.h"
#include "evaluation/recommendation/movielens_1m_ncf_learned_blend.h"
#include "evaluation/recommendation/option_text.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/low_pass_trainer.h"
#include "models/recommendation/mult_dae_trainer.h"
#include "models/recommendation/rp3beta_trainer.h"
#include "models/recommendation/sampled_mf_trainer.h"
#include "models/recommendation/user_to_user_trainer.h"

namespace sobremesa::recommendation {
namespace {

// Shares tried, in units of RMS(base) / RMS(member) as everywhere in the
// protocol: a member on top of the blend or in iALS's place. The popularity
// prior may also be subtracted: DLAE may already favour popular items too much.
constexpr double kMemberShares[] = {0, 0.1, 0.25, 0.5, 0.75, 1, 1.5, 2, 3};
constexpr double kPopularityShares[] = {-0.2, -0.1, -0.05, 0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75};

// The numbers of each trial in the variable's list, e.g. "64:8;128:8" gives
// {{64, 8}, {128, 8}}; each trial must have `min_fields` to `max_fields`.
StatusOr<std::vector<std::vector<double>>> Trials(const char* variable, size_t min_fields,
                                                  size_t max_fields) {
  std::vector<std::vector<double>> trials;
  const char* text = std::getenv(variable);
  if (text == nullptr) return trials;
  const std::string all = text;
  for (size_t start = 0; start <= all.size();) {
    size_t end = all.find(';', start);
    if (end == std::string::npos) end = all.size();
    const std::string trial = all.substr(start, end - start);
    start = end + 1;
    if (trial.empty()) continue;
    std::vector<double> fields;
    bool numbers = true;
    for (size_t at = 0; numbers && at <= trial.size();) {
      size_t colon = trial.find(':', at);
      if (colon == std::string::npos) colon = trial.size();
      const std::string field = trial.substr(at, colon - at);
      char* after = nullptr;
      fields.push_back(std::strtod(field.c_str(), &after));
      numbers = !field.empty() && *after == '\0';
      at = colon + 1;
    }
    if (!numbers || fields.size() < min_fields || fields.size() > max_fields) {
      return Status::InvalidArgument(std::string(variable) + ": trial '" + trial + "' needs " +
                                     std::to_string(min_fields) + " to " +
                                     std::to_string(max_fields) + " ':'-separated numbers");
    }
    trials.push_back(std::move(fields));
  }
  return trials;
}

double MeanNdcg(const HoldoutScores& scores, const std::vector<Holdout>& holdouts) {
  double total = 0;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    total += ScoreLeaveOneOut(holdouts[k].validation, scores[k]).ndcg_at_10 / holdouts.size();
  }
  return total;
}

// "share 0.10: 0.6141 (holdouts a / b); per bucket 0.50/0.10/0.00: 0.6145;
// cross-holdout one share 0.6127, per bucket 0.6134".
std::string BlendText(const HoldoutScores& base, const HoldoutScores& member,
                      std::span<const double> shares, const std::vector<Holdout>& holdouts) {
  const ShareTable table = TabulateShares(base, member, shares, holdouts);
  const ShareChoice one = ChooseShares(table, false);
  const Share per_bucket = ShareOf(table, ChooseShares(table, true));
  std::vector<double> blended;
  for (size_t k = 0; k < holdouts.size(); ++k) blended.push_back(NdcgOf(table, k, one));
  char text[300];
  std::snprintf(text, sizeof text,
                "share %s: %.4f (holdouts %s); per bucket %s: %.4f; cross-holdout one share "
                "%.4f, per bucket %.4f",
                SharesText(ShareOf(table, one).share).c_str(), ShareOf(table, one).ndcg,
                PerHoldoutText(blended).c_str(), SharesText(per_bucket.share).c_str(),
                per_bucket.ndcg, CrossHoldoutNdcg(table, false), CrossHoldoutNdcg(table, true));
  return text;
}

// Fits `train(tuning pairs)` on each holdout and scores its candidates;
// `seconds` is the mean fitting time.
template <typename Train>
StatusOr<HoldoutScores> FitAndScore(const Train& train, const std::vector<Holdout>& holdouts,
                                    double& seconds) {
  HoldoutScores scores;
  seconds = 0;
  for (const Holdout& h : holdouts) {
    const auto start = std::chrono::steady_clock::now();
    ASSIGN_OR_RETURN(auto model, train(h.tuning));
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    seconds += took.count() / holdouts.size();
    scores.push_back(ScoreCandidates(h.validation, [&](int32_t user, int32_t item) {
      if constexpr (std::is_same_v<decltype(model), FactorModel> ||
                    std::is_same_v<decltype(model), UserToUserModel>) {
        return model.Score(user, item);
      } else {
        return model.Score(h.tuning.items_by_user[user], item);
      }
    }));
  }
  return scores;
}

// A factor or item-to-item candidate: alone, on top of the blend, and in
// iALS's place on top of DLAE.
void ReportMember(const std::string& name, double seconds, const HoldoutScores& scores,
                  const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                  const ProgressLog& log) {
  char line[900];
  std::snprintf(line, sizeof line,
                "experiment %s (%.1f s a fit): NDCG@10 %.4f alone; added to the blend: %s; "
                "instead of iALS: %s",
                name.c_str(), seconds, MeanNdcg(scores, holdouts),
                BlendText(recorded.blend, scores, kMemberShares, holdouts).c_str(),
                BlendText(recorded.dlae, scores, kMemberShares, holdouts).c_str());
  Report(log, line);
}

Status PopularityTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                        const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_POPULARITY_TRIALS", 1, 1));
  for (const std::vector<double>& trial : trials) {
    const double exponent = trial[0];
    HoldoutScores scores;
    for (const Holdout& h : holdouts) {
      std::vector<double> counts(h.tuning.num_items, 0);
      for (const std::vector<int32_t>& items : h.tuning.items_by_user) {
        for (int32_t item : items) counts[item] += 1;
      }
      scores.push_back(ScoreCandidates(h.validation, [&](int32_t, int32_t item) {
        const double n = counts[item];
        return static_cast<float>(exponent == 0 ? std::log1p(n) : std::pow(n, exponent));
      }));
    }
    char prior[32], line[500];
    if (exponent == 0) {
      std::snprintf(prior, sizeof prior, "log(1 + count)");
    } else {
      std::snprintf(prior, sizeof prior, "count^%g", exponent);
    }
    std::snprintf(line, sizeof line,
                  "experiment popularity prior %s: NDCG@10 %.4f alone; added to the blend: %s",
                  prior, MeanNdcg(scores, holdouts),
                  BlendText(recorded.blend, scores, kPopularityShares, holdouts).c_str());
    Report(log, line);
  }
  return Status::Ok();
}

Status IalsTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                  const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_IALS_TRIALS", 6, 7));
  for (const std::vector<double>& t : trials) {
    const IalsOptions o = {.dim = static_cast<int32_t>(t[0]),
                           .epochs = static_cast<int32_t>(t[1]),
                           .unobserved_weight = t[2],
                           .l2 = t[3],
                           .frequency_exponent = t[4],
                           .cg_steps = static_cast<int32_t>(t[5]),
                           .seed = t.size() > 6 ? static_cast<uint64_t>(t[6]) : 1};
    double seconds = 0;
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainIals(d, o); },
                                 holdouts, seconds));
    ReportMember(Describe(o) + " cg " + std::to_string(o.cg_steps) + " seed " +
                     std::to_string(o.seed),
                 seconds, scores, recorded, holdouts, log);
  }
  return Status::Ok();
}

Status LowPassTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                     const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_LOW_PASS_TRIALS", 2, 2));
  for (const std::vector<double>& t : trials) {
    const LowPassOptions o = {.rank = static_cast<int32_t>(t[0]), .user_weight_exponent = t[1]};
    double seconds = 0;
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainLowPass(d, o); },
                                 holdouts, seconds));
    char name[80];
    std::snprintf(name, sizeof name, "low-pass filter rank %d user weight ^-%g", o.rank,
                  o.user_weight_exponent);
    ReportMember(name, seconds, scores, recorded, holdouts, log);
  }
  return Status::Ok();
}

// dim:epochs:negatives:learning_rate:l2[:negative_exponent[:seed[:models]]].
SampledMfOptions SampledMfOf(const std::vector<double>& t) {
  return {.dim = static_cast<int32_t>(t[0]),
          .epochs = static_cast<int32_t>(t[1]),
          .negatives = static_cast<int32_t>(t[2]),
          .learning_rate = t[3],
          .l2 = t[4],
          .negative_exponent = t.size() > 5 ? t[5] : 0,
          .seed = t.size() > 6 ? static_cast<uint64_t>(t[6]) : 1,
          .models = t.size() > 7 ? static_cast<int32_t>(t[7]) : 1};
}

Status SampledMfTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                       const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_SAMPLED_MF_TRIALS", 5, 8));
  for (const std::vector<double>& t : trials) {
    const SampledMfOptions o = SampledMfOf(t);
    double seconds = 0;
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainSampledMf(d, o); },
                                 holdouts, seconds));
    ReportMember(Describe(o), seconds, scores, recorded, holdouts, log);
  }
  return Status::Ok();
}

// Stage 9's member of record (share 1.00 in the run of record), for trials
// of a second member on top of it.
constexpr SampledMfOptions kRecordedSampledMf = {
    .dim = 64, .epochs = 20, .negatives = 4, .learning_rate = 0.02, .l2 = 0.001};
constexpr double kRecordedSampledMfShare[] = {1.0};

// Sampled MF settings as a second member: added to the blend of record plus
// stage 9's MF (another seed of the same model averages out its SGD noise;
// another setting may err differently again).
Status SecondSampledMfTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                             const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_SECOND_SAMPLED_MF_TRIALS", 5, 8));
  if (trials.empty()) return Status::Ok();
  double seconds = 0;
  ASSIGN_OR_RETURN(
      HoldoutScores stage9,
      FitAndScore([&](const InteractionData& d) { return TrainSampledMf(d, kRecordedSampledMf); },
                  holdouts, seconds));
  const ShareTable table = TabulateShares(recorded.blend, stage9, kRecordedSampledMfShare, holdouts);
  const HoldoutScores base =
      Blend(recorded.blend, stage9, table, ShareOf(table, {0, 0, 0}), holdouts);
  char line[200];
  std::snprintf(line, sizeof line, "experiment base: the blend + 1.00 %s: NDCG@10 %.4f",
                Describe(kRecordedSampledMf).c_str(), MeanNdcg(base, holdouts));
  Report(log, line);
  for (const std::vector<double>& t : trials) {
    const SampledMfOptions o = SampledMfOf(t);
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainSampledMf(d, o); },
                                 holdouts, seconds));
    std::snprintf(line, sizeof line, "experiment second member %s (%.1f s a fit): NDCG@10 %.4f alone; added: ",
                  Describe(o).c_str(), seconds, MeanNdcg(scores, holdouts));
    Report(log, line + BlendText(base, scores, kMemberShares, holdouts));
  }
  return Status::Ok();
}

// Stage 9 of record: the average of two seeds of the MF above at shares
// 1.00/1.50/2.00 per history bucket (validation 0.6165 in the run of record).
constexpr double kRecordedStage9Shares[] = {1.0, 1.5, 2.0};

// Each validation case's candidate scores (its held-out item and its
// negatives) standardised to mean 0 and variance 1: the members' scores
// then share a scale per user, not only overall (a member sure of one user
// and unsure of another weighs the same for both).
HoldoutScores Standardised(const HoldoutScores& scores, const std::vector<Holdout>& holdouts) {
  HoldoutScores out = scores;
  std::vector<double> raw, z;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    size_t at = 0;
    for (const HeldOutCase& c : holdouts[k].validation) {
      const size_t n = c.negatives.size() + 1;
      raw.assign(out[k].begin() + at, out[k].begin() + at + n);
      StandardiseInto(raw, z);
      std::copy(z.begin(), z.end(), out[k].begin() + at);
      at += n;
    }
  }
  return out;
}

// base + member at the shares chosen by stage 6's rule (per bucket only if
// that carries over across holdouts better), appending "name: shares →
// NDCG@10 (holdouts)" to `text`.
HoldoutScores AddMember(const HoldoutScores& base, const HoldoutScores& member,
                        const char* name, const std::vector<Holdout>& holdouts,
                        std::string& text) {
  const ShareTable table = TabulateShares(base, member, kMemberShares, holdouts);
  const Share share =
      ShareOf(table, ChooseShares(table, CrossHoldoutNdcg(table, true) >
                                             CrossHoldoutNdcg(table, false)));
  HoldoutScores blended = Blend(base, member, table, share, holdouts);
  std::vector<double> per_holdout;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    per_holdout.push_back(ScoreLeaveOneOut(holdouts[k].validation, blended[k]).ndcg_at_10);
  }
  char line[200];
  std::snprintf(line, sizeof line, "; + %s %s: %.4f (holdouts %s)", SharesText(share.share).c_str(),
                name, share.ndcg, PerHoldoutText(per_holdout).c_str());
  text += line;
  return blended;
}

// Mult-DAE settings as a tenth member: added to the blend of record plus
// stage 9's two-seed MF at its served shares. A nonlinear, user-side model
// may err differently from the three linear members.
Status MultDaeTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                     const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_MULT_DAE_TRIALS", 6, 7));
  if (trials.empty() && std::getenv("SOBREMESA_NCF_STANDARDISED") == nullptr) return Status::Ok();
  SampledMfOptions stage9_options = kRecordedSampledMf;
  stage9_options.models = 2;
  double seconds = 0;
  ASSIGN_OR_RETURN(
      HoldoutScores stage9,
      FitAndScore([&](const InteractionData& d) { return TrainSampledMf(d, stage9_options); },
                  holdouts, seconds));
  const ShareTable table = TabulateShares(recorded.blend, stage9, kRecordedStage9Shares, holdouts);
  const HoldoutScores base =
      Blend(recorded.blend, stage9, table, ShareOf(table, {0, 1, 2}), holdouts);
  std::vector<double> per_holdout;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    per_holdout.push_back(ScoreLeaveOneOut(holdouts[k].validation, base[k]).ndcg_at_10);
  }
  char line[300];
  std::snprintf(line, sizeof line,
                "experiment base: the blend + 1.00/1.50/2.00 %s: NDCG@10 %.4f (holdouts %s)",
                Describe(stage9_options).c_str(), MeanNdcg(base, holdouts),
                PerHoldoutText(per_holdout).c_str());
  Report(log, line);
  // With SOBREMESA_NCF_STANDARDISED set, the same chain on per-case
  // standardised scores too: z(DLAE) + z(iALS) + z(MF), then z(Mult-DAE).
  const bool standardised = std::getenv("SOBREMESA_NCF_STANDARDISED") != nullptr;
  HoldoutScores z_base;
  if (standardised) {
    std::snprintf(line, sizeof line, "experiment standardised scores: DLAE %.4f",
                  MeanNdcg(Standardised(recorded.dlae, holdouts), holdouts));
    std::string text = line;
    z_base = AddMember(Standardised(recorded.dlae, holdouts),
                       Standardised(recorded.ials, holdouts), "iALS", holdouts, text);
    z_base = AddMember(z_base, Standardised(stage9, holdouts), "MF", holdouts, text);
    Report(log, text);
  }
  for (const std::vector<double>& t : trials) {
    const MultDaeOptions o = {.hidden = static_cast<int32_t>(t[0]),
                              .epochs = static_cast<int32_t>(t[1]),
                              .batch_users = static_cast<int32_t>(t[2]),
                              .learning_rate = t[3],
                              .weight_decay = t[4],
                              .dropout = t[5],
                              .seed = t.size() > 6 ? static_cast<uint64_t>(t[6]) : 1};
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainMultDae(d, o); },
                                 holdouts, seconds));
    std::snprintf(line, sizeof line, "experiment tenth member %s (%.1f s a fit): NDCG@10 %.4f alone; added: ",
                  Describe(o).c_str(), seconds, MeanNdcg(scores, holdouts));
    Report(log, line + BlendText(base, scores, kMemberShares, holdouts));
    if (standardised) {
      Report(log, "experiment standardised tenth member " + Describe(o) + ": " +
                      BlendText(z_base, Standardised(scores, holdouts), kMemberShares, holdouts));
    }
  }
  return Status::Ok();
}

Status EaseTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                  const ProgressLog& log) {
  ASSIGN_OR_RETURN(auto trials, Trials("SOBREMESA_NCF_EASE_TRIALS", 3, 3));
  for (const std::vector<double>& t : trials) {
    const EaseOptions o = {
        .l2 = t[0], .dropout = t[1], .user_weight_exponent = t[2], .zero_diagonal = false};
    double seconds = 0;
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return TrainEase(d, o); },
                                 holdouts, seconds));
    char line[700];
    std::snprintf(line, sizeof line,
                  "experiment %s (%.1f s a fit): NDCG@10 %.4f alone; with the recorded iALS: %s",
                  Describe(o).c_str(), seconds, MeanNdcg(scores, holdouts),
                  BlendText(scores, recorded.ials, kMemberShares, holdouts).c_str());
    Report(log, line);
  }
  return Status::Ok();
}

// A learned blend (softmax_blend.h) of the members below, in this order (a
// trial's `members` takes the first so many): stage 1–9's members of record,
// then the models that got no linear share, then a second MF of another
// kind; each fitted on both holdouts.
struct BlendMember {
  std::string name;
  HoldoutScores scores;
};

StatusOr<std::vector<BlendMember>> BlendMembers(const RecordedBlend& recorded, size_t count,
                                                const std::vector<Holdout>& holdouts,
                                                const ProgressLog& log) {
  std::vector<BlendMember> members = {{"DLAE", recorded.dlae}, {"iALS", recorded.ials}};
  SampledMfOptions stage9 = kRecordedSampledMf;
  stage9.models = 2;
  double seconds = 0;
  auto fit = [&](const auto& train, const auto& options) -> StatusOr<BlendMember> {
    ASSIGN_OR_RETURN(HoldoutScores scores,
                     FitAndScore([&](const InteractionData& d) { return train(d, options); },
                                 holdouts, seconds));
    return BlendMember{Describe(options), std::move(scores)};
  };
  for (size_t m = members.size(); m < count; ++m) {
    StatusOr<BlendMember> member =
        Status::InvalidArgument("SOBREMESA_NCF_LEARNED_BLEND_TRIALS: at most 7 members");
    if (m == 2) member = fit(TrainSampledMf, stage9);
    if (m == 3) member = fit(TrainUserKnn, kBlendUserKnn);
    if (m == 4) member = fit(TrainItemKnn, kBlendItemKnn);
    if (m == 5) member = fit(TrainRp3beta, kBlendRp3beta);
    if (m == 6) member = fit(TrainSampledMf, kBlendPopularNegativesMf);
    if (!member.ok()) return member.status();
    members.push_back(std::move(member).value());
    char line[300];
    std::snprintf(line, sizeof line,
                  "experiment learned-blend member %zu %s (%.1f s a fit): NDCG@10 %.4f alone", m,
                  members.back().name.c_str(), seconds, MeanNdcg(members.back().scores, holdouts));
    Report(log, line);
  }
  return members;
}

// members:history:popularity:products:l2 of SOBREMESA_NCF_LEARNED_BLEND_TRIALS.
struct LearnedBlendTrial {
  size_t members = 3;
  BlendFeatureSet set;
  double l2 = 1e-3;
};

// Learned blends: each trial's weights fitted on each holdout's validation
// cases and scored on the other holdout's (the honest number; in-sample
// beside it), against the linear blend of record (stages 1–9 as served,
// validation 0.6165).
Status LearnedBlendTrials(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                          const ProgressLog& log) {
  constexpr char kVariable[] = "SOBREMESA_NCF_LEARNED_BLEND_TRIALS";
  ASSIGN_OR_RETURN(auto raw, Trials(kVariable, 5, 5));
  if (raw.empty()) return Status::Ok();
  std::vector<LearnedBlendTrial> trials;
  size_t most = 0;
  for (const std::vector<double>& t : raw) {
    if (t[0] < 1 || t[0] > 7 || t[4] < 0) {
      return Status::InvalidArgument(std::string(kVariable) +
                                     ": members must be 1 to 7 and l2 >= 0");
    }
    trials.push_back({.members = static_cast<size_t>(t[0]),
                      .set = {.history = t[1] != 0, .popularity = t[2] != 0, .products = t[3] != 0},
                      .l2 = t[4]});
    most = std::max(most, trials.back().members);
  }
  ASSIGN_OR_RETURN(std::vector<BlendMember> members,
                   BlendMembers(recorded, std::max<size_t>(most, 3), holdouts, log));
  // The linear blend of record, for comparison: stage 9's MF at its served
  // shares per bucket on top of DLAE + iALS.
  const ShareTable table =
      TabulateShares(recorded.blend, members[2].scores, kRecordedStage9Shares, holdouts);
  const HoldoutScores linear =
      Blend(recorded.blend, members[2].scores, table, ShareOf(table, {0, 1, 2}), holdouts);
  std::vector<double> per_holdout;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    per_holdout.push_back(ScoreLeaveOneOut(holdouts[k].validation, linear[k]).ndcg_at_10);
  }
  char line[600];
  std::snprintf(line, sizeof line,
                "experiment learned blend: the linear blend of record 1.00/1.50/2.00 MF: NDCG@10 "
                "%.4f (holdouts %s)",
                MeanNdcg(linear, holdouts), PerHoldoutText(per_holdout).c_str());
  Report(log, line);
  for (const LearnedBlendTrial& t : trials) {
    std::vector<RankingFeatures> features;
    std::vector<std::vector<double>> weights;
    for (size_t k = 0; k < holdouts.size(); ++k) {
      std::vector<const CandidateScores*> scores;
      for (size_t j = 0; j < t.members; ++j) scores.push_back(&members[j].scores[k]);
      features.push_back(
          BlendFeatures(scores, holdouts[k].validation, holdouts[k].tuning, t.set));
      ASSIGN_OR_RETURN(std::vector<double> w,
                       FitSoftmaxBlend(features.back(), {.l2 = t.l2}));
      weights.push_back(std::move(w));
    }
    std::vector<double> cross, own;
    for (size_t k = 0; k < holdouts.size(); ++k) {
      const size_t other = (k + 1) % holdouts.size();
      ASSIGN_OR_RETURN(std::vector<float> scores, ScoreSoftmaxBlend(features[k], weights[other]));
      cross.push_back(ScoreLeaveOneOut(holdouts[k].validation, scores).ndcg_at_10);
      ASSIGN_OR_RETURN(scores, ScoreSoftmaxBlend(features[k], weights[k]));
      own.push_back(ScoreLeaveOneOut(holdouts[k].validation, scores).ndcg_at_10);
    }
    double cross_mean = 0, own_mean = 0;
    for (size_t k = 0; k < holdouts.size(); ++k) {
      cross_mean += cross[k] / holdouts.size();
      own_mean += own[k] / holdouts.size();
    }
    std::string first_weights;
    for (double w : weights[0]) {
      char one[16];
      std::snprintf(one, sizeof one, " %.3f", w);
      first_weights += one;
    }
    std::snprintf(line, sizeof line,
                  "experiment learned blend members %zu history %d popularity %d products %d l2 "
                  "%g (%zu features): cross-holdout NDCG@10 %.4f (holdouts %s); in-sample %.4f "
                  "(holdouts %s); weights on holdout 1:",
                  t.members, t.set.history, t.set.popularity, t.set.products, t.l2, features[0].width,
                  cross_mean, PerHoldoutText(cross).c_str(), own_mean,
                  PerHoldoutText(own).c_str());
    Report(log, line + first_weights);
  }
  return Status::Ok();
}

}  // namespace

Status RunNcfExperiments(const RecordedBlend& recorded, const std::vector<Holdout>& holdouts,
                         const ProgressLog& log) {
  RETURN_IF_ERROR(PopularityTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(IalsTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(LowPassTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(SampledMfTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(SecondSampledMfTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(MultDaeTrials(recorded, holdouts, log));
  RETURN_IF_ERROR(LearnedBlendTrials(recorded, holdouts, log));
  return EaseTrials(recorded, holdouts, log);
}

}  // namespace sobremesa::recommendation
