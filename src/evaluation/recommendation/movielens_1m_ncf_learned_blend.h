#pragma once
// Stage 10 of the movielens-1m-ncf protocol (docs/evaluation/recommender.md):
// a learned blend (softmax_blend.h) instead of linear shares, of stage 1–9's
// members (DLAE, iALS, sampled MF) and four models that got no linear share
// but may still help through products with the user's history length and
// the candidate's popularity (blend_features.h). Its settings were fixed in
// the experiment mode (SOBREMESA_NCF_LEARNED_BLEND_TRIALS), on validation.

#include "evaluation/recommendation/blend_features.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/rp3beta_trainer.h"
#include "models/recommendation/sampled_mf_trainer.h"
#include "models/recommendation/user_to_user_trainer.h"

namespace sobremesa::recommendation {

// The members after DLAE, iALS and stage 9's MF, in the features' order:
// the user_knn, item_knn and rp3beta baselines' settings of record, and the
// stage-9 MF of record with negatives drawn ∝ count^0.5 (it errs
// differently: weaker alone, as good in a linear blend).
inline constexpr UserKnnOptions kBlendUserKnn = {.knn = {.neighbours = 50, .shrink = 0},
                                                 .exponent = 2};
inline constexpr ItemKnnOptions kBlendItemKnn = {.neighbours = 50, .shrink = 0};
inline constexpr Rp3betaOptions kBlendRp3beta = {.alpha = 1, .beta = 0.45, .neighbours = 200};
inline constexpr SampledMfOptions kBlendPopularNegativesMf = {.dim = 64,
                                                              .epochs = 20,
                                                              .negatives = 4,
                                                              .learning_rate = 0.02,
                                                              .l2 = 0.001,
                                                              .negative_exponent = 0.5};

// All products, λ 0.01: the best cross-holdout trial of the experiment mode.
inline constexpr BlendFeatureSet kLearnedBlendSet = {
    .history = true, .popularity = true, .products = true};
inline constexpr double kLearnedBlendL2 = 0.01;

// Cases of several feature sets one after another (to fit one blend on
// every holdout's cases).
RankingFeatures Concatenate(const std::vector<RankingFeatures>& parts);

}  // namespace sobremesa::recommendation
