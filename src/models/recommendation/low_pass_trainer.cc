#include "models/recommendation/low_pass_trainer.h"

#include <torch/torch.h>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {

StatusOr<ItemToItemModel> TrainLowPass(const InteractionData& data, const LowPassOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (options.rank < 1 || options.rank > data.num_items) {
    return Status::InvalidArgument("low-pass filter needs 1 <= rank <= number of items");
  }
  return CatchTorchErrors("training the low-pass filter", [&]() -> StatusOr<ItemToItemModel> {
    torch::Tensor popularity = torch::zeros({data.num_items}, torch::kDouble);
    double* counts = popularity.data_ptr<double>();
    for (const std::vector<int32_t>& items : data.items_by_user) {
      for (int32_t i : items) counts[i] += 1;
    }
    // An item nobody touched has a zero row and column in the Gram; 1/√0
    // would make them NaN, so its factor is 0 on both sides.
    const torch::Tensor known = popularity > 0;
    const torch::Tensor inv_sqrt =
        torch::where(known, popularity.clamp_min(1).rsqrt(), torch::zeros_like(popularity));
    const torch::Tensor sqrt = torch::where(known, popularity.sqrt(), torch::zeros_like(popularity));
    const torch::Tensor gram = GramMatrix(data, options.user_weight_exponent).to(torch::kDouble);
    const torch::Tensor normalised = inv_sqrt.unsqueeze(1) * gram * inv_sqrt.unsqueeze(0);
    // eigh returns eigenvalues in ascending order: the last `rank` columns.
    const torch::Tensor vectors =
        std::get<1>(torch::linalg_eigh(normalised)).narrow(1, data.num_items - options.rank,
                                                           options.rank);
    torch::Tensor b = inv_sqrt.unsqueeze(1) * vectors.matmul(vectors.t()) * sqrt.unsqueeze(0);
    b.diagonal().zero_();
    return ItemToItemModel(data.num_items, ToFloatVector(b));
  });
}

}  // namespace sobremesa::recommendation
