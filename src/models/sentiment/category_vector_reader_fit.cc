// The LibTorch half of category_vector_reader.h: fitting the reader.
// Serving and the out-of-fold logits use the plain C++ half
// (category_vector_reader.cc), so only training links against torch here.
#include <torch/torch.h>

#include <algorithm>
#include <random>
#include <unordered_map>

#include "models/sentiment/category_vector_reader.h"
#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::sentiment {
namespace {

struct ReaderNetImpl : torch::nn::Module {
  ReaderNetImpl(int dims, const VectorReaderOptions& options, int categories)
      : with_mean(options.with_mean),
        hidden(register_module("hidden", torch::nn::Linear(dims, options.units))),
        dropout(register_module("dropout", torch::nn::Dropout(options.dropout))),
        output(register_module(
            "output",
            torch::nn::Linear(options.with_mean ? 2 * options.units : options.units, categories))) {}

  // `x`: B x L x dims word vectors, `mask`: B x L x 1 (1 a word, 0 padding),
  // `count`: B x 1 words a sentence.
  torch::Tensor Forward(const torch::Tensor& x, const torch::Tensor& mask,
                        const torch::Tensor& count) {
    // h >= 0, so padding zeroed by the mask never wins the max.
    const torch::Tensor h = torch::relu(hidden(x)) * mask;
    torch::Tensor pooled = std::get<0>(h.max(1));
    if (with_mean) pooled = torch::cat({pooled, h.sum(1) / count.clamp_min(1.0)}, 1);
    return output(dropout(pooled));
  }

  bool with_mean;
  torch::nn::Linear hidden;
  torch::nn::Dropout dropout;
  torch::nn::Linear output;
};
TORCH_MODULE(ReaderNet);

// The examples with known categories, their words as indices into a table
// of the vectors they use (`table`, one row a distinct word).
struct ReaderData {
  std::vector<std::vector<std::int64_t>> words;
  std::vector<float> targets;  // a row of C a sentence
  torch::Tensor table;
};

ReaderData MakeReaderData(const std::vector<const TrainingExample*>& data,
                          const PretrainedVectors& vectors, int categories) {
  ReaderData out;
  std::unordered_map<std::uint32_t, std::int64_t> local;
  std::vector<float> rows;
  for (const TrainingExample* e : data) {
    if (!e->categories_known) continue;
    std::vector<std::int64_t>& words = out.words.emplace_back();
    for (const std::uint32_t id : e->vector_words) {
      const auto [it, added] = local.emplace(id, static_cast<std::int64_t>(local.size()));
      if (added) {
        const float* row = vectors.Row(static_cast<int>(id));
        rows.insert(rows.end(), row, row + vectors.dims());
      }
      words.push_back(it->second);
    }
    out.targets.resize(out.targets.size() + categories, 0.0f);
    for (const int k : e->categories) out.targets[out.targets.size() - categories + k] = 1.0f;
  }
  out.table = torch::tensor(rows.empty() ? std::vector<float>(vectors.dims(), 0.0f) : rows)
                  .view({-1, vectors.dims()});
  return out;
}

// Copies a torch parameter into `out` (appended).
void Append(const torch::Tensor& t, std::vector<float>& out) {
  const torch::Tensor c = t.contiguous();
  out.insert(out.end(), c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

CategoryVectorReader FitCategoryVectorReader(const std::vector<const TrainingExample*>& data,
                                             const PretrainedVectors& vectors, int categories,
                                             const VectorReaderOptions& options,
                                             std::uint64_t seed) {
  const int dims = vectors.dims();
  const int units = options.units;
  CategoryVectorReader reader{dims, units, options.with_mean, {}, {}};
  const ReaderData d = MakeReaderData(data, vectors, categories);
  const std::size_t n = d.words.size();
  if (n == 0) {
    reader.hidden.assign(static_cast<std::size_t>(units) * (dims + 1), 0.0f);
    reader.output.assign(static_cast<std::size_t>(categories) * (reader.pooled() + 1), 0.0f);
    return reader;
  }
  torch::manual_seed(seed);
  ReaderNet net(dims, options, categories);
  torch::optim::Adam optimizer(net->parameters(), torch::optim::AdamOptions(options.learning_rate));
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  net->train();
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t start = 0; start < n; start += options.batch_size) {
      const std::size_t end = std::min(n, start + static_cast<std::size_t>(options.batch_size));
      const auto b = static_cast<std::int64_t>(end - start);
      std::size_t longest = 1;
      for (std::size_t i = start; i < end; ++i) longest = std::max(longest, d.words[order[i]].size());
      const auto l = static_cast<std::int64_t>(longest);
      std::vector<std::int64_t> ids(b * l, 0);
      std::vector<float> mask(b * l, 0.0f), count(b), targets;
      for (std::int64_t r = 0; r < b; ++r) {
        const std::vector<std::int64_t>& words = d.words[order[start + r]];
        std::copy(words.begin(), words.end(), ids.begin() + r * l);
        std::fill(mask.begin() + r * l, mask.begin() + r * l + words.size(), 1.0f);
        count[r] = static_cast<float>(words.size());
        const float* t = d.targets.data() + order[start + r] * categories;
        targets.insert(targets.end(), t, t + categories);
      }
      const torch::Tensor x =
          d.table.index_select(0, torch::tensor(ids, torch::kInt64)).view({b, l, dims});
      const torch::Tensor logits =
          net->Forward(x, torch::tensor(mask).view({b, l, 1}), torch::tensor(count).view({b, 1}));
      const torch::Tensor loss = torch::binary_cross_entropy_with_logits(
          logits, torch::tensor(targets).view({b, categories}));
      optimizer.zero_grad();
      loss.backward();
      optimizer.step();
    }
  }
  torch::NoGradGuard no_grad;
  Append(net->hidden->weight, reader.hidden);
  Append(net->hidden->bias, reader.hidden);
  Append(net->output->weight, reader.output);
  Append(net->output->bias, reader.output);
  return reader;
}

}  // namespace sobremesa::sentiment
