#pragma once
// RP3beta (Paudel, Christoffel, Newell & Bernstein, ACM TiiS 2017): the
// probability of a three-step random walk user → item i → user → item j on
// the bipartite interaction graph, each transition probability raised to α,
// divided by popularity(j)^β so that the walk does not always end on the
// blockbusters:
//   w(i, j) = |U_j|^-β · |U_i|^-α · Σ_{u ∈ U_i ∩ U_j} |I_u|^-α,
// keeping for each history item i its `neighbours` largest weights. A
// guest's score for j is Σ_{i in history} w(i, j), an item-to-item model
// like EASE's, served the same way. Cheap (one weighted co-occurrence
// pass) and, unlike EASE, it discounts popular targets explicitly, which
// is why it is a candidate member of the ML-1M blend.

#include <cstdint>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"
#include "models/recommendation/item_to_item_model.h"

namespace sobremesa::recommendation {

struct Rp3betaOptions {
  double alpha = 1.0;       // exponent on each transition probability
  double beta = 0.3;        // popularity penalty on the target item
  int32_t neighbours = 200; // kept per history item
};

// InvalidArgument on an empty catalogue, a bad id, α or β negative or
// neighbours < 1; Internal if LibTorch throws.
StatusOr<ItemToItemModel> TrainRp3beta(const InteractionData& data, const Rp3betaOptions& options);

}  // namespace sobremesa::recommendation
