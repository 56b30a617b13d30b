#include "models/recommendation/hybrid_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <numeric>
#include <random>

#include "models/recommendation/torch_util.h"

namespace sobremesa::recommendation {
namespace {

struct Parameters {
  torch::Tensor user_ids, user_features, item_ids, item_features, item_biases,
      item_feature_biases, context, item_reorder, reorder;
  std::vector<torch::Tensor> All() const {
    return {user_ids,     user_features, item_ids, item_features, item_biases,
            item_feature_biases, context, item_reorder, reorder};
  }
};

Parameters InitParameters(const HybridData& d, int32_t dim) {
  auto normal = [&](int64_t rows) {
    return (torch::randn({std::max<int64_t>(rows, 1), dim}) * 0.05).requires_grad_(true);
  };
  auto zeros = [](int64_t rows) {
    return torch::zeros({std::max<int64_t>(rows, 1)}).requires_grad_(true);
  };
  return {normal(d.num_users),      normal(d.num_user_features), normal(d.num_items),
          normal(d.num_item_features), zeros(d.num_items),       zeros(d.num_item_features),
          normal(d.num_context_features), zeros(d.num_items), torch::zeros({2}).requires_grad_(true)};
}

// A bag of feature rows as EmbeddingBag inputs (mode sum, weights given).
struct Bags {
  std::vector<int64_t> indices, offsets;
  std::vector<float> weights;
  // Adds the features of `ids` whose group is not `skip_group` (all when
  // `groups` is empty or skip_group < 0), as a mean or a sum.
  void Add(std::span<const int32_t> ids, std::span<const int32_t> groups, int32_t skip_group,
           bool mean) {
    offsets.push_back(static_cast<int64_t>(indices.size()));
    const size_t first = indices.size();
    for (size_t k = 0; k < ids.size(); ++k) {
      if (skip_group >= 0 && !groups.empty() && groups[k] == skip_group) continue;
      indices.push_back(ids[k]);
    }
    const float w = mean && indices.size() > first ? 1.f / float(indices.size() - first) : 1.f;
    weights.resize(indices.size(), w);
  }
  // A user's features whose group is not `skip_group`, as two means: the
  // features `is_history` marks and the others (hybrid_model.h,
  // separate_history_mean).
  void AddSeparateMeans(std::span<const int32_t> ids, std::span<const int32_t> groups,
                        int32_t skip_group, const std::vector<char>& is_history) {
    offsets.push_back(static_cast<int64_t>(indices.size()));
    const size_t first = indices.size();
    float count[2] = {0, 0};
    for (size_t k = 0; k < ids.size(); ++k) {
      if (skip_group >= 0 && groups[k] == skip_group) continue;
      indices.push_back(ids[k]);
      count[is_history[ids[k]] ? 1 : 0] += 1;
    }
    for (size_t k = first; k < indices.size(); ++k) {
      weights.push_back(1.f / count[is_history[indices[k]] ? 1 : 0]);
    }
  }
  // Sum of the weighted rows of `table` per bag: [bags, dim].
  torch::Tensor Apply(const torch::Tensor& table) const {
    const int64_t n = static_cast<int64_t>(offsets.size());
    if (indices.empty()) return torch::zeros({n, table.size(1)});
    auto out = torch::embedding_bag(table, torch::tensor(indices), torch::tensor(offsets),
                                    false, /*mode=sum*/ 0, false, torch::tensor(weights));
    return std::get<0>(out);
  }
};

// Item vectors and biases for the whole catalogue, with id parts dropped
// per item at `dropout` (0 at the end of training).
std::pair<torch::Tensor, torch::Tensor> ItemMatrix(const Parameters& p, const Bags& item_bags,
                                                   float dropout) {
  torch::Tensor ids = p.item_ids, bias = p.item_biases;
  if (dropout > 0) {
    const torch::Tensor keep = (torch::rand({ids.size(0)}) >= dropout).to(torch::kFloat);
    ids = ids * keep.unsqueeze(1);
    bias = bias * keep;
  }
  const torch::Tensor vectors = ids + item_bags.Apply(p.item_features);
  const torch::Tensor biases =
      bias + item_bags.Apply(p.item_feature_biases.unsqueeze(1)).squeeze(1);
  return {vectors, biases};
}

// One batch of examples, gathered on the CPU side.
struct Batch {
  std::vector<int64_t> users, hi, lo;  // pair form: hi should outscore lo
  std::vector<float> weights, positive;  // positive: 1 for an observed positive
  Bags user_bags, context_bags;
  std::vector<int64_t> negatives;  // shared by the batch, for kSampledSoftmax
  // With the familiarity term: in how many of the user's other groups each
  // of hi, lo and (examples x negatives) is in their history.
  std::vector<float> familiar_hi, familiar_lo, familiar_negatives;
};

class BatchBuilder {
 public:
  BatchBuilder(const HybridData& d, const HybridOptions& o)
      : d_(d),
        o_(o),
        rng_(o.seed),
        familiarity_(UsesFamiliarity(d, o)),
        separate_(SeparatesHistory(d, o)) {
    if (separate_) {
      is_history_.assign(size_t(d.num_user_features), 0);
      for (int32_t f : d.item_history_feature) {
        if (f >= 0) is_history_[f] = 1;
      }
    }
    positives_.resize(d.num_users);
    for (const WeightedInteraction& x : d.interactions) {
      if (x.weight > 0) positives_[x.user].push_back(x.item);
    }
    if (familiarity_) {
      item_of_feature_.assign(size_t(d.num_user_features), -1);
      for (int32_t i = 0; i < d.num_items; ++i) {
        if (d.item_history_feature[i] >= 0) item_of_feature_[d.item_history_feature[i]] = i;
      }
      counts_.assign(size_t(d.num_items), 0.f);
    }
  }

