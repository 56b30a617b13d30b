// Training time of the MovieLens 1M implicit model (issue 3: under 60 s on the
// 2-core box): the full NCF training pairs (994,169 interactions, 6,040
// users, 3,706 items) fitted with the settings the movielens-1m-ncf protocol
// chose on validation (docs/evaluation/recommender.md): DLAE (EASE's solve
// with the denoising penalty, without the zero-diagonal constraint) with user
// weighting, iALS and MF with a logistic loss over sampled negatives
// (validation gave item-kNN, RP3beta and the user-side members no share of
// the blend), fitted one after the other as the protocol does; the user-side candidates are timed apart, for the
// record of what a third member would cost. Reads the data from
// $SOBREMESA_ML1M_NCF_DIR (default ../shared/datasets/movielens-1m/ncf);
// loading it is not timed.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "evaluation/recommendation/movielens_1m_ncf_learned_blend.h"
#include "evaluation/recommendation/movielens_loader.h"
#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/rp3beta_trainer.h"
#include "models/recommendation/sampled_mf_trainer.h"
#include "models/recommendation/user_to_user_trainer.h"

namespace sobremesa::recommendation {
namespace {

InteractionData LoadTrainingPairs() {
  const char* dir = std::getenv("SOBREMESA_ML1M_NCF_DIR");
  const std::string path = std::string(dir ? dir : "../shared/datasets/movielens-1m/ncf") +
                           "/ml-1m.train.implicit.tsv";
  StatusOr<std::vector<std::pair<int32_t, int32_t>>> pairs = LoadUserItemPairs(path);
  if (!pairs.ok()) {
    std::fprintf(stderr, "%s\n", pairs.status().ToString().c_str());
    std::exit(1);
  }
  InteractionData data;
  for (const auto& [user, item] : *pairs) {
    data.num_users = std::max(data.num_users, user + 1);
    data.num_items = std::max(data.num_items, item + 1);
  }
  data.items_by_user.resize(data.num_users);
  for (const auto& [user, item] : *pairs) data.items_by_user[user].push_back(item);
  return data;
}

const InteractionData& Data() {
  static const InteractionData data = LoadTrainingPairs();
  return data;
}

// The settings chosen on validation by the protocol's run recorded in
// docs/evaluation/recommender.md.
constexpr EaseOptions kEase = {
    .l2 = 500, .dropout = 0.3, .user_weight_exponent = 0.5, .zero_diagonal = false};
constexpr IalsOptions kIals = {.dim = 64, .epochs = 8, .unobserved_weight = 0.1, .l2 = 0.0025};
// Stage 9's member: the average of two seeds of dimension 64 with 4 negatives
// a pair, trained side by side on the 2 cores (the run of 28 Nov 05:21 chose
// it on validation over one seed and over two seeds of dimension 128 with 8
// negatives, which tied it and is timed apart: it is the `sampled_mf`
// baseline row, the setting best alone).
constexpr SampledMfOptions kSampledMf = {
    .dim = 64, .epochs = 20, .negatives = 4, .learning_rate = 0.02, .l2 = 0.001, .models = 2};
constexpr SampledMfOptions kLargerSampledMf = {
    .dim = 128, .epochs = 20, .negatives = 8, .learning_rate = 0.02, .l2 = 0.002, .models = 2};

void BM_TrainMovielens1m(benchmark::State& state) {
  const InteractionData& data = Data();
  for (auto _ : state) {
    StatusOr<ItemToItemModel> ease = TrainEase(data, kEase);
    if (!ease.ok()) state.SkipWithError(ease.status().ToString().c_str());
    StatusOr<FactorModel> ials = TrainIals(data, kIals);
    if (!ials.ok()) state.SkipWithError(ials.status().ToString().c_str());
    StatusOr<FactorModel> mf = TrainSampledMf(data, kSampledMf);
    if (!mf.ok()) state.SkipWithError(mf.status().ToString().c_str());
    benchmark::DoNotOptimize(ease);
    benchmark::DoNotOptimize(ials);
    benchmark::DoNotOptimize(mf);
  }
}
BENCHMARK(BM_TrainMovielens1m)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// Stage 10's learned blend: the three fits above and its four further
// members (movielens_1m_ncf_learned_blend.h); its weights are fitted on the
// validation holdouts during tuning, in about a second, and not timed here.
void BM_TrainLearnedBlend(benchmark::State& state) {
  const InteractionData& data = Data();
  for (auto _ : state) {
    StatusOr<ItemToItemModel> ease = TrainEase(data, kEase);
    StatusOr<FactorModel> ials = TrainIals(data, kIals);
    StatusOr<FactorModel> mf = TrainSampledMf(data, kSampledMf);
    StatusOr<UserToUserModel> user_knn = TrainUserKnn(data, kBlendUserKnn);
    StatusOr<ItemToItemModel> item_knn = TrainItemKnn(data, kBlendItemKnn);
    StatusOr<ItemToItemModel> rp3beta = TrainRp3beta(data, kBlendRp3beta);
    StatusOr<FactorModel> popular_mf = TrainSampledMf(data, kBlendPopularNegativesMf);
    for (const Status& status : {ease.status(), ials.status(), mf.status(), user_knn.status(),
                                 item_knn.status(), rp3beta.status(), popular_mf.status()}) {
      if (!status.ok()) state.SkipWithError(status.ToString().c_str());
    }
    benchmark::DoNotOptimize(ease);
    benchmark::DoNotOptimize(popular_mf);
  }
}
BENCHMARK(BM_TrainLearnedBlend)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

// The members apart, to see where the time goes.
void BM_TrainEase(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(TrainEase(Data(), kEase));
}
BENCHMARK(BM_TrainEase)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_TrainIals(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(TrainIals(Data(), kIals));
}
BENCHMARK(BM_TrainIals)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_TrainSampledMf(benchmark::State& state, const SampledMfOptions& options) {
  for (auto _ : state) benchmark::DoNotOptimize(TrainSampledMf(Data(), options));
}
BENCHMARK_CAPTURE(BM_TrainSampledMf, two_seeds_dim_64, kSampledMf)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(BM_TrainSampledMf, two_seeds_dim_128, kLargerSampledMf)
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

// The user-side candidates of the protocol's stage 8 (a 6,040² Gram; user-EASE
// inverts it), at a middle setting of their grids.
void BM_TrainUserEase(benchmark::State& state) {
  const UserEaseOptions options{.ease = {.l2 = 1000, .dropout = 0.3, .zero_diagonal = false}};
  for (auto _ : state) benchmark::DoNotOptimize(TrainUserEase(Data(), options));
}
BENCHMARK(BM_TrainUserEase)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

void BM_TrainUserKnn(benchmark::State& state) {
  const UserKnnOptions options{.knn = {.neighbours = 100, .shrink = 0}, .exponent = 2};
  for (auto _ : state) benchmark::DoNotOptimize(TrainUserKnn(Data(), options));
}
BENCHMARK(BM_TrainUserKnn)->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

}  // namespace
}  // namespace sobremesa::recommendation

BENCHMARK_MAIN();
