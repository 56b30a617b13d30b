#include "models/behaviour/active_dormant_model.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

#include "models/behaviour/maximum_likelihood.h"

namespace sobremesa {
namespace {

// The cohort cut into periods: period p covers tenure [p, p + 1); the last,
// period floor(T), is observed for only T - floor(T) of it.
struct PeriodData {
  torch::Tensor purchases;  // float64 {n, P}: 1 where the customer bought in period p
  torch::Tensor last;       // float64 {n, P}: 1 at the customer's last (partial) period
  torch::Tensor partial;    // float64 {n}: the observed fraction of the last period
  torch::Tensor x;          // float64 {n}: repeat purchases
  int64_t periods = 0;      // P: the longest customer's periods
};

PeriodData ToPeriods(const std::vector<PurchaseSummary>& cohort,
                     const std::vector<std::vector<double>>& repeat_times) {
  int64_t n = cohort.size(), periods = 1;
  for (const PurchaseSummary& s : cohort) {
    periods = std::max<int64_t>(periods, static_cast<int64_t>(std::floor(s.age)) + 1);
  }
  std::vector<double> bought(n * periods, 0), last(n * periods, 0), partial(n), x(n);
  for (int64_t i = 0; i < n; ++i) {
    int64_t final_period = static_cast<int64_t>(std::floor(cohort[i].age));
    last[i * periods + final_period] = 1;
    partial[i] = cohort[i].age - final_period;
    x[i] = cohort[i].frequency;
    for (double t : repeat_times[i]) {
      bought[i * periods + std::min(final_period, static_cast<int64_t>(std::floor(t)))] = 1;
    }
  }
  return {ToTensor(bought).reshape({n, periods}), ToTensor(last).reshape({n, periods}),
          ToTensor(partial), ToTensor(x), periods};
}

// The forward pass. Returns, per customer, the weights of the cells (state,
// full active periods m) at the end of the customer's last period, each
// already multiplied by lambda's Gamma integral relative to zero exposure,
// (alpha / (alpha + exposure))^(r + x): {n, M} for active and for dormant.
// Their sum s gives log L = log s + log Gamma(r + x) - log Gamma(r)
// + r log alpha - (r + x) log alpha.
struct ForwardResult {
  torch::Tensor active, dormant;  // {n, M}
};

ForwardResult Forward(const torch::Tensor& r, const torch::Tensor& alpha, const torch::Tensor& q,
                      const torch::Tensor& rho, const PeriodData& d) {
  int64_t n = d.x.size(0), m = d.periods + 1;
  auto options = torch::TensorOptions().dtype(torch::kFloat64);
  torch::Tensor exposure = torch::arange(m, options).unsqueeze(0);  // {1, M}
  torch::Tensor shape = (r + d.x).unsqueeze(1);
  torch::Tensor gamma_dormant = torch::pow(alpha / (alpha + exposure), shape);
  torch::Tensor gamma_active =
      torch::pow(alpha / (alpha + exposure + d.partial.unsqueeze(1)), shape);
  torch::Tensor active = torch::zeros({n, m}, options);
  active.index_put_({torch::indexing::Slice(), 0}, 1.0);
  torch::Tensor dormant = torch::zeros({n, m}, options);
  torch::Tensor end_active = torch::zeros({n, m}, options);
  torch::Tensor end_dormant = torch::zeros({n, m}, options);
  for (int64_t p = 0; p < d.periods; ++p) {
    if (p > 0) {
      torch::Tensor next_active = active * (1 - q) + dormant * rho;
      dormant = active * q + dormant * (1 - rho);
      active = next_active;
    }
    // A purchase in the period rules out the dormant state.
    dormant = dormant * (1 - d.purchases.select(1, p)).unsqueeze(1);
    torch::Tensor last = d.last.select(1, p).unsqueeze(1);
    end_active = end_active + last * active * gamma_active;
    end_dormant = end_dormant + last * dormant * gamma_dormant;
    // A full active period adds one to the exposure.
    active = torch::cat({torch::zeros({n, 1}, options), active.slice(1, 0, m - 1)}, 1);
  }
  return {end_active, end_dormant};
}

torch::Tensor LogLikelihoods(const torch::Tensor& r, const torch::Tensor& alpha,
                             const torch::Tensor& q, const torch::Tensor& rho,
                             const PeriodData& d) {
  ForwardResult f = Forward(r, alpha, q, rho, d);
  torch::Tensor total = f.active.sum(1) + f.dormant.sum(1);
  return torch::log(total) + torch::lgamma(r + d.x) - torch::lgamma(r) -
         d.x * torch::log(alpha);
}

// Probabilities are fitted as odds, so the log-parameter loop keeps them in (0, 1).
torch::Tensor Probability(const torch::Tensor& odds) { return odds / (1 + odds); }

Status Validate(const std::vector<PurchaseSummary>& cohort,
                const std::vector<std::vector<double>>& repeat_times) {
  RETURN_IF_ERROR(ValidatePurchaseSummaries(cohort));
  if (Status valid = ValidateRepeatTimes(cohort, repeat_times); !valid.ok()) {
    return Status::InvalidArgument("active/dormant model: " + valid.message());
  }
  return Status::Ok();
}

}  // namespace

StatusOr<ActiveDormantModel> ActiveDormantModel::Fit(
    const std::vector<PurchaseSummary>& cohort,
    const std::vector<std::vector<double>>& repeat_times, const FitOptions& options) {
  RETURN_IF_ERROR(Validate(cohort, repeat_times));
  RETURN_IF_ERROR(RequireRepeatPurchases(cohort, "active/dormant model", "dormancy"));
  PeriodData data = ToPeriods(cohort, repeat_times);
  auto loss = [&data](const torch::Tensor& lp) {
    torch::Tensor p = lp.exp();
    return -LogLikelihoods(p[0], p[1], Probability(p[2]), Probability(p[3]), data).mean();
  };
  // Start: a tenth of the actives go quiet each period, a twentieth of the
  // dormant come back; alpha at the typical age, as for BG/NBD.
  double mean_age = 0;
  for (const PurchaseSummary& s : cohort) mean_age += s.age / cohort.size();
  std::vector<double> start = {1.0, mean_age, 0.1 / 0.9, 0.05 / 0.95};
  ASSIGN_OR_RETURN(MaximumLikelihoodFit fit,
                   FitMaximumLikelihood(loss, start, cohort.size(), "active/dormant model",
                                        options));
  auto probability = [](double odds) { return odds / (1 + odds); };
  return ActiveDormantModel({fit.params[0], fit.params[1], probability(fit.params[2]),
                             probability(fit.params[3])});
}

StatusOr<double> ActiveDormantModel::LogLikelihood(
    const std::vector<PurchaseSummary>& cohort,
    const std::vector<std::vector<double>>& repeat_times) const {
  RETURN_IF_ERROR(Validate(cohort, repeat_times));
  torch::NoGradGuard no_grad;
  PeriodData data = ToPeriods(cohort, repeat_times);
  const ActiveDormantParams& p = params_;
  auto scalar = [](double v) { return ToTensor({v})[0]; };
  return LogLikelihoods(scalar(p.r), scalar(p.alpha), scalar(p.go_dormant), scalar(p.come_back),
                        data)
      .sum()
      .item<double>();
}

StatusOr<std::vector<double>> ActiveDormantModel::CohortForecast(
    const std::vector<PurchaseSummary>& cohort,
    const std::vector<std::vector<double>>& repeat_times, int periods) const {
  RETURN_IF_ERROR(Validate(cohort, repeat_times));
  const ActiveDormantParams& p = params_;
  // P(active in the j-th period after the current one | active now, dormant now).
  std::vector<double> from_active(periods + 2), from_dormant(periods + 2);
  from_active[0] = 1;
  from_dormant[0] = 0;
  for (int j = 1; j < periods + 2; ++j) {
    from_active[j] = from_active[j - 1] * (1 - p.go_dormant) + (1 - from_active[j - 1]) * p.come_back;
    from_dormant[j] =
        from_dormant[j - 1] * (1 - p.go_dormant) + (1 - from_dormant[j - 1]) * p.come_back;
  }
  // Expected active time in (T, T + t] from a state whose current period has
  // `rest` left: the rest of this period, then whole periods.
  auto active_time = [](const std::vector<double>& chance, double rest, double t) {
    if (t <= rest) return chance[0] * t;
    double u = t - rest, sum = chance[0] * rest;
    int whole = static_cast<int>(std::floor(u));
    for (int j = 1; j <= whole; ++j) sum += chance[j];
    return sum + chance[whole + 1] * (u - whole);
  };
  PeriodData data = ToPeriods(cohort, repeat_times);
  torch::NoGradGuard no_grad;
  auto scalar = [](double v) { return ToTensor({v})[0]; };
  torch::Tensor alpha = scalar(p.alpha);
  ForwardResult f = Forward(scalar(p.r), alpha, scalar(p.go_dormant), scalar(p.come_back), data);
  torch::Tensor total = f.active.sum(1, true) + f.dormant.sum(1, true);
  // E[lambda * 1{state}] at T: each cell's posterior weight times
  // lambda's posterior mean (r + x) / (alpha + exposure).
  int64_t m = data.periods + 1;
  torch::Tensor exposure = torch::arange(m, torch::TensorOptions().dtype(torch::kFloat64));
  torch::Tensor shape = (p.r + data.x).unsqueeze(1);
  torch::Tensor rate_active =
      (f.active / total * shape / (alpha + exposure + data.partial.unsqueeze(1))).sum(1);
  torch::Tensor rate_dormant = (f.dormant / total * shape / (alpha + exposure)).sum(1);
  auto partial = data.partial.accessor<double, 1>();
  auto active_rate = rate_active.accessor<double, 1>();
  auto dormant_rate = rate_dormant.accessor<double, 1>();
  std::vector<double> weekly(periods, 0);
  for (size_t i = 0; i < cohort.size(); ++i) {
    double rest = 1 - partial[i], ra = active_rate[i], rd = dormant_rate[i];
    double before = 0;
    for (int w = 1; w <= periods; ++w) {
      double cumulative = ra * active_time(from_active, rest, w) +
                          rd * active_time(from_dormant, rest, w);
      weekly[w - 1] += cumulative - before;
      before = cumulative;
    }
  }
  return weekly;
}

}  // namespace sobremesa
