#pragma once
// EASE (Steck, WWW 2019): the item-to-item matrix B minimising
// ||X − XB||² + λ||B||² with diag(B) = 0, which has the closed form
// B = I − P·diag(1/diag(P)), P = (XᵀX + λI)⁻¹. Solved with LibTorch linear
// algebra in double precision; one inversion of a num_items² matrix, so it
// suits catalogues up to a few tens of thousands of items.

#include "common/status.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {

struct EaseOptions {
  double l2 = 500.0;  // λ; larger shrinks towards popularity-like scores
  // Dropout rate p of the emphasised denoising variant (EDLAE, Steck NeurIPS
  // 2020): adds p/(1-p)·popularity(i) to the penalty of item i, which
  // regularises frequent items more. 0 gives plain EASE. Must be in [0, 1).
  double dropout = 0.0;
  // Each user's row of X weighs |history|^-exponent in the squared error,
  // i.e. B is fitted to XᵀWX instead of XᵀX (torch_util.h GramMatrix): a
  // user who watched 1,000 films says less about each pair of them than one
  // who watched 20. 0 gives plain EASE.
  double user_weight_exponent = 0.0;
  // true: EASE's (and EDLAE's) zero-diagonal constraint, B = I − P·diag(1/diag P).
  // false: DLAE (Steck 2020), the plain denoising solution without it,
  // B = I − P·Λ with Λ = λI + p/(1−p)·diag(XᵀWX): off the diagonal, column j
  // of EASE's B scaled by P(j,j)·Λ(j,j) < 1, which shrinks items whose
  // self-prediction the penalty removed most. Its diagonal, which only scores
  // items already in a history, is zeroed as in EASE.
  bool zero_diagonal = true;
};

// InvalidArgument on an empty catalogue, a bad id, λ <= 0 or dropout
// outside [0, 1); Internal if LibTorch throws.
StatusOr<ItemToItemModel> TrainEase(const InteractionData& data, const EaseOptions& options);

}  // namespace sobremesa::recommendation
