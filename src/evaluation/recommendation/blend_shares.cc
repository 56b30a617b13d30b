#include "evaluation/recommendation/blend_shares.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "evaluation/recommendation/leave_one_out.h"
#include "selection/recommendation/ranking_metrics.h"

namespace sobremesa::recommendation {

size_t HistoryBucket(size_t history_length) {
  return history_length < 50 ? 0 : history_length < 200 ? 1 : 2;
}

Holdout MakeHoldout(const InteractionData& train, uint64_t seed) {
  Holdout h{train};
  h.validation = HoldOutOnePerUser(h.tuning, 99, seed);
  for (const HeldOutCase& c : h.validation) {
    h.buckets.push_back(HistoryBucket(h.tuning.items_by_user[c.user].size()));
  }
  return h;
}

CandidateScores PlusScaled(const CandidateScores& base, const CandidateScores& member,
                           const std::array<float, kHistoryBuckets>& weight, const Holdout& h) {
  CandidateScores sum(base.size());
  size_t next = 0;
  for (size_t c = 0; c < h.validation.size(); ++c) {
    const float w = weight[h.buckets[c]];
    for (size_t n = 0; n <= h.validation[c].negatives.size(); ++n, ++next) {
      sum[next] = base[next] + w * member[next];
    }
  }
  return sum;
}

std::array<float, kHistoryBuckets> Weights(const PerBucket& shares, double unit) {
  std::array<float, kHistoryBuckets> weights;
  for (size_t b = 0; b < kHistoryBuckets; ++b) weights[b] = static_cast<float>(shares[b] * unit);
  return weights;
}

double RootMeanSquare(const CandidateScores& scores) {
  double squares = 0;
  for (float s : scores) squares += double(s) * s;
  return scores.empty() ? 1 : std::sqrt(squares / scores.size());
}

ShareTable TabulateShares(const HoldoutScores& base, const HoldoutScores& member,
                          std::span<const double> shares, const std::vector<Holdout>& holdouts) {
  ShareTable table{shares};
  for (size_t k = 0; k < holdouts.size(); ++k) {
    const Holdout& h = holdouts[k];
    const double unit = RootMeanSquare(base[k]) / std::max(RootMeanSquare(member[k]), 1e-30);
    table.units.push_back(unit);
    std::vector<PerBucket>& by_share = table.ndcg.emplace_back(shares.size(), PerBucket{});
    for (size_t s = 0; s < shares.size(); ++s) {
      PerBucket same;
      same.fill(shares[s]);
      const std::vector<int32_t> ranks =
          RanksOf(h.validation, PlusScaled(base[k], member[k], Weights(same, unit), h));
      for (size_t c = 0; c < ranks.size(); ++c) {
        by_share[s][h.buckets[c]] += NdcgAtK(ranks[c], 10) / ranks.size();
      }
    }
  }
  return table;
}

double NdcgOf(const ShareTable& table, size_t k, const ShareChoice& choice) {
  double ndcg = 0;
  for (size_t b = 0; b < kHistoryBuckets; ++b) ndcg += table.ndcg[k][choice[b]][b];
  return ndcg;
}

ShareChoice ChooseShares(const ShareTable& table, bool per_bucket, size_t left_out) {
  auto sum = [&](size_t s, size_t b) {
    double total = 0;
    for (size_t k = 0; k < table.ndcg.size(); ++k) {
      if (k != left_out) total += table.ndcg[k][s][b];
    }
    return total;
  };
  ShareChoice choice{};
  if (per_bucket) {
    for (size_t b = 0; b < kHistoryBuckets; ++b) {
      for (size_t s = 1; s < table.shares.size(); ++s) {
        if (sum(s, b) > sum(choice[b], b)) choice[b] = s;
      }
    }
    return choice;
  }
  auto all_buckets = [&](size_t s) {
    double total = 0;
    for (size_t b = 0; b < kHistoryBuckets; ++b) total += sum(s, b);
    return total;
  };
  size_t best = 0;
  for (size_t s = 1; s < table.shares.size(); ++s) {
    if (all_buckets(s) > all_buckets(best)) best = s;
  }
  choice.fill(best);
  return choice;
}

double CrossHoldoutNdcg(const ShareTable& table, bool per_bucket) {
  double total = 0;
  for (size_t k = 0; k < table.ndcg.size(); ++k) {
    total += NdcgOf(table, k, ChooseShares(table, per_bucket, k));
  }
  return total / table.ndcg.size();
}

Share ShareOf(const ShareTable& table, const ShareChoice& choice) {
  Share share;
  double mean_unit = 0;
  for (double unit : table.units) mean_unit += unit / table.units.size();
  for (size_t b = 0; b < kHistoryBuckets; ++b) share.share[b] = table.shares[choice[b]];
  share.weight = Weights(share.share, mean_unit);
  share.ndcg = 0;
  for (size_t k = 0; k < table.ndcg.size(); ++k) share.ndcg += NdcgOf(table, k, choice);
  share.ndcg /= table.ndcg.size();
  return share;
}

HoldoutScores Blend(const HoldoutScores& base, const HoldoutScores& member,
                    const ShareTable& table, const Share& share,
                    const std::vector<Holdout>& holdouts) {
  HoldoutScores blend;
  for (size_t k = 0; k < holdouts.size(); ++k) {
    blend.push_back(
        PlusScaled(base[k], member[k], Weights(share.share, table.units[k]), holdouts[k]));
  }
  return blend;
}

std::string PerHoldoutText(const std::vector<double>& ndcgs) {
  std::string text;
  for (double ndcg : ndcgs) {
    char number[16];
    std::snprintf(number, sizeof number, "%.4f", ndcg);
    text += (text.empty() ? "" : " / ") + std::string(number);
  }
  return text;
}

std::string SharesText(const PerBucket& shares) {
  char text[48];
  if (shares[0] == shares[1] && shares[1] == shares[2]) {
    std::snprintf(text, sizeof text, "%.2f", shares[0]);
  } else {
    std::snprintf(text, sizeof text, "%.2f/%.2f/%.2f", shares[0], shares[1], shares[2]);
  }
  return text;
}

}  // namespace sobremesa::recommendation
