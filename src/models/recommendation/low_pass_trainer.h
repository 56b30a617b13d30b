#pragma once
// The ideal low-pass filter of GF-CF (Shen et al., "How Powerful is Graph
// Convolution for Recommendation?", CIKM 2021) as an item-to-item matrix:
// with D the diagonal of item popularities and P̃ = D^-½ XᵀWX D^-½ the
// normalised (user-weighted, see torch_util.h GramMatrix) item Gram,
//   B = D^-½ V_k V_kᵀ D^½,
// V_k the eigenvectors of P̃'s k largest eigenvalues: a history's items are
// projected on the k smoothest directions of the item–item graph. Unlike
// EASE/DLAE, which reads item pairs, this keeps only the dominant low-rank
// structure, unregularised and without learning (one symmetric
// eigendecomposition in LibTorch), so it errs differently from both EASE and
// a fitted factor model.

#include <cstdint>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {

struct LowPassOptions {
  int32_t rank = 256;  // k, the number of eigenvectors kept
  // As EaseOptions::user_weight_exponent; GF-CF's normalisation of R by
  // D_U^-½ is exponent 1.
  double user_weight_exponent = 1.0;
};

// InvalidArgument on data that fails ValidateInteractions or rank outside
// [1, num_items]; Internal if LibTorch throws. The diagonal of B is zeroed
// (it only scores items already in a history). Items nobody interacted with
// get zero rows and columns.
StatusOr<ItemToItemModel> TrainLowPass(const InteractionData& data, const LowPassOptions& options);

}  // namespace sobremesa::recommendation
