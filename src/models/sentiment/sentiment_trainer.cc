#include "models/sentiment/sentiment_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace sobremesa::sentiment {
namespace {

struct SentimentNetImpl : torch::nn::Module {
  SentimentNetImpl(std::int64_t buckets, std::int64_t dim, std::int64_t categories)
      : embedding(register_module(
            "embedding",
            torch::nn::EmbeddingBag(
                torch::nn::EmbeddingBagOptions(buckets, dim).mode(torch::kMean).sparse(true)))),
        polarity(register_module("polarity", torch::nn::Linear(dim, kPolarities))),
        category(register_module("category", torch::nn::Linear(dim, categories))),
        category_polarity(register_module("category_polarity",
                                          torch::nn::Linear(dim, kPolarities * categories))) {
    // fastText's initialisation: small uniform inputs.
    torch::NoGradGuard no_grad;
    embedding->weight.uniform_(-1.0 / dim, 1.0 / dim);
  }

  torch::nn::EmbeddingBag embedding;
  torch::nn::Linear polarity, category, category_polarity;
};
TORCH_MODULE(SentimentNet);

// Tensors of one mini-batch.
struct Batch {
  torch::Tensor ids, offsets;
  torch::Tensor polarity_rows, polarity_targets;
  torch::Tensor category_targets;
  torch::Tensor opinion_rows, opinion_categories, opinion_targets;
};

torch::Tensor Int64(const std::vector<std::int64_t>& v) {
  return torch::tensor(v, torch::dtype(torch::kInt64));
}

Batch MakeBatch(const std::vector<const TrainingExample*>& examples, int categories) {
  std::vector<std::int64_t> ids, offsets, pol_rows, pol_targets, op_rows, op_cats, op_targets;
  std::vector<float> multi_hot(examples.size() * categories, 0.0f);
  for (std::size_t b = 0; b < examples.size(); ++b) {
    const TrainingExample& e = *examples[b];
    offsets.push_back(static_cast<std::int64_t>(ids.size()));
    ids.insert(ids.end(), e.features.begin(), e.features.end());
    if (e.polarity) {
      pol_rows.push_back(static_cast<std::int64_t>(b));
      pol_targets.push_back(static_cast<std::int64_t>(*e.polarity));
    }
    for (const int c : e.categories) multi_hot[b * categories + c] = 1.0f;
    for (const auto& [c, p] : e.opinions) {
      op_rows.push_back(static_cast<std::int64_t>(b));
      op_cats.push_back(c);
      op_targets.push_back(static_cast<std::int64_t>(p));
    }
  }
  const auto n = static_cast<std::int64_t>(examples.size());
  return {Int64(ids),
          Int64(offsets),
          Int64(pol_rows),
          Int64(pol_targets),
          torch::tensor(multi_hot).view({n, categories}),
          Int64(op_rows),
          Int64(op_cats),
          Int64(op_targets)};
}

torch::Tensor Loss(SentimentNet& net, const Batch& b, int categories) {
  const torch::Tensor hidden = net->embedding(b.ids, b.offsets);
  torch::Tensor loss =
      torch::binary_cross_entropy_with_logits(net->category(hidden), b.category_targets);
  if (b.polarity_rows.numel() > 0) {
    loss = loss + torch::cross_entropy_loss(net->polarity(hidden.index_select(0, b.polarity_rows)),
                                            b.polarity_targets);
  }
  if (b.opinion_rows.numel() > 0) {
    const torch::Tensor per_category =
        net->category_polarity(hidden).view({-1, categories, kPolarities});
    loss =
        loss + torch::cross_entropy_loss(per_category.index({b.opinion_rows, b.opinion_categories}),
                                         b.opinion_targets);
  }
  return loss;
}

std::vector<float> Flatten(const torch::Tensor& weight, const torch::Tensor& bias) {
  const torch::Tensor flat = torch::cat({weight.detach().reshape(-1), bias.detach().reshape(-1)})
                                 .to(torch::kFloat32)
                                 .contiguous();
  return std::vector<float>(flat.data_ptr<float>(), flat.data_ptr<float>() + flat.numel());
}

SentimentModel::Weights ExportWeights(SentimentNet& net) {
  const torch::Tensor e = net->embedding->weight.detach().contiguous();
  return {std::vector<float>(e.data_ptr<float>(), e.data_ptr<float>() + e.numel()),
          Flatten(net->polarity->weight, net->polarity->bias),
          Flatten(net->category->weight, net->category->bias),
          Flatten(net->category_polarity->weight, net->category_polarity->bias)};
}

StatusOr<std::unique_ptr<SentimentModel>> Fit(const SentimentModelConfig& config,
                                              const std::vector<const TrainingExample*>& data,
                                              const TrainingOptions& options) {
  const int categories = static_cast<int>(config.categories.size());
  torch::manual_seed(options.seed);
  SentimentNet net(config.features.buckets, config.dim, categories);
  torch::optim::Adagrad optimizer(net->parameters(),
                                  torch::optim::AdagradOptions(options.learning_rate));
  std::vector<const TrainingExample*> order = data;
  std::mt19937_64 rng(options.seed);
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t start = 0; start < order.size(); start += options.batch_size) {
      const std::size_t end = std::min(order.size(), start + options.batch_size);
      const Batch batch = MakeBatch({order.begin() + start, order.begin() + end}, categories);
      optimizer.zero_grad();
      Loss(net, batch, categories).backward();
      optimizer.step();
    }
  }
  return SentimentModel::Create(config, ExportWeights(net));
}

