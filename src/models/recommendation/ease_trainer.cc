#include "models/recommendation/ease_trainer.h"

#include <torch/torch.h>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {

StatusOr<ItemToItemModel> TrainEase(const InteractionData& data, const EaseOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (!(options.l2 > 0)) return Status::InvalidArgument("EASE needs l2 > 0");
  if (!(options.dropout >= 0 && options.dropout < 1)) {
    return Status::InvalidArgument("EASE needs dropout in [0, 1)");
  }
  return CatchTorchErrors("training EASE", [&]() -> StatusOr<ItemToItemModel> {
    // The inverse is taken in double because the Gram matrix of a large
    // catalogue is badly conditioned for small λ. G + λI is symmetric positive
    // definite, so Cholesky does it in about half the flops of a general inverse.
    torch::Tensor gram = GramMatrix(data, options.user_weight_exponent).to(torch::kDouble);
    const torch::Tensor penalty =
        options.l2 + options.dropout / (1 - options.dropout) * gram.diagonal();
    gram.diagonal().add_(penalty);
    const torch::Tensor p = torch::cholesky_inverse(torch::linalg_cholesky(gram));
    torch::Tensor b = options.zero_diagonal ? -p / p.diagonal().unsqueeze(0)
                                            : -p * penalty.unsqueeze(0);
    b.diagonal().zero_();
    return ItemToItemModel(data.num_items, ToFloatVector(b));
  });
}

}  // namespace sobremesa::recommendation
