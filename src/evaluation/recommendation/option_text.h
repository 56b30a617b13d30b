#pragma once
// One-line descriptions of model settings for the tuning log.

#include <string>

#include "models/recommendation/ease_trainer.h"
#include "models/recommendation/ials_trainer.h"
#include "models/recommendation/item_knn_trainer.h"
#include "models/recommendation/mult_dae_trainer.h"
#include "models/recommendation/rp3beta_trainer.h"
#include "models/recommendation/sampled_mf_trainer.h"
#include "models/recommendation/user_to_user_trainer.h"

namespace sobremesa::recommendation {

std::string Describe(const EaseOptions& options);     // "EASE l2 500 dropout 0.30"
std::string Describe(const ItemKnnOptions& options);  // "item_knn k 50 shrink 0"
std::string Describe(const IalsOptions& options);     // "iALS dim 64 epochs 16 a0 0.1 l2 0.01"
std::string Describe(const Rp3betaOptions& options);  // "RP3beta alpha 1 beta 0.3 k 200"
std::string Describe(const UserEaseOptions& options);  // "user EASE l2 1000 dropout 0.30 DLAE"
std::string Describe(const UserKnnOptions& options);   // "user_knn k 100 shrink 0 ^2"
// "sampled MF dim 64 epochs 20 negatives 4 lr 0.02 l2 0.001"
std::string Describe(const SampledMfOptions& options);
// "Mult-DAE hidden 200 epochs 50 batch 128 lr 0.001 wd 0 dropout 0.5"
std::string Describe(const MultDaeOptions& options);

}  // namespace sobremesa::recommendation
