#pragma once
// The item-kNN baseline's tuning grid, one for both MovieLens ranking
// protocols (movielens-100k full ranking, movielens-1m-ncf), so the baseline
// is tuned the same way in each.

#include <vector>

#include "models/recommendation/item_knn_trainer.h"

namespace sobremesa::recommendation {

// k ∈ {20, 50, 100, 200} × shrink ∈ {0, 20}.
std::vector<ItemKnnOptions> ItemKnnGrid();

}  // namespace sobremesa::recommendation
