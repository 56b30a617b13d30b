#include "models/recommendation/mult_dae_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {
namespace {

// The histories of `users` as EmbeddingBag input: their items end to end,
// where each user's starts, and each item's weight (1/√|history|, or with
// dropout 0 or 1/(1 − p) times that, the row of x̃ above).
struct Bags {
  torch::Tensor items, offsets, weights;
};

Bags BagsOf(const InteractionData& data, const std::vector<int32_t>& users, double dropout,
            std::mt19937_64* rng) {
  std::vector<int64_t> items, offsets;
  std::vector<float> weights;
  std::bernoulli_distribution keep(1 - dropout);
  for (int32_t u : users) {
    offsets.push_back(static_cast<int64_t>(items.size()));
    const std::vector<int32_t>& history = data.items_by_user[u];
    if (history.empty()) continue;
    const float norm = 1.f / std::sqrt(static_cast<float>(history.size()));
    const float kept = rng == nullptr ? norm : static_cast<float>(norm / (1 - dropout));
    for (int32_t i : history) {
      if (rng != nullptr && !keep(*rng)) continue;
      items.push_back(i);
      weights.push_back(kept);
    }
  }
  auto longs = torch::TensorOptions().dtype(torch::kInt64);
  return {torch::tensor(items, longs), torch::tensor(offsets, longs), torch::tensor(weights)};
}

// Each user's observed items as a dense 0/1 target of the batch.
torch::Tensor TargetsOf(const InteractionData& data, const std::vector<int32_t>& users) {
  torch::Tensor x = torch::zeros({static_cast<int64_t>(users.size()), data.num_items});
  float* row = x.data_ptr<float>();
  for (int32_t u : users) {
    for (int32_t i : data.items_by_user[u]) row[i] = 1;
    row += data.num_items;
  }
  return x;
}

StatusOr<FactorModel> Train(const InteractionData& data, const MultDaeOptions& o) {
  const int previous_threads = torch::get_num_threads();
  torch::set_num_threads(o.threads);
  torch::manual_seed(o.seed);
  std::mt19937_64 rng(o.seed);
  auto first = torch::nn::EmbeddingBag(
      torch::nn::EmbeddingBagOptions(data.num_items, o.hidden).mode(torch::kSum));
  torch::Tensor hidden_bias = torch::zeros({o.hidden}, torch::requires_grad());
  auto output = torch::nn::Linear(o.hidden, data.num_items);
  // Xavier-uniform weights as in the paper's code (an EmbeddingBag starts
  // N(0, 1), far too large for a sum of hundreds of rows).
  torch::nn::init::xavier_uniform_(first->weight);
  torch::nn::init::xavier_uniform_(output->weight);
  std::vector<torch::Tensor> parameters = {first->weight, hidden_bias, output->weight,
                                           output->bias};
  torch::optim::Adam adam(parameters, torch::optim::AdamOptions(o.learning_rate)
                                          .weight_decay(o.weight_decay));
  std::vector<int32_t> users(data.num_users);
  std::iota(users.begin(), users.end(), 0);
  for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
    std::shuffle(users.begin(), users.end(), rng);
    for (size_t start = 0; start < users.size(); start += o.batch_users) {
      const std::vector<int32_t> batch(
          users.begin() + start, users.begin() + std::min(users.size(), start + o.batch_users));
      const Bags in = BagsOf(data, batch, o.dropout, &rng);
      const torch::Tensor h = torch::tanh(
          first->forward(in.items, in.offsets, in.weights) + hidden_bias);
      const torch::Tensor log_p = torch::log_softmax(output->forward(h), 1);
      const torch::Tensor loss = -(log_p * TargetsOf(data, batch)).sum(1).mean();
      adam.zero_grad();
      loss.backward();
      adam.step();
    }
  }
  // Every user's hidden vector without dropout, with a 1 for the bias.
  torch::NoGradGuard no_grad;
  const Bags all = BagsOf(data, [&] {
    std::vector<int32_t> everyone(data.num_users);
    std::iota(everyone.begin(), everyone.end(), 0);
    return everyone;
  }(), 0, nullptr);
  const torch::Tensor h =
      torch::tanh(first->forward(all.items, all.offsets, all.weights) + hidden_bias);
  const torch::Tensor user_vectors = torch::cat({h, torch::ones({data.num_users, 1})}, 1);
  const torch::Tensor item_vectors =
      torch::cat({output->weight, output->bias.unsqueeze(1)}, 1);
  torch::set_num_threads(previous_threads);
  return FactorModel(o.hidden + 1, ToFloatVector(user_vectors), ToFloatVector(item_vectors));
}

}  // namespace

StatusOr<FactorModel> TrainMultDae(const InteractionData& data, const MultDaeOptions& o) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (o.hidden < 1 || o.epochs < 1 || o.batch_users < 1 || o.threads < 1 ||
      !(o.learning_rate > 0) || o.weight_decay < 0 || !(o.dropout >= 0 && o.dropout < 1)) {
    return Status::InvalidArgument("Mult-DAE options out of range");
  }
  return CatchTorchErrors("Mult-DAE", [&] { return Train(data, o); });
}

}  // namespace sobremesa::recommendation
