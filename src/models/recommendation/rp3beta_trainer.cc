#include "models/recommendation/rp3beta_trainer.h"

#include <torch/torch.h>

#include <algorithm>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {

StatusOr<ItemToItemModel> TrainRp3beta(const InteractionData& data, const Rp3betaOptions& options) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (!(options.alpha >= 0) || !(options.beta >= 0) || options.neighbours < 1) {
    return Status::InvalidArgument("RP3beta needs alpha >= 0, beta >= 0 and neighbours >= 1");
  }
  return CatchTorchErrors("training RP3beta", [&]() -> StatusOr<ItemToItemModel> {
    // Σ_u |I_u|^-α x_ui x_uj (GramMatrix's global rescaling of the user
    // weights does not change any ranking); its diagonal is Σ_u |I_u|^-α
    // over U_i, so popularity is counted separately.
    const torch::Tensor gram = GramMatrix(data, options.alpha);
    std::vector<float> counts(data.num_items, 0);
    for (const std::vector<int32_t>& items : data.items_by_user) {
      for (int32_t i : items) counts[i] += 1;
    }
    // An item nobody interacted with has no walk through it: weight 0
    // (max(·, 1) keeps 0^-α from making 0 · ∞ = NaN).
    const torch::Tensor popularity = torch::tensor(counts).clamp_min(1);
    torch::Tensor w = gram * popularity.pow(-options.alpha).unsqueeze(1) *
                      popularity.pow(-options.beta).unsqueeze(0);
    w.diagonal().zero_();
    const int64_t k = std::min<int64_t>(options.neighbours, data.num_items);
    const torch::Tensor top = std::get<1>(w.topk(k, /*dim=*/1));
    const torch::Tensor mask = torch::zeros_like(w).scatter_(1, top, 1.0);
    return ItemToItemModel(data.num_items, ToFloatVector(w * mask));
  });
}

}  // namespace sobremesa::recommendation
