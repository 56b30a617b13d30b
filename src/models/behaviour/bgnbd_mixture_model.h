#pragma once
// A two-segment latent-class BG/NBD: each customer belongs to one of two
// unobserved segments with its own (r, alpha, a, b). A single BG/NBD forces
// one Beta distribution on every customer's dropout probability; CDNOW's
// calibration likelihood improves markedly when loyal and fleeting buyers may
// differ, and the loyal segment's slower decay carries into the forecast.

#include <vector>

#include "common/status.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/fit_options.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

class BgnbdMixtureModel {
 public:
  // `weight` is the prior share of segments[0], in (0, 1).
  BgnbdMixtureModel(BgnbdModel first, BgnbdModel second, double weight)
      : segments_{first, second}, weight_(weight) {}

  // Maximum-likelihood fit started from a single-segment fit. Fails as
  // BgnbdModel::Fit does, and with FailedPrecondition when the two segments
  // cannot be told apart (a segment share or parameter runs off to a bound).
  static StatusOr<BgnbdMixtureModel> Fit(const std::vector<PurchaseSummary>& cohort,
                                         const FitOptions& options = {});

  const BgnbdModel& segment(int i) const { return segments_[i]; }
  double weight() const { return weight_; }

  // log of the weighted segment likelihoods of (x, t_x, T).
  double LogLikelihood(const PurchaseSummary& customer) const;

  // E[Y(t) | x, t_x, T]: the segments' forecasts weighted by the posterior
  // segment probabilities given the customer's history.
  StatusOr<double> ConditionalExpectedPurchases(const PurchaseSummary& customer, double t) const;

  // P(alive | x, t_x, T), weighted the same way.
  double ProbabilityAlive(const PurchaseSummary& customer) const;

 private:
  // Posterior probability that the customer belongs to segments_[0].
  double FirstSegmentPosterior(const PurchaseSummary& customer) const;

  BgnbdModel segments_[2];
  double weight_;
};

}  // namespace sobremesa
