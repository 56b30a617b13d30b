// In-process cost of one recommendation and of its parts, over a demo
// restaurant's data directory (SOBREMESA_BENCH_DATA_DIR, made with
// `sobremesa demo` and `sobremesa train`). Guests are taken in turn, so
// long and empty histories are both measured.

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "service/recommendation_service.h"
#include "service/recommender_training.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

struct Fixture {
  std::unique_ptr<Store> store;
  std::unique_ptr<MenuCache> menus;
  std::unique_ptr<GuestHistoryCache> histories;
  std::unique_ptr<RecommendationService> service;
  std::shared_ptr<const CooccurrenceModel> model;
  std::shared_ptr<const recommendation::RestaurantHybridModel> hybrid;  // when trained
  int guests = 0;

  static Fixture& Get() {
    static Fixture f = Load();
    return f;
  }
  static Fixture Load() {
    const char* dir = std::getenv("SOBREMESA_BENCH_DATA_DIR");
    const std::string data_dir = dir ? dir : "./data";
    Fixture f;
    f.store = std::move(OpenSqliteStore(data_dir + "/sobremesa.db")).value();
    f.menus = std::make_unique<MenuCache>(*f.store, std::chrono::seconds(3600));
    f.histories = std::make_unique<GuestHistoryCache>(*f.store, std::chrono::hours(1), 1'000'000);
    f.service = std::make_unique<RecommendationService>(*f.store, *f.menus, *f.histories);
    f.model = std::move(LoadRecommender(data_dir, 1)).value();
    f.service->SetModel(1, f.model);
    auto hybrid = LoadHybridRecommender(data_dir, 1, *f.store->ListMenu(1));
    if (hybrid.ok()) {
      f.hybrid = *hybrid;
      f.service->SetHybridModel(1, f.hybrid);
    }
    f.guests = int(f.store->Counts(1)->guests);
    // Steady state of a running server: every guest's history is cached.
    for (Id g = 1; g <= f.guests; ++g) (void)f.histories->Get(1, g);
    return f;
  }
};

Id NextGuest(int& n, int guests) { return Id((++n * 7919) % guests + 1); }

void BM_GetGuest(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  int n = 0;
  for (auto _ : state) benchmark::DoNotOptimize(f.store->GetGuest(1, NextGuest(n, f.guests)));
}
BENCHMARK(BM_GetGuest);

void BM_GuestItemHistory(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  int n = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(f.store->GuestItemHistory(1, NextGuest(n, f.guests)));
  }
}
BENCHMARK(BM_GuestItemHistory);

// Scoring and ranking alone: rules, context and top-k over the whole menu.
void BM_Rank(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  const auto menu = *f.menus->Get(1);
  std::vector<std::vector<ItemHistory>> histories;
  for (int g = 1; g <= 200; ++g) histories.push_back(*f.store->GuestItemHistory(1, g));
  RecommendationContext context;
  size_t i = 0;
  for (auto _ : state) {
    const GuestProfile profile{{Allergen::kShellfish}, {}, histories[i++ % histories.size()]};
    benchmark::DoNotOptimize(Rank(f.model.get(), *menu, profile, context, 10));
  }
}
BENCHMARK(BM_Rank);

// The same with the hybrid model (recommendation_model.pt), the table having
// ordered two dishes tonight.
void BM_RankHybrid(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  if (!f.hybrid) {
    state.SkipWithError("no recommendation_model.pt: run `sobremesa train` first");
    return;
  }
  const auto menu = *f.menus->Get(1);
  std::vector<std::vector<ItemHistory>> histories;
  std::vector<Guest> guests;
  for (int g = 1; g <= 200; ++g) {
    histories.push_back(*f.store->GuestItemHistory(1, g));
    guests.push_back(*f.store->GetGuest(1, g));
  }
  RecommendationContext context;
  context.ordered_tonight = {(*menu)[0].id, (*menu)[30].id};
  HybridRankScratch scratch;
  size_t i = 0;
  for (auto _ : state) {
    const size_t g = i++ % guests.size();
    const GuestProfile profile{guests[g].allergies, guests[g].dietary_needs, histories[g]};
    benchmark::DoNotOptimize(
        RankHybrid(*f.hybrid, f.model.get(), *menu, guests[g], profile, context, 10, scratch));
  }
}
BENCHMARK(BM_RankHybrid);

// The whole use case: guest read, cached history and menu, ranking, reasons.
void BM_Recommend(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  int n = 0;
  for (auto _ : state) {
    RecommendationQuery q;
    q.restaurant_id = 1;
    q.guest_id = NextGuest(n, f.guests);
    benchmark::DoNotOptimize(f.service->Recommend(q));
  }
}
BENCHMARK(BM_Recommend);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