  static bool UsesFamiliarity(const HybridData& d, const HybridOptions& o) {
    return o.familiarity && !d.item_history_feature.empty();
  }
  static bool SeparatesHistory(const HybridData& d, const HybridOptions& o) {
    return o.separate_history_mean && !d.item_history_feature.empty();
  }

  Batch Build(std::span<const int64_t> order) {
    Batch b;
    std::uniform_int_distribution<int32_t> any_item(0, d_.num_items - 1);
    if (o_.loss == HybridLoss::kSampledSoftmax) {
      for (int32_t k = 0; k < o_.negatives; ++k) b.negatives.push_back(any_item(rng_));
    }
    for (int64_t k : order) {
      const WeightedInteraction& x = d_.interactions[k];
      int32_t hi = x.item, lo = any_item(rng_);
      if (x.weight < 0) {
        const std::vector<int32_t>& pos = positives_[x.user];
        if (pos.empty()) continue;
        hi = pos[std::uniform_int_distribution<size_t>(0, pos.size() - 1)(rng_)];
        lo = x.item;
      }
      b.users.push_back(x.user);
      b.hi.push_back(hi);
      b.lo.push_back(lo);
      b.weights.push_back(std::abs(x.weight));
      b.positive.push_back(x.weight > 0 ? 1.f : 0.f);
      if (separate_) {
        b.user_bags.AddSeparateMeans(d_.user_features.Row(x.user),
                                     d_.user_features.Groups(x.user), x.group, is_history_);
      } else {
        b.user_bags.Add(d_.user_features.Row(x.user), d_.user_features.Groups(x.user), x.group,
                        true);
      }
      if (x.context_row >= 0) {
        b.context_bags.Add(d_.context.Row(x.context_row), {}, -1, false);
      } else {
        b.context_bags.Add({}, {}, -1, false);
      }
      if (familiarity_) AddFamiliarity(x, hi, lo, b);
    }
    return b;
  }

 private:
  // Counts the user's history features outside the example's group (what
  // was known besides this visit) per item, reads hi's, lo's and the
  // negatives' counts, then clears what it set.
  void AddFamiliarity(const WeightedInteraction& x, int32_t hi, int32_t lo, Batch& b) {
    const std::span<const int32_t> ids = d_.user_features.Row(x.user);
    const std::span<const int32_t> groups = d_.user_features.Groups(x.user);
    for (size_t k = 0; k < ids.size(); ++k) {
      const int32_t item = item_of_feature_[ids[k]];
      if (item >= 0 && (x.group < 0 || groups[k] != x.group)) counts_[item] += 1;
    }
    b.familiar_hi.push_back(counts_[hi]);
    b.familiar_lo.push_back(counts_[lo]);
    for (int64_t n : b.negatives) b.familiar_negatives.push_back(counts_[n]);
    for (int32_t id : ids) {
      if (item_of_feature_[id] >= 0) counts_[item_of_feature_[id]] = 0;
    }
  }

