// Cost of fitting the behaviour models: BG/NBD + Gamma-Gamma on 100,000
// synthetic guests drawn from the models themselves (issue 5: under 2 s);
// Pareto/NBD on the same guests for comparison.

#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"
#include "models/behaviour/pareto_nbd_model.h"

namespace sobremesa {
namespace {

// CDNOW-like parameters, in weeks: r = 0.243, alpha = 4.41, a = 0.79,
// b = 2.43; spend p = 6.25, q = 3.74, v = 15.44.
std::vector<PurchaseSummary> SyntheticGuests(int guests) {
  std::mt19937_64 rng(42);
  std::gamma_distribution<double> rate(0.243, 1 / 4.414), beta_a(0.793, 1), beta_b(2.426, 1);
  std::gamma_distribution<double> scale(3.74, 1 / 15.44);
  std::uniform_real_distribution<double> unit(0, 1);
  std::vector<PurchaseSummary> cohort;
  for (int i = 0; i < guests; ++i) {
    double lambda = rate(rng), ga = beta_a(rng), p = ga / (ga + beta_b(rng));
    std::gamma_distribution<double> amount(6.25, 1 / scale(rng));
    PurchaseSummary s{.age = 26 + 13 * unit(rng)};
    double total = 0;
    std::exponential_distribution<double> gap(lambda);
    for (double t = gap(rng); t <= s.age; t += gap(rng)) {
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

void BM_FitBgnbdAndGammaGamma(benchmark::State& state) {
  std::vector<PurchaseSummary> guests = SyntheticGuests(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    StatusOr<BgnbdModel> bgnbd = BgnbdModel::Fit(guests);
    StatusOr<GammaGammaModel> spend = GammaGammaModel::Fit(guests);
    if (!bgnbd.ok() || !spend.ok()) {
      state.SkipWithError("fit failed");
      break;
    }
    benchmark::DoNotOptimize(bgnbd->params().r + spend->params().p);
  }
}
BENCHMARK(BM_FitBgnbdAndGammaGamma)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_FitBgnbd(benchmark::State& state) {
  std::vector<PurchaseSummary> guests = SyntheticGuests(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(BgnbdModel::Fit(guests).ok());
}
BENCHMARK(BM_FitBgnbd)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_FitGammaGamma(benchmark::State& state) {
  std::vector<PurchaseSummary> guests = SyntheticGuests(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(GammaGammaModel::Fit(guests).ok());
}
BENCHMARK(BM_FitGammaGamma)->Arg(100'000)->Unit(benchmark::kMillisecond);

// Pareto/NBD's likelihood holds a 48-point quadrature per guest: the price of
// the richer dropout story, on the same (BG/NBD-drawn) guests.
void BM_FitParetoNbd(benchmark::State& state) {
  std::vector<PurchaseSummary> guests = SyntheticGuests(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ParetoNbdModel::Fit(guests).ok());
}
BENCHMARK(BM_FitParetoNbd)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
