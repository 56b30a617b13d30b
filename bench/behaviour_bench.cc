// Cost of fitting the behaviour models: BG/NBD + Gamma-Gamma on 100,000
// synthetic guests drawn from the models themselves (issue 5: under 2 s);
// Pareto/NBD on the same guests, and BG/NBD with a honeymoon and MBG/NBD
// (the CDNOW forecast's choice, evaluation only) on guests drawn from their
// own stories, for comparison.

#include <benchmark/benchmark.h>

#include <vector>

#include "models/behaviour/bgnbd_honeymoon_model.h"
#include "models/behaviour/bgnbd_model.h"
#include "models/behaviour/gamma_gamma_model.h"
#include "models/behaviour/mbgnbd_model.h"
#include "models/behaviour/pareto_nbd_model.h"
#include "models/behaviour/simulated_cohort.h"

namespace sobremesa {
namespace {

// CDNOW's published parameters, in weeks; ages spread over [13, 39].
std::vector<PurchaseSummary> SyntheticGuests(int guests) {
  return testing::SimulateCohort({.r = 0.243, .alpha = 4.414, .a = 0.793, .b = 2.426},
                                 {.p = 6.25, .q = 3.74, .v = 15.44}, guests, 39, 42);
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

// The honeymoon adds two parameters and a sum over every repeat purchase
// time; guests drawn with the CDNOW fit of docs/evaluation/behaviour.md.
void BM_FitBgnbdHoneymoon(benchmark::State& state) {
  testing::SimulatedHistories guests = testing::SimulateHoneymoonCohort(
      {.base = {.r = 0.279, .alpha = 7.04, .a = 0.585, .b = 2.464}, .excess = 0.865, .fade = 5.47},
      static_cast<int>(state.range(0)), 39, 42);
  for (auto _ : state) {
    benchmark::DoNotOptimize(BgnbdHoneymoonModel::Fit(guests.summaries, guests.repeat_times).ok());
  }
}
BENCHMARK(BM_FitBgnbdHoneymoon)->Arg(100'000)->Unit(benchmark::kMillisecond);

// MBG/NBD's likelihood costs what BG/NBD's does; guests drawn from its own
// story with the CDNOW fit of docs/evaluation/behaviour.md.
void BM_FitMbgnbd(benchmark::State& state) {
  std::vector<PurchaseSummary> guests = testing::SimulateCohort(
      {.r = 0.525, .alpha = 6.18, .a = 0.891, .b = 1.614}, {.p = 6.25, .q = 3.74, .v = 15.44},
      static_cast<int>(state.range(0)), 39, 42, /*may_leave_at_first=*/true);
  for (auto _ : state) benchmark::DoNotOptimize(MbgnbdModel::Fit(guests).ok());
}
BENCHMARK(BM_FitMbgnbd)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