// Micro-F1 of category detection on `data` at every threshold of a grid;
// returns the best threshold.
float BestThreshold(const SentimentModel& model, const std::vector<const TrainingExample*>& data) {
  float best_threshold = 0.5f;
  double best_f1 = -1.0;
  std::vector<float> hidden(model.dim());
  for (float t = 0.1f; t < 0.71f; t += 0.05f) {
    long tp = 0, predicted = 0, gold = 0;
    for (const TrainingExample* e : data) {
      model.Embed(e->features, hidden.data());
      const std::vector<int> found = model.CategoriesAt(hidden.data(), t);
      predicted += static_cast<long>(found.size());
      gold += static_cast<long>(e->categories.size());
      for (const int c : found) {
        tp += std::count(e->categories.begin(), e->categories.end(), c);
      }
    }
    const double f1 = predicted + gold == 0 ? 0.0 : 2.0 * tp / (predicted + gold);
    if (f1 > best_f1) best_f1 = f1, best_threshold = t;
  }
  return best_threshold;
}

Status CheckExamples(const SentimentModelConfig& config,
                     const std::vector<TrainingExample>& examples) {
  if (examples.empty()) return Status::InvalidArgument("no training examples");
  if (config.categories.empty()) return Status::InvalidArgument("no aspect categories");
  const int c = static_cast<int>(config.categories.size());
  for (const TrainingExample& e : examples) {
    for (const std::uint32_t id : e.features) {
      if (id >= config.features.buckets) return Status::InvalidArgument("feature id out of range");
    }
    for (const int k : e.categories) {
      if (k < 0 || k >= c) return Status::InvalidArgument("category index out of range");
    }
    for (const auto& [k, p] : e.opinions) {
      if (k < 0 || k >= c) return Status::InvalidArgument("opinion category out of range");
    }
  }
  return Status::Ok();
}

StatusOr<std::unique_ptr<SentimentModel>> TrainUnchecked(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options) {
  std::vector<const TrainingExample*> all;
  for (const TrainingExample& e : examples) all.push_back(&e);
  std::shuffle(all.begin(), all.end(), std::mt19937_64(options.seed));
  const auto held = static_cast<std::size_t>(options.threshold_holdout * all.size());
  if (held > 0 && held < all.size()) {
    const std::vector<const TrainingExample*> fit(all.begin() + held, all.end());
    const std::vector<const TrainingExample*> tune(all.begin(), all.begin() + held);
    ASSIGN_OR_RETURN(std::unique_ptr<SentimentModel> probe, Fit(config, fit, options));
    config.category_threshold = BestThreshold(*probe, tune);
  }
  return Fit(config, all, options);
}

}  // namespace

StatusOr<std::unique_ptr<SentimentModel>> TrainSentimentModel(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options) {
  RETURN_IF_ERROR(CheckExamples(config, examples));
  try {
    torch::set_num_threads(options.threads);
    return TrainUnchecked(std::move(config), examples, options);
  } catch (const std::exception& e) {  // c10::Error derives from std::exception
    return Status::Internal(std::string("LibTorch failed while training: ") + e.what());
  }
}

}  // namespace sobremesa::sentiment
