#include "selection/behaviour/classification_metrics.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <string>

namespace sobremesa {
namespace {

Status SameSize(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() == b.size()) return Status::Ok();
  return Status::InvalidArgument(std::to_string(a.size()) + " scores but " +
                                 std::to_string(b.size()) + " labels");
}

}  // namespace

StatusOr<double> AreaUnderRoc(const std::vector<double>& scores,
                              const std::vector<double>& labels) {
  RETURN_IF_ERROR(SameSize(scores, labels));
  std::vector<size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](size_t i, size_t j) { return scores[i] < scores[j]; });
  // Mann-Whitney: sum of the positives' ranks, tied scores sharing the mean rank.
  double positives = 0, rank_sum = 0;
  for (size_t start = 0; start < order.size();) {
    size_t end = start;
    while (end < order.size() && scores[order[end]] == scores[order[start]]) ++end;
    double mean_rank = (start + 1 + end) / 2.0;
    for (size_t k = start; k < end; ++k) {
      positives += labels[order[k]];
      rank_sum += labels[order[k]] * mean_rank;
    }
    start = end;
  }
  double negatives = scores.size() - positives;
  if (positives == 0 || negatives == 0) {
    return Status::FailedPrecondition("AUC needs both positive and negative examples");
  }
  return (rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

StatusOr<double> BrierScore(const std::vector<double>& p, const std::vector<double>& labels) {
  RETURN_IF_ERROR(SameSize(p, labels));
  if (p.empty()) return Status::InvalidArgument("Brier score of no examples");
  double sum = 0;
  for (size_t i = 0; i < p.size(); ++i) sum += (p[i] - labels[i]) * (p[i] - labels[i]);
  return sum / p.size();
}

StatusOr<std::vector<ReliabilityBin>> ReliabilityTable(const std::vector<double>& p,
                                                       const std::vector<double>& labels,
                                                       int bins) {
  RETURN_IF_ERROR(SameSize(p, labels));
  if (bins < 1) return Status::InvalidArgument("a reliability table needs at least one bin");
  std::vector<ReliabilityBin> table(bins);
  for (int b = 0; b < bins; ++b) {
    table[b].lower = static_cast<double>(b) / bins;
    table[b].upper = static_cast<double>(b + 1) / bins;
  }
  for (size_t i = 0; i < p.size(); ++i) {
    int b = std::clamp(static_cast<int>(p[i] * bins), 0, bins - 1);
    table[b].count += 1;
    table[b].mean_predicted += p[i];
    table[b].observed_rate += labels[i];
  }
  for (ReliabilityBin& bin : table) {
    if (bin.count == 0) continue;
    bin.mean_predicted /= bin.count;
    bin.observed_rate /= bin.count;
  }
  return table;
}

namespace {

struct Resample {
  std::vector<double> a, b, labels;
};

Resample Draw(const std::vector<double>& a, const std::vector<double>& b,
              const std::vector<double>& labels, std::mt19937& rng) {
  std::uniform_int_distribution<size_t> pick(0, labels.size() - 1);
  Resample r;
  r.a.reserve(labels.size());
  r.b.reserve(labels.size());
  r.labels.reserve(labels.size());
  for (size_t i = 0; i < labels.size(); ++i) {
    size_t k = pick(rng);
    r.a.push_back(a[k]);
    r.b.push_back(b[k]);
    r.labels.push_back(labels[k]);
  }
  return r;
}

}  // namespace

StatusOr<AucDifference> BootstrapAucDifference(const std::vector<double>& a,
                                               const std::vector<double>& b,
                                               const std::vector<double>& labels, int resamples,
                                               unsigned seed) {
  RETURN_IF_ERROR(SameSize(b, labels));
  if (resamples < 10) return Status::InvalidArgument("a bootstrap needs at least 10 resamples");
  ASSIGN_OR_RETURN(double auc_a, AreaUnderRoc(a, labels));
  ASSIGN_OR_RETURN(double auc_b, AreaUnderRoc(b, labels));
  std::mt19937 rng(seed);
  std::vector<double> differences;
  while (static_cast<int>(differences.size()) < resamples) {
    Resample r = Draw(a, b, labels, rng);
    StatusOr<double> ra = AreaUnderRoc(r.a, r.labels);
    if (!ra.ok()) continue;  // a single-class resample: draw again
    StatusOr<double> rb = AreaUnderRoc(r.b, r.labels);
    differences.push_back(*ra - *rb);
  }
  std::sort(differences.begin(), differences.end());
  auto at = [&](double q) { return differences[static_cast<size_t>(q * (resamples - 1))]; };
  return AucDifference{auc_a - auc_b, at(0.025), at(0.975)};
}

}  // namespace sobremesa
