#include "models/behaviour/bgnbd_likelihood.h"

#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {

CohortTensors ToCohortTensors(const std::vector<PurchaseSummary>& cohort) {
  std::vector<double> x, t_x, age;
  for (const PurchaseSummary& s : cohort) {
    x.push_back(s.frequency);
    t_x.push_back(s.recency);
    age.push_back(s.age);
  }
  return {ToTensor(x), ToTensor(t_x), ToTensor(age)};
}

torch::Tensor BgnbdLogLikelihoods(const torch::Tensor& r, const torch::Tensor& alpha,
                                  const torch::Tensor& a, const torch::Tensor& b,
                                  const CohortTensors& c) {
  torch::Tensor common = torch::lgamma(r + c.x) - torch::lgamma(r) + r * torch::log(alpha) +
                         torch::lgamma(a + b) + torch::lgamma(b + c.x) - torch::lgamma(b) -
                         torch::lgamma(a + b + c.x);
  torch::Tensor survived = -(r + c.x) * torch::log(alpha + c.age);
  // The dropped-out branch exists only for x > 0; clamping x keeps its
  // (unused) value finite for x = 0 so no NaN leaks into the gradient.
  torch::Tensor x_pos = torch::clamp_min(c.x, 1);
  torch::Tensor dropped =
      torch::log(a) - torch::log(b + x_pos - 1) - (r + c.x) * torch::log(alpha + c.t_x);
  return common + torch::where(c.x > 0, torch::logaddexp(survived, dropped), survived);
}

}  // namespace sobremesa
