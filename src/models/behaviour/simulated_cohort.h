#pragma once
// Cohorts drawn from the BG/NBD and Gamma-Gamma stories themselves: the input
// of the tests that recover known parameters and of bench/behaviour_bench.

#include <random>
#include <vector>

#include "models/behaviour/bgnbd_honeymoon_model.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"
#include "models/behaviour/purchase_summary.h"

namespace sobremesa::testing {

// BG/NBD story: lambda ~ Gamma(r, alpha), p ~ Beta(a, b); after each repeat
// purchase the customer drops out with probability p. Ages are spread over
// [age/3, age] like a cohort acquired over time. Repeat spends are drawn
// from the Gamma-Gamma story with `spend` parameters. With
// `may_leave_at_first` the customer may also drop out right after the first
// purchase (the MBG/NBD story).
inline std::vector<PurchaseSummary> SimulateCohort(const BgnbdParams& b,
                                                   const GammaGammaParams& spend, int customers,
                                                   double age, unsigned seed,
                                                   bool may_leave_at_first = false) {
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(b.r, 1 / b.alpha), beta_a(b.a, 1), beta_b(b.b, 1);
  std::gamma_distribution<double> scale(spend.q, 1 / spend.v);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<PurchaseSummary> cohort;
  for (int i = 0; i < customers; ++i) {
    double lambda = rate(rng), ga = beta_a(rng), p = ga / (ga + beta_b(rng));
    std::gamma_distribution<double> amount(spend.p, 1 / scale(rng));
    PurchaseSummary s;
    s.age = age * (1 + 2 * unit(rng)) / 3;
    double total = 0;
    bool left_at_first = may_leave_at_first && unit(rng) < p;
    for (double t = std::exponential_distribution<double>(lambda)(rng);
         !left_at_first && t <= s.age; t += std::exponential_distribution<double>(lambda)(rng)) {
      s.frequency += 1;
      s.recency = t;
      total += amount(rng);
      if (unit(rng) < p) break;
    }
    if (s.frequency > 0) s.mean_repeat_spend = total / s.frequency;
    cohort.push_back(s);
  }
  return cohort;
}

struct SimulatedHistories {
  std::vector<PurchaseSummary> summaries;
  std::vector<std::vector<double>> repeat_times;  // per customer, since the first purchase
};

// BG/NBD-with-a-honeymoon story: a BG/NBD customer in operational time G,
// mapped back to tenure by inverting G (increasing, so bisection). Ages
// spread over [age/3, age] as above.
inline SimulatedHistories SimulateHoneymoonCohort(const BgnbdHoneymoonParams& p, int customers,
                                                  double age, unsigned seed) {
  BgnbdHoneymoonModel model(p);
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(p.base.r, 1 / p.base.alpha), beta_a(p.base.a, 1),
      beta_b(p.base.b, 1);
  std::uniform_real_distribution<double> unit(0, 1);
  auto tenure_at = [&](double g) {
    double lo = 0, hi = g;  // G(t) >= t
    for (int i = 0; i < 60; ++i) {
      double mid = (lo + hi) / 2;
      (model.OperationalTime(mid) < g ? lo : hi) = mid;
    }
    return (lo + hi) / 2;
  };
  SimulatedHistories out;
  for (int i = 0; i < customers; ++i) {
    double lambda = rate(rng), ga = beta_a(rng), dropout = ga / (ga + beta_b(rng));
    PurchaseSummary s;
    s.age = age * (1 + 2 * unit(rng)) / 3;
    double horizon = model.OperationalTime(s.age);
    std::vector<double> times;
    for (double g = std::exponential_distribution<double>(lambda)(rng); g <= horizon;
         g += std::exponential_distribution<double>(lambda)(rng)) {
      times.push_back(tenure_at(g));
      s.frequency += 1;
      s.recency = times.back();
      if (unit(rng) < dropout) break;
    }
    out.summaries.push_back(s);
    out.repeat_times.push_back(std::move(times));
  }
  return out;
}

}  // namespace sobremesa::testing