  const HybridData& d_;
  const HybridOptions& o_;
  std::mt19937_64 rng_;
  const bool familiarity_;
  const bool separate_;
  std::vector<char> is_history_;  // per user feature, with separate_
  std::vector<std::vector<int32_t>> positives_;
  std::vector<int32_t> item_of_feature_;  // user feature -> item it marks, or -1
  std::vector<float> counts_;             // per item, scratch of AddFamiliarity
};

// The familiarity term (hybrid_model.h) of `items` for users who had each
// in `counts` of their other visits; same shapes.
torch::Tensor Familiarity(const Parameters& p, const torch::Tensor& counts,
                          const torch::Tensor& items) {
  const torch::Tensor had = (counts > 0).to(torch::kFloat);
  const torch::Tensor item_bias =
      p.item_reorder.index_select(0, items.reshape({-1})).reshape(counts.sizes());
  return had * (p.reorder[0] + item_bias) + p.reorder[1] * torch::log(counts.clamp_min(1));
}

torch::Tensor BatchLoss(const Parameters& p, const Bags& item_bags, const Batch& b,
                        const HybridOptions& o) {
  const auto [items, biases] = ItemMatrix(p, item_bags, o.id_dropout);
  const torch::Tensor users = torch::tensor(b.users);
  const torch::Tensor keep =
      (torch::rand({users.size(0)}) >= o.id_dropout).to(torch::kFloat).unsqueeze(1);
  const torch::Tensor u = p.user_ids.index_select(0, users) * keep +
                          b.user_bags.Apply(p.user_features) + b.context_bags.Apply(p.context);
  const torch::Tensor hi = torch::tensor(b.hi), lo = torch::tensor(b.lo);
  const torch::Tensor vh = items.index_select(0, hi), vl = items.index_select(0, lo);
  const bool familiarity = !b.familiar_hi.empty();
  torch::Tensor s_hi = (u * vh).sum(1) + biases.index_select(0, hi);
  torch::Tensor s_lo = (u * vl).sum(1) + biases.index_select(0, lo);
  if (familiarity) {
    s_hi = s_hi + Familiarity(p, torch::tensor(b.familiar_hi), hi);
    s_lo = s_lo + Familiarity(p, torch::tensor(b.familiar_lo), lo);
  }
  const torch::Tensor w = torch::tensor(b.weights), positive = torch::tensor(b.positive);
  torch::Tensor per_example = -torch::log_sigmoid(s_hi - s_lo);
  if (o.loss == HybridLoss::kSampledSoftmax) {
    const torch::Tensor negatives = torch::tensor(b.negatives);
    torch::Tensor neg_logits =
        u.matmul(items.index_select(0, negatives).t()) + biases.index_select(0, negatives);
    if (familiarity) {
      const torch::Tensor counts =
          torch::tensor(b.familiar_negatives).reshape({users.size(0), o.negatives});
      neg_logits = neg_logits + Familiarity(p, counts, negatives.expand({users.size(0), o.negatives}));
    }
    const torch::Tensor logits = torch::cat({s_hi.unsqueeze(1), neg_logits}, 1);
    const torch::Tensor softmax = torch::logsumexp(logits, 1) - s_hi;
    per_example = positive * softmax + (1 - positive) * per_example;
  }
  const torch::Tensor penalty = u.pow(2).sum(1).mean() + vh.pow(2).sum(1).mean() +
                                (familiarity ? p.item_reorder.pow(2).mean() : torch::zeros({}));
  return (w * per_example).sum() / w.sum() + o.regularization * penalty;
}

Bags ItemBags(const HybridData& d) {
  Bags bags;
  for (int32_t i = 0; i < d.num_items; ++i) bags.Add(d.item_features.Row(i), {}, -1, true);
  return bags;
}

std::vector<int64_t> KeysOr(const std::vector<int64_t>& keys, int32_t n) {
  if (!keys.empty()) return keys;
  std::vector<int64_t> out(n);
  std::iota(out.begin(), out.end(), 0);
  return out;
}

StatusOr<HybridModel> ToModel(const Parameters& p, const HybridData& d, const Bags& item_bags,
                              int32_t dim, HybridModelInfo info) {
  torch::NoGradGuard no_grad;
  const auto [items, biases] = ItemMatrix(p, item_bags, 0);
  HybridModel::Arrays a;
  a.dim = dim;
  a.user_keys = KeysOr(d.user_keys, d.num_users);
  a.item_keys = KeysOr(d.item_keys, d.num_items);
  a.user_ids = ToFloatVector(p.user_ids.slice(0, 0, d.num_users));
  a.user_features = ToFloatVector(p.user_features.slice(0, 0, d.num_user_features));
  a.item_vectors = ToFloatVector(items);
  a.item_biases = ToFloatVector(biases);
  a.item_features = ToFloatVector(p.item_features.slice(0, 0, d.num_item_features));
  a.item_feature_biases = ToFloatVector(p.item_feature_biases.slice(0, 0, d.num_item_features));
  a.context = ToFloatVector(p.context.slice(0, 0, d.num_context_features));
  a.item_reorder_biases = ToFloatVector(p.item_reorder.slice(0, 0, d.num_items));
  a.reorder = ToFloatVector(p.reorder);
  return HybridModel::Create(std::move(a), std::move(info));
}

Status CheckOptions(const HybridOptions& o) {
  if (o.dim < 1 || o.dim > kMaxHybridDim || o.epochs < 1 || o.batch_size < 1 ||
      o.negatives < 1 || o.learning_rate <= 0 || o.id_dropout < 0 || o.id_dropout >= 1) {
    return Status::InvalidArgument("hybrid options out of range");
  }
  return Status::Ok();
}

// Generic data sets have no feature names: number them ("user:3").
Status NameFeatures(std::vector<std::string>& names, int32_t count, const char* kind) {
  if (names.empty()) {
    for (int32_t i = 0; i < count; ++i) names.push_back(std::string(kind) + ":" + std::to_string(i));
  }
  if (int32_t(names.size()) != count) {
    return Status::InvalidArgument(std::string(kind) + " feature names do not match the data");
  }
  return Status::Ok();
}

}  // namespace

const char* HybridLossName(HybridLoss loss) {
  return loss == HybridLoss::kBpr ? "bpr" : "softmax";
}

StatusOr<HybridModel> TrainHybrid(const HybridData& data, const HybridOptions& options,
                                  HybridModelInfo info) {
  RETURN_IF_ERROR(ValidateHybridData(data));
  RETURN_IF_ERROR(CheckOptions(options));
  info.loss = HybridLossName(options.loss);
  info.separate_history_mean = BatchBuilder::SeparatesHistory(data, options);
  RETURN_IF_ERROR(NameFeatures(info.user_feature_names, data.num_user_features, "user"));
  RETURN_IF_ERROR(NameFeatures(info.item_feature_names, data.num_item_features, "item"));
  RETURN_IF_ERROR(NameFeatures(info.context_feature_names, data.num_context_features, "context"));
  return CatchTorchErrors("training the hybrid model", [&]() -> StatusOr<HybridModel> {
    torch::manual_seed(options.seed);
    const Parameters p = InitParameters(data, options.dim);
    const Bags item_bags = ItemBags(data);
    BatchBuilder builder(data, options);
    torch::optim::Adam optimizer(p.All(), torch::optim::AdamOptions(options.learning_rate));
    std::vector<int64_t> order(data.interactions.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(options.seed);
    for (int32_t epoch = 0; epoch < options.epochs; ++epoch) {
      std::shuffle(order.begin(), order.end(), rng);
      for (size_t start = 0; start < order.size(); start += options.batch_size) {
        const size_t end = std::min(order.size(), start + size_t(options.batch_size));
        const Batch batch = builder.Build({order.data() + start, order.data() + end});
        if (batch.users.empty()) continue;
        optimizer.zero_grad();
        BatchLoss(p, item_bags, batch, options).backward();
        optimizer.step();
      }
    }
    return ToModel(p, data, item_bags, options.dim, std::move(info));
  });
}

}  // namespace sobremesa::recommendation
