#include "models/recommendation/item_knn_trainer.h"

#include <torch/torch.h>

#include <algorithm>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {

StatusOr<ItemToItemModel> TrainItemKnn(const InteractionData& data, const ItemKnnOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (options.neighbours < 1) return Status::InvalidArgument("item-kNN needs neighbours >= 1");
  return CatchTorchErrors("training item-kNN", [&]() -> StatusOr<ItemToItemModel> {
    const torch::Tensor counts = GramMatrix(data);
    const torch::Tensor norms = counts.diagonal().sqrt();
    // An item nobody interacted with has norm 0; with no shrinkage its
    // similarities would be 0/0 = NaN, which poisons every score and sum
    // that touches them. It has no neighbours: similarity 0.
    const torch::Tensor denominator = torch::outer(norms, norms) + options.shrink;
    torch::Tensor sim = torch::where(denominator > 0, counts / denominator,
                                     torch::zeros_like(counts));
    sim.diagonal().zero_();
    // Keep, in each column j (target item), its k largest entries.
    const int64_t k = std::min<int64_t>(options.neighbours, data.num_items);
    const torch::Tensor top = std::get<1>(sim.topk(k, /*dim=*/0));
    const torch::Tensor mask = torch::zeros_like(sim).scatter_(0, top, 1.0);
    return ItemToItemModel(data.num_items, ToFloatVector(sim * mask));
  });
}

}  // namespace sobremesa::recommendation
