// Serving cost of the hybrid recommender (issue 3) on a synthetic model of a
// given shape: scoring and ranking one guest over a 150-item menu with the
// safety rules and tonight's context (BM_RankHybrid), and the memory a model
// of 1,000,000 guests x 200 items takes once loaded (BM_MillionGuests,
// reporting resident set size in its counters).
//
//   ./build/bench/hybrid_bench

#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>

#include "models/hybrid_ranking.h"
#include "models/recommendation/restaurant_training_data.h"

namespace sobremesa {
namespace {

using recommendation::HybridModel;
using recommendation::HybridModelInfo;
using recommendation::RestaurantHybridModel;

constexpr int32_t kDim = 32;

std::vector<float> RandomWeights(size_t n, std::mt19937& rng) {
  std::normal_distribution<float> normal(0, 0.1f);
  std::vector<float> w(n);
  for (float& v : w) v = normal(rng);
  return w;
}

std::vector<MenuItem> Menu(int items) {
  std::vector<MenuItem> menu(items);
  for (int i = 0; i < items; ++i) {
    MenuItem& m = menu[i];
    m.id = i + 1;
    m.course = static_cast<Course>(i % kCourseCount);
    m.category = "cat" + std::to_string(i % 12);
    m.ingredients = {"ing" + std::to_string(i % 40), "ing" + std::to_string((i * 7) % 40)};
    if (i % 5 == 0) m.allergens.Add(Allergen::kFish);
    if (i % 9 == 0) m.allergens.Add(Allergen::kShellfish);
    m.price = 2000 + 300 * (i % 30);
  }
  return menu;
}

// A trained-shaped model: the restaurant vocabulary of `menu` and `guests`
// rows of random weights (the cost does not depend on their values).
std::unique_ptr<RestaurantHybridModel> Model(const std::vector<MenuItem>& menu, int64_t guests) {
  std::mt19937 rng(7);
  Guest profile;
  profile.preferences = {"seafood", "wine", "spicy"};
  const auto features = recommendation::RestaurantFeatures::Build(menu, {&profile, 1});
  HybridModelInfo info;
  info.loss = "softmax";
  info.menu_identity = recommendation::MenuIdentity(1, menu);
  features.FillInfo(info);
  HybridModel::Arrays a;
  a.dim = kDim;
  for (int64_t g = 1; g <= guests; ++g) a.user_keys.push_back(g);
  for (const MenuItem& m : menu) a.item_keys.push_back(m.id);
  a.user_ids = RandomWeights(size_t(guests) * kDim, rng);
  a.user_features = RandomWeights(info.user_feature_names.size() * kDim, rng);
  a.item_vectors = RandomWeights(menu.size() * kDim, rng);
  a.item_biases = RandomWeights(menu.size(), rng);
  a.item_features = RandomWeights(info.item_feature_names.size() * kDim, rng);
  a.item_feature_biases = RandomWeights(info.item_feature_names.size(), rng);
  a.context = RandomWeights(info.context_feature_names.size() * kDim, rng);
  a.item_reorder_biases = RandomWeights(menu.size(), rng);
  a.reorder = RandomWeights(2, rng);
  return std::make_unique<RestaurantHybridModel>(
      std::move(HybridModel::Create(std::move(a), std::move(info))).value());
}

std::shared_ptr<const CooccurrenceModel> Pairs(const std::vector<MenuItem>& menu) {
  CooccurrenceModelBuilder builder(menu);
  std::mt19937 rng(3);
  std::uniform_int_distribution<Id> item(1, Id(menu.size()));
  for (int b = 0; b < 5000; ++b) {
    std::vector<Id> basket{item(rng), item(rng), item(rng)};
    std::sort(basket.begin(), basket.end());
    basket.erase(std::unique(basket.begin(), basket.end()), basket.end());
    builder.AddBasket(basket, 1767312000, "");
  }
  return builder.Build(0);
}

// A regular with 20 dishes in their history, a shellfish allergy, at dinner
// with a party of four that has ordered two dishes tonight.
void RankOnce(benchmark::State& state, int64_t guests) {
  const std::vector<MenuItem> menu = Menu(int(state.range(0)));
  const auto model = Model(menu, guests);
  const auto pairs = Pairs(menu);
  std::vector<ItemHistory> history;
  for (Id i = 1; i <= 20; ++i) history.push_back({.item_id = i * 3 % Id(menu.size()) + 1, .visits = 1});
  Guest guest;
  guest.id = guests / 2;
  guest.preferences = {"seafood", "wine"};
  guest.allergies = {Allergen::kShellfish};
  const GuestProfile profile{guest.allergies, guest.dietary_needs, history};
  RecommendationContext context;
  context.party_size = 4;
  context.ordered_tonight = {4, 17};
  HybridRankScratch scratch;
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        RankHybrid(*model, pairs.get(), menu, guest, profile, context, 10, scratch));
  }
}

void BM_RankHybrid(benchmark::State& state) { RankOnce(state, 20'000); }
BENCHMARK(BM_RankHybrid)->Arg(150)->Arg(200);

long ResidentKb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

// Builds the served model of 1,000,000 guests x 200 items and reports the
// process's resident memory with it loaded, then ranks for one guest.
void BM_MillionGuests(benchmark::State& state) {
  const long before = ResidentKb();
  const std::vector<MenuItem> menu = Menu(200);
  const auto model = Model(menu, 1'000'000);
  const long after = ResidentKb();
  const auto pairs = Pairs(menu);
  Guest guest;
  guest.id = 765'432;
  const GuestProfile profile{{}, {}, {}};
  HybridRankScratch scratch;
  for (auto _ : state) {
    benchmark::DoNotOptimize(RankHybrid(*model, pairs.get(), menu, guest, profile, {}, 10, scratch));
  }
  state.counters["model_MB"] = double(after - before) / 1024.0;
  state.counters["rss_MB"] = double(ResidentKb()) / 1024.0;
}
BENCHMARK(BM_MillionGuests)->Iterations(1000);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
