#pragma once
// A latent-class BG/NBD: each customer belongs to one of K unobserved
// segments with its own (r, alpha, a, b). A single BG/NBD forces one Beta
// distribution on every customer's dropout probability; CDNOW's calibration
// likelihood improves markedly when loyal and fleeting buyers may differ.

#include <utility>
#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

class BgnbdMixtureModel {
 public:
  // `weights` are the prior segment shares, positive and summing to 1, one
  // per segment (not checked here).
  BgnbdMixtureModel(std::vector<BgnbdModel> segments, std::vector<double> weights)
      : segments_(std::move(segments)), weights_(std::move(weights)) {}
  // Two segments; `weight` is the prior share of the first, in (0, 1).
  BgnbdMixtureModel(BgnbdModel first, BgnbdModel second, double weight)
      : BgnbdMixtureModel({first, second}, {weight, 1 - weight}) {}

  // Maximum-likelihood fit of `segments` (>= 2) classes started from a
  // single-segment fit. Fails as BgnbdModel::Fit does, with InvalidArgument
  // for fewer than 2 segments, and with FailedPrecondition when the segments
  // cannot be told apart (a segment share or parameter runs off to a bound).
  static StatusOr<BgnbdMixtureModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                         const FitOptions& options = {}, int segments = 2);

  int segments() const { return static_cast<int>(segments_.size()); }
  const BgnbdModel& segment(int i) const { return segments_[i]; }
  // Prior share of segment i.
  double weight(int i = 0) const { return weights_[i]; }

  // log of the weighted segment likelihoods of (x, t_x, T).
  double LogLikelihood(const PurchaseSummary& customer) const;

  // E[Y(t) | x, t_x, T]: the segments' forecasts weighted by the posterior
  // segment probabilities given the customer's history.
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

  // P(alive | x, t_x, T), weighted the same way.
  double ProbabilityAlive(const PurchaseSummary& customer) const;

 private:
  // Posterior probability of each segment given the customer's history.
  std::vector<double> Posterior(const PurchaseSummary& customer) const;

  std::vector<BgnbdModel> segments_;
  std::vector<double> weights_;
};

}  // namespace sobremesa
