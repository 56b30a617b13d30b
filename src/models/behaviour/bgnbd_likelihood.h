#pragma once
// Internal to models/behaviour (LibTorch; included only by its .cc files):
// the BG/NBD per-customer log-likelihood shared by the single-segment and
// the mixture models.

#include <torch/torch.h>

#include <vector>

#include "models/behaviour/purchase_summary.h"

namespace sobremesa {

struct CohortTensors {
  torch::Tensor x, t_x, age;  // float64, one entry per customer
};

CohortTensors ToCohortTensors(const std::vector<PurchaseSummary>& cohort);

// log L(r, alpha, a, b | x, t_x, T) per customer (equation 6 of Fader, Hardie
// & Lee 2005); the parameters are scalar tensors.
torch::Tensor BgnbdLogLikelihoods(const torch::Tensor& r, const torch::Tensor& alpha,
                                  const torch::Tensor& a, const torch::Tensor& b,
                                  const CohortTensors& c);

}  // namespace sobremesa
