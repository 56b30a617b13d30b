#include "evaluation/recommendation/item_knn_grid.h"

namespace sobremesa::recommendation {

std::vector<ItemKnnOptions> ItemKnnGrid() {
  std::vector<ItemKnnOptions> grid;
  for (int32_t neighbours : {20, 50, 100, 200}) {
    for (float shrink : {0.0f, 20.0f}) grid.push_back({neighbours, shrink});
  }
  return grid;
}

}  // namespace sobremesa::recommendation
