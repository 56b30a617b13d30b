#pragma once
// How regular are a cohort's inter-purchase times? BG/NBD and Pareto/NBD
// assume exponential gaps (a Poisson process); Pareto/GGG (Platzer &
// Reutterer 2016) lets the gaps be Gamma(k, k * lambda) with k > 1 for
// regular buyers. Within one customer, the gaps divided by their sum are
// Dirichlet(k, ..., k) whatever that customer's rate, so a shape common to
// the cohort can be estimated from those proportions alone. k near 1 means
// Pareto/GGG has nothing to add over Pareto/NBD.

#include <vector>

#include "common/status.h"
#include "evaluation/behaviour/cdnow_loader.h"

namespace sobremesa {

struct RegularityEstimate {
  double shape = 0;   // maximum-likelihood k
  int customers = 0;  // customers with at least min_gaps gaps
  int gaps = 0;       // gaps used
};

// Uses the purchase days before `before_day` of customers with at least
// `min_gaps` (>= 2) gaps between them. Gaps are whole days >= 1 (several
// orders on one day are one purchase). The estimate is searched in
// [0.01, 100]. InvalidArgument for min_gaps < 2; FailedPrecondition when no
// customer has enough gaps.
StatusOr<RegularityEstimate> EstimatePurchaseRegularity(
    const std::vector<std::vector<PurchaseDay>>& customers, int before_day, int min_gaps = 2);

}  // namespace sobremesa
