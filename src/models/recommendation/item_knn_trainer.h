#pragma once
// Item-kNN (Sarwar et al. 2001; Deshpande & Karypis 2004): shrunk cosine
// similarity between the item columns of the user–item matrix,
//   s(i, j) = |U_i ∩ U_j| / (sqrt(|U_i|·|U_j|) + shrink),
// keeping for each target item j only its `neighbours` most similar items.
// Counts come from GramMatrix; the similarity and top-k are LibTorch ops.

#include <cstdint>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {

struct ItemKnnOptions {
  int32_t neighbours = 100;
  float shrink = 10.0f;
};

// InvalidArgument on an empty catalogue, a bad id or neighbours < 1;
// Internal if LibTorch throws.
StatusOr<ItemToItemModel> TrainItemKnn(const InteractionData& data, const ItemKnnOptions& options);

}  // namespace sobremesa::recommendation
