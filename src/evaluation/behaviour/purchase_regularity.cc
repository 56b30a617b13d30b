#include "evaluation/behaviour/purchase_regularity.h"

#include <cmath>

namespace sobremesa {
namespace {

struct Proportions {
  int n = 0;                 // gaps of this customer
  double sum_log_share = 0;  // sum of log(gap / total)
};

// Symmetric Dirichlet log-likelihood of every customer's gap shares.
double LogLikelihood(const std::vector<Proportions>& customers, double k) {
  double sum = 0;
  for (const Proportions& c : customers) {
    sum += std::lgamma(c.n * k) - c.n * std::lgamma(k) + (k - 1) * c.sum_log_share;
  }
  return sum;
}

}  // namespace

StatusOr<RegularityEstimate> EstimatePurchaseRegularity(
    const std::vector<std::vector<PurchaseDay>>& customers, int before_day, int min_gaps) {
  if (min_gaps < 2) return Status::InvalidArgument("purchase regularity needs min_gaps >= 2");
  std::vector<Proportions> used;
  RegularityEstimate out;
  for (const std::vector<PurchaseDay>& days : customers) {
    std::vector<double> gaps;
    for (size_t i = 1; i < days.size() && days[i].day < before_day; ++i) {
      gaps.push_back(days[i].day - days[i - 1].day);
    }
    if (static_cast<int>(gaps.size()) < min_gaps) continue;
    double total = 0;
    for (double g : gaps) total += g;
    Proportions p{static_cast<int>(gaps.size()), 0};
    for (double g : gaps) p.sum_log_share += std::log(g / total);
    used.push_back(p);
    out.customers += 1;
    out.gaps += p.n;
  }
  if (used.empty()) {
    return Status::FailedPrecondition("no customer has " + std::to_string(min_gaps) +
                                      " gaps between purchases to measure regularity");
  }
  // The log-likelihood is concave in log k: golden-section search.
  double lo = std::log(0.01), hi = std::log(100.0);
  const double ratio = (std::sqrt(5.0) - 1) / 2;
  while (hi - lo > 1e-9) {
    double left = hi - ratio * (hi - lo), right = lo + ratio * (hi - lo);
    if (LogLikelihood(used, std::exp(left)) < LogLikelihood(used, std::exp(right))) {
      lo = left;
    } else {
      hi = right;
    }
  }
  out.shape = std::exp((lo + hi) / 2);
  return out;
}

}  // namespace sobremesa
