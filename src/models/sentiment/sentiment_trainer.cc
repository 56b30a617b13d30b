#include "models/sentiment/sentiment_trainer.h"

#include <torch/torch.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <random>

#include "models/sentiment/category_polarity_blend.h"
#include "models/sentiment/category_vector_view.h"
#include "text/text_analyzer.h"

namespace sobremesa::sentiment {
namespace {

struct SentimentNetImpl : torch::nn::Module {
  SentimentNetImpl(std::int64_t buckets, std::int64_t dim, std::int64_t category_dim,
                   std::int64_t sentence_dim, std::int64_t categories, bool wide,
                   std::int64_t auxiliary_categories)
      : embedding(register_module("embedding", Bag(buckets, dim))),
        polarity(register_module(
            "polarity", torch::nn::Linear(sentence_dim > 0 ? sentence_dim : dim, kPolarities))),
        category(register_module(
            "category", torch::nn::Linear(category_dim > 0 ? category_dim : dim, categories))),
        category_polarity(register_module("category_polarity",
                                          torch::nn::Linear(dim, kPolarities * categories))) {
    torch::NoGradGuard no_grad;
    // fastText's initialisation: small uniform inputs.
    embedding->weight.uniform_(-1.0 / dim, 1.0 / dim);
    if (category_dim > 0) {
      category_embedding = register_module("category_embedding", Bag(buckets, category_dim));
      category_embedding->weight.uniform_(-1.0 / category_dim, 1.0 / category_dim);
    }
    if (sentence_dim > 0) {
      sentence_embedding = register_module("sentence_embedding", Bag(buckets, sentence_dim));
      sentence_embedding->weight.uniform_(-1.0 / sentence_dim, 1.0 / sentence_dim);
    }
    if (wide) {
      wide_category = register_module("wide_category", Bag(buckets, categories));
      wide_category->weight.zero_();
    }
    if (auxiliary_categories > 0) {
      auxiliary = register_module("auxiliary", torch::nn::Linear(dim, auxiliary_categories));
    }
  }

  static torch::nn::EmbeddingBag Bag(std::int64_t buckets, std::int64_t width) {
    return torch::nn::EmbeddingBag(
        torch::nn::EmbeddingBagOptions(buckets, width).mode(torch::kMean).sparse(true));
  }

  torch::nn::EmbeddingBag embedding;
  torch::nn::EmbeddingBag category_embedding{nullptr};  // null unless category_dim > 0
  torch::nn::EmbeddingBag sentence_embedding{nullptr};  // null unless sentence_dim > 0
  torch::nn::Linear polarity, category, category_polarity;
  torch::nn::EmbeddingBag wide_category{nullptr};  // null unless wide
  torch::nn::Linear auxiliary{nullptr};  // training only; null without auxiliary categories
};
TORCH_MODULE(SentimentNet);

// Tensors of one mini-batch.
struct Batch {
  torch::Tensor ids, offsets;
  torch::Tensor polarity_rows, polarity_targets;
  torch::Tensor category_rows, category_targets;
  torch::Tensor auxiliary_rows, auxiliary_targets;
  torch::Tensor opinion_rows, opinion_categories, opinion_targets;
};

torch::Tensor Int64(const std::vector<std::int64_t>& v) {
  return torch::tensor(v, torch::dtype(torch::kInt64));
}

Batch MakeBatch(const std::vector<const TrainingExample*>& examples, int categories,
                int auxiliary_categories) {
  std::vector<std::int64_t> ids, offsets, pol_rows, pol_targets, cat_rows, aux_rows, op_rows,
      op_cats, op_targets;
  std::vector<float> multi_hot, aux_multi_hot;
  for (std::size_t b = 0; b < examples.size(); ++b) {
    const TrainingExample& e = *examples[b];
    offsets.push_back(static_cast<std::int64_t>(ids.size()));
    ids.insert(ids.end(), e.features.begin(), e.features.end());
    if (e.polarity) {
      pol_rows.push_back(static_cast<std::int64_t>(b));
      pol_targets.push_back(static_cast<std::int64_t>(*e.polarity));
    }
    if (e.categories_known) {
      cat_rows.push_back(static_cast<std::int64_t>(b));
      multi_hot.resize(multi_hot.size() + categories, 0.0f);
      for (const int c : e.categories) multi_hot[multi_hot.size() - categories + c] = 1.0f;
    } else if (auxiliary_categories > 0) {
      aux_rows.push_back(static_cast<std::int64_t>(b));
      aux_multi_hot.resize(aux_multi_hot.size() + auxiliary_categories, 0.0f);
      for (const int c : e.auxiliary_categories) {
        aux_multi_hot[aux_multi_hot.size() - auxiliary_categories + c] = 1.0f;
      }
    }
    for (const auto& [c, p] : e.opinions) {
      op_rows.push_back(static_cast<std::int64_t>(b));
      op_cats.push_back(c);
      op_targets.push_back(static_cast<std::int64_t>(p));
    }
  }
  const auto known = static_cast<std::int64_t>(cat_rows.size());
  const auto auxiliary = static_cast<std::int64_t>(aux_rows.size());
  return {Int64(ids),
          Int64(offsets),
          Int64(pol_rows),
          Int64(pol_targets),
          Int64(cat_rows),
          torch::tensor(multi_hot).view({known, categories}),
          Int64(aux_rows),
          torch::tensor(aux_multi_hot).view({auxiliary, std::max(auxiliary_categories, 1)}),
          Int64(op_rows),
          Int64(op_cats),
          Int64(op_targets)};
}

// `sentence_weights`: one weight a polarity class, or undefined for none.
torch::Tensor Loss(SentimentNet& net, const Batch& b, int categories, bool sum_categories,
                   float auxiliary_weight, const torch::Tensor& sentence_weights) {
  const torch::Tensor hidden = net->embedding(b.ids, b.offsets);
  torch::Tensor loss = torch::zeros({}, torch::kFloat32);
  if (b.category_rows.numel() > 0) {
    torch::Tensor category_scores =
        net->category((net->category_embedding ? net->category_embedding(b.ids, b.offsets) : hidden)
                          .index_select(0, b.category_rows));
    if (net->wide_category) {
      category_scores =
          category_scores + net->wide_category(b.ids, b.offsets).index_select(0, b.category_rows);
    }
    loss = torch::binary_cross_entropy_with_logits(category_scores, b.category_targets);
    if (sum_categories) loss = loss * categories;  // mean over rows, sum over categories
  }
  if (b.auxiliary_rows.numel() > 0) {
    torch::Tensor auxiliary = torch::binary_cross_entropy_with_logits(
        net->auxiliary(hidden.index_select(0, b.auxiliary_rows)), b.auxiliary_targets);
    if (sum_categories) auxiliary = auxiliary * b.auxiliary_targets.size(1);
    loss = loss + auxiliary_weight * auxiliary;
  }
  if (b.polarity_rows.numel() > 0) {
    const torch::Tensor scores =
        net->polarity((net->sentence_embedding ? net->sentence_embedding(b.ids, b.offsets) : hidden)
                          .index_select(0, b.polarity_rows));
    loss = loss + (sentence_weights.defined()
                       ? torch::cross_entropy_loss(scores, b.polarity_targets, sentence_weights)
                       : torch::cross_entropy_loss(scores, b.polarity_targets));
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
  torch::Tensor e = net->embedding->weight.detach();
  // One row a feature: its embedding, category embedding, wide weights.
  if (net->category_embedding) e = torch::cat({e, net->category_embedding->weight.detach()}, 1);
  if (net->sentence_embedding) e = torch::cat({e, net->sentence_embedding->weight.detach()}, 1);
  if (net->wide_category) e = torch::cat({e, net->wide_category->weight.detach()}, 1);
  e = e.contiguous();
  return {std::vector<float>(e.data_ptr<float>(), e.data_ptr<float>() + e.numel()),
          Flatten(net->polarity->weight, net->polarity->bias),
          Flatten(net->category->weight, net->category->bias),
          Flatten(net->category_polarity->weight, net->category_polarity->bias)};
}

// 1 + the largest auxiliary category of `data` (0: none).
int AuxiliaryCategories(const std::vector<const TrainingExample*>& data) {
  int count = 0;
  for (const TrainingExample* e : data) {
    for (const int c : e->auxiliary_categories) count = std::max(count, c + 1);
  }
  return count;
}

// Sentence-polarity class weights (TrainingOptions::sentence_class_balance)
// from the polarities of `data`; undefined when the balance is 0.
torch::Tensor SentenceClassWeights(const std::vector<const TrainingExample*>& data,
                                   float balance) {
  if (balance == 0.0f) return {};
  std::vector<double> counts(kPolarities, 0.0);
  double n = 0.0;
  for (const TrainingExample* e : data) {
    if (e->polarity) ++counts[static_cast<int>(*e->polarity)], ++n;
  }
  std::vector<float> weights;
  for (const double c : counts) {
    weights.push_back(c == 0.0 ? 1.0f
                               : static_cast<float>(std::pow(n / (kPolarities * c), balance)));
  }
  return torch::tensor(weights);
}

// Rows of the sentence embedding kept at 0 (the lexicon bin features'
// unless TrainingOptions::lexicon_in_sentence_head), zeroed now; undefined
// when there are none.
torch::Tensor ZeroedSentenceRows(const SentimentModelConfig& config,
                                 const TrainingOptions& options, SentimentNet& net) {
  if (options.lexicon_in_sentence_head || !net->sentence_embedding) return {};
  const std::vector<std::uint32_t> ids = LexiconFeatureIds(config.features);
  if (ids.empty()) return {};
  torch::Tensor rows = Int64(std::vector<std::int64_t>(ids.begin(), ids.end()));
  torch::NoGradGuard no_grad;
  net->sentence_embedding->weight.index_fill_(0, rows, 0.0);
  return rows;
}

SentimentModel::Weights FitWeights(const SentimentModelConfig& config,
                                   const std::vector<const TrainingExample*>& data,
                                   const TrainingOptions& options) {
  const int categories = static_cast<int>(config.categories.size());
  const int auxiliary = AuxiliaryCategories(data);
  torch::manual_seed(options.seed);
  SentimentNet net(config.features.buckets, config.dim, config.category_dim, config.sentence_dim,
                   categories,
                   config.wide_categories, auxiliary);
  const bool sgd = options.optimizer == TrainingOptions::Optimizer::kSgd;
  const double sgd_rate = static_cast<double>(options.learning_rate) * options.batch_size;
  std::unique_ptr<torch::optim::Optimizer> optimizer;
  if (sgd) {
    optimizer =
        std::make_unique<torch::optim::SGD>(net->parameters(), torch::optim::SGDOptions(sgd_rate));
  } else {
    optimizer = std::make_unique<torch::optim::Adagrad>(
        net->parameters(), torch::optim::AdagradOptions(options.learning_rate));
  }
  const torch::Tensor sentence_weights = SentenceClassWeights(data, options.sentence_class_balance);
  const torch::Tensor zeroed = ZeroedSentenceRows(config, options, net);
  std::vector<const TrainingExample*> order = data;
  std::mt19937_64 rng(options.seed);
  const std::size_t batches_an_epoch = (order.size() + options.batch_size - 1) / options.batch_size;
  const double total_steps = static_cast<double>(batches_an_epoch) * options.epochs;
  std::size_t step = 0;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (std::size_t start = 0; start < order.size(); start += options.batch_size, ++step) {
      const std::size_t end = std::min(order.size(), start + options.batch_size);
      const Batch batch =
          MakeBatch({order.begin() + start, order.begin() + end}, categories, auxiliary);
      if (sgd) {
        for (auto& group : optimizer->param_groups()) {
          static_cast<torch::optim::SGDOptions&>(group.options())
              .lr(sgd_rate * (1.0 - static_cast<double>(step) / total_steps));
        }
      }
      optimizer->zero_grad();
      Loss(net, batch, categories, options.sum_category_losses, options.auxiliary_weight,
           sentence_weights)
          .backward();
      optimizer->step();
      if (zeroed.defined()) {
        torch::NoGradGuard no_grad;
        net->sentence_embedding->weight.index_fill_(0, zeroed, 0.0);
      }
    }
  }
  return ExportWeights(net);
}

StatusOr<std::unique_ptr<SentimentModel>> Fit(const SentimentModelConfig& config,
                                              const std::vector<const TrainingExample*>& data,
                                              const TrainingOptions& options) {
  return SentimentModel::Create(config, FitWeights(config, data, options));
}

// Rows x width weights then `rows` biases, of each member, as one head
// reading the members' hidden vectors side by side: weights / M, mean bias.
std::vector<float> JoinHeads(const std::vector<const std::vector<float>*>& heads, int rows,
                             int width) {
  const auto m = static_cast<float>(heads.size());
  std::vector<float> joined;
  for (int r = 0; r < rows; ++r) {
    for (const std::vector<float>* h : heads) {
      for (int d = 0; d < width; ++d) joined.push_back((*h)[r * width + d] / m);
    }
  }
  for (int r = 0; r < rows; ++r) {
    float bias = 0.0f;
    for (const std::vector<float>* h : heads) bias += (*h)[rows * width + r];
    joined.push_back(bias / m);
  }
  return joined;
}

// An ensemble of options.ensemble members (seeds seed, seed+1, ...) whose
// logits are averaged. Every head is linear in the mean embedding, so the
// average is itself one model of dim M x dim: each feature's row is the
// members' rows side by side, each head the members' heads side by side
// scaled by 1/M. Inference stays a single model of a wider row.
StatusOr<std::unique_ptr<SentimentModel>> FitEnsemble(
    SentimentModelConfig config, const std::vector<const TrainingExample*>& data,
    const TrainingOptions& options) {
  const int members = options.ensemble;
  if (members <= 1) return Fit(config, data, options);
  const int dim = config.dim;
  const int c = static_cast<int>(config.categories.size());
  std::vector<SentimentModel::Weights> fits;
  for (int m = 0; m < members; ++m) {
    TrainingOptions member = options;
    member.seed = options.seed + static_cast<std::uint64_t>(m);
    fits.push_back(FitWeights(config, data, member));
  }
  SentimentModel::Weights joined;
  joined.embedding.reserve(fits[0].embedding.size() * members);
  for (std::size_t b = 0; b < config.features.buckets; ++b) {
    for (const SentimentModel::Weights& w : fits) {
      joined.embedding.insert(joined.embedding.end(), w.embedding.begin() + b * dim,
                              w.embedding.begin() + (b + 1) * dim);
    }
  }
  std::vector<const std::vector<float>*> polarity, category, category_polarity;
  for (const SentimentModel::Weights& w : fits) {
    polarity.push_back(&w.polarity);
    category.push_back(&w.category);
    category_polarity.push_back(&w.category_polarity);
  }
  joined.polarity = JoinHeads(polarity, kPolarities, dim);
  joined.category = JoinHeads(category, c, dim);
  joined.category_polarity = JoinHeads(category_polarity, kPolarities * c, dim);
  config.dim = dim * members;
  return SentimentModel::Create(std::move(config), std::move(joined));
}

// Out-of-fold category logits and gold categories, one entry an example;
// for the examples with a sentence polarity, also what the fold's model
// said of it (OutOfFoldPolarity).
struct OutOfFoldPolarity {
  std::size_t example;  // index into ScoredExamples::scores
  Polarity gold;
  Polarity head;                             // the sentence head's
  std::vector<Polarity> category_polarities;  // of every category
  std::array<float, kPolarities> head_scores;  // the sentence head's logits
  // Logits of each candidate sentence view (TrainingOptions::sentence_views).
  std::vector<std::array<float, kPolarities>> view_scores;
  // The example's gold opinions, with the category-polarity head's and the
  // opinion view's logits (`sentence` is filled in once the sentence view
  // is chosen).
  std::vector<OpinionLogits> opinions;
  std::size_t fold = 0;  // which threshold fold scored it
  // The category-polarity head's logits of every category, and the
  // opinion view's (one for all categories; zeros without one).
  std::vector<std::array<float, kPolarities>> category_scores;
  std::array<float, kPolarities> opinion_view{};
  bool contrast = false;  // HasContrast (with TrainingOptions::sentence_stacker)
};
// What the category stacker reads of every scored example besides its
// category logits (with TrainingOptions::category_stacker): the sentence
// head's logits and each candidate view's, as OutOfFoldPolarity holds them
// for the examples with a polarity, and the sentence's facts.
struct OutOfFoldSentence {
  std::array<float, kPolarities> head_scores;
  std::vector<std::array<float, kPolarities>> view_scores;
  SentenceFacts facts;
};
struct ScoredExamples {
  std::vector<std::vector<float>> scores;
  std::vector<const std::vector<int>*> gold;
  std::vector<OutOfFoldPolarity> polarities;
  std::vector<std::size_t> folds;             // each example's threshold fold
  std::vector<OutOfFoldSentence> sentences;  // with TrainingOptions::category_stacker
  // With TrainingOptions::vectors: the folds' category vector view's
  // logits ([0]), then each reader's (category_vector_readers), each
  // parallel to `scores`.
  std::vector<std::vector<std::vector<float>>> vector_views;
};

// The sentence view chosen out of fold: which candidate fit, and the weight
// of its logits (0: none).
struct ChosenView {
  std::size_t candidate = 0;
  float weight = 0.0f;
};

// Whether an opinion view is a candidate (a weight above 0).
bool WantsOpinionView(const TrainingOptions& options) {
  const auto& w = options.category_polarity_view_weights;
  return std::any_of(w.begin(), w.end(), [](float x) { return x > 0.0f; });
}

Polarity Largest(const std::array<float, kPolarities>& scores) {
  return static_cast<Polarity>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// The (candidate, weight) of options.sentence_views x
// options.sentence_view_weights whose head + weight x view polarities
// score the highest accuracy + macro-F1 on the out-of-fold predictions,
// no view (weight 0) on ties; then each prediction's `head_scores` and
// `head` are the chosen combination's.
ChosenView ChooseSentenceView(ScoredExamples& scored, const TrainingOptions& options) {
  const auto score = [&](std::size_t candidate, float weight) {
    std::vector<Polarity> gold, predicted;
    for (const OutOfFoldPolarity& o : scored.polarities) {
      std::array<float, kPolarities> s = o.head_scores;
      for (int p = 0; p < kPolarities && weight > 0; ++p) s[p] += weight * o.view_scores[candidate][p];
      gold.push_back(o.gold);
      predicted.push_back(Largest(s));
    }
    const PolarityScores r = ScorePolarities(gold, predicted);
    return r.accuracy + r.macro_f1;
  };
  ChosenView best;
  double best_score = score(0, 0.0f);
  for (std::size_t v = 0; v < options.sentence_views.size(); ++v) {
    for (const float w : options.sentence_view_weights) {
      if (const double s = score(v, w); w > 0 && s > best_score) best_score = s, best = {v, w};
    }
  }
  for (OutOfFoldPolarity& o : scored.polarities) {
    for (int p = 0; p < kPolarities && best.weight > 0; ++p) {
      o.head_scores[p] += best.weight * o.view_scores[best.candidate][p];
    }
    o.head = Largest(o.head_scores);
  }
  return best;
}

// `weights` (rows of `width` floats) with `weight` x the view's weights
// appended to every row and its biases added to the sentence head's.
void AddSentenceView(SentimentModel::Weights& weights, int width, const SentenceView& view,
                     float weight) {
  AppendViewToRows(weights.embedding, width, view, weight);
  for (int p = 0; p < kPolarities; ++p) {
    weights.polarity[weights.polarity.size() - kPolarities + p] += weight * view.bias[p];
  }
}

// The candidate source (options.sentence_sources) whose sentence
// polarities score the highest accuracy + macro-F1 on the out-of-fold
// predictions, with `config`'s chosen thresholds; the first on ties.
SentenceSource ChooseSentenceSource(SentimentModelConfig config, const ScoredExamples& scored,
                                    const TrainingOptions& options) {
  SentenceSource best = options.sentence_sources.front();
  double best_score = -1.0;
  for (const SentenceSource source : options.sentence_sources) {
    config.sentence_source = source;
    const CategoryDetector detector(config);
    std::vector<Polarity> gold, predicted;
    for (const OutOfFoldPolarity& o : scored.polarities) {
      std::vector<Polarity> detected;
      for (const int k : detector.Detect(scored.scores[o.example])) {
        detected.push_back(o.category_polarities[k]);
      }
      gold.push_back(o.gold);
      predicted.push_back(SentencePolarityOf(source, o.head, detected));
    }
    const PolarityScores s = ScorePolarities(gold, predicted);
    if (s.accuracy + s.macro_f1 > best_score) best_score = s.accuracy + s.macro_f1, best = source;
  }
  return best;
}

// The sentence stacker (sentence_stacker.h) chosen on the out-of-fold
// predictions, or none: its inputs are what serving computes, the sentence
// logits (head + chosen view + offsets) and the detected categories'
// polarity logits blended as `blend` says, with `config`'s thresholds.
// `without_view` (with a category vector view: the scores and thresholds
// without it, CategoryWordView::evidence_thresholds) detects the categories whose
// polarities are the evidence; null: `scored`'s scores with `config`'s.
std::vector<float> ChooseStacker(const SentimentModelConfig& config, const ScoredExamples& scored,
                                 const CategoryPolarityBlend& blend,
                                 const std::pair<CategoryDetector, std::vector<std::vector<float>>>*
                                     without_view) {
  const CategoryDetector detector(config);
  std::vector<StackerInputs> inputs;
  std::vector<Polarity> gold, baseline;
  std::vector<std::size_t> folds;
  for (const OutOfFoldPolarity& o : scored.polarities) {
    SentenceEvidence evidence{.contrast = o.contrast};
    for (const int k : without_view
                           ? without_view->first.Detect(without_view->second[o.example])
                           : detector.Detect(scored.scores[o.example])) {
      float logits[kPolarities];
      for (int p = 0; p < kPolarities; ++p) {
        logits[p] = o.category_scores[k][p] + blend.view * o.opinion_view[p] +
                    blend.sentence * o.head_scores[p];
      }
      evidence.AddCategory(logits);
    }
    inputs.push_back(StackerInputsOf(o.head_scores.data(), evidence));
    gold.push_back(o.gold);
    baseline.push_back(o.head);
    folds.push_back(o.fold);
  }
  return ChooseSentenceStacker(inputs, gold, folds, baseline);
}

// The sentence logits of each threshold fold's fit: its head, and each
// candidate view fitted on the same part (kept for SentenceBagging).
struct FoldSentenceLogits {
  FeatureLogits head;
  std::vector<SentenceView> views;
};

// The served sentence logits: the mean of the folds' heads plus `view`'s
// weight x their chosen views (with kFoldsAndFinal, `final_fit`'s head and
// the view fitted on `all` as one more member; else `final_fit` may be
// null), plus `offsets` on the biases.
FeatureLogits BaggedSentenceLogits(const std::vector<FoldSentenceLogits>& folds,
                                   const ChosenView& view,
                                   const std::array<float, kPolarities>& offsets,
                                   const SentimentModel* final_fit,
                                   const std::vector<const TrainingExample*>& all,
                                   const TrainingOptions& options) {
  const bool with_final = options.sentence_bagging == SentenceBagging::kFoldsAndFinal;
  const float share = 1.0f / static_cast<float>(folds.size() + (with_final ? 1 : 0));
  FeatureLogits logits;
  for (const FoldSentenceLogits& f : folds) {
    AddScaled(logits, f.head, share);
    if (view.weight > 0.0f) AddScaled(logits, f.views[view.candidate], share * view.weight);
  }
  if (with_final) {
    AddScaled(logits, SentenceLogitsPerFeature(*final_fit), share);
    if (view.weight > 0.0f) {
      AddScaled(logits,
                FitSentenceView(all, final_fit->config().features.buckets,
                                options.sentence_views[view.candidate]),
                share * view.weight);
    }
  }
  for (int p = 0; p < kPolarities; ++p) logits.bias[p] += offsets[p];
  return logits;
}

// The served category logits: the mean of the folds' (head + wide part),
// with kFoldsAndFinal `final_fit`'s as one more member (else it may be
// null). The thresholds and the fallback were chosen on exactly these
// folds' out-of-fold scores.
FeatureLogits BaggedCategoryLogits(std::vector<FeatureLogits> folds,
                                   const SentimentModel* final_fit,
                                   const TrainingOptions& options) {
  if (options.category_bagging == FoldBagging::kFoldsAndFinal) {
    folds.push_back(CategoryLogitsPerFeature(*final_fit));
  }
  return Mean(folds);
}

struct Thresholds {
  std::vector<float> per_category;
  float fallback = 0.0f;  // SentimentModelConfig::category_fallback
};

// Chooses category thresholds maximising micro-F1 over `scored`: the best
// shared one from a grid, then (per_category) coordinate ascent on each
// category with enough positives, the others held fixed; then
// (options.category_fallback) the fallback from the same grid if one
// raises micro-F1 further.
Thresholds ChooseThresholds(const ScoredExamples& scored, int categories,
                            const TrainingOptions& options) {
  std::vector<float> grid;
  for (float p = 0.05f; p < 0.901f; p += 0.025f) grid.push_back(p);
  // tp[k][g], predicted[k][g]: counts of category k at grid threshold g.
  std::vector<std::vector<long>> tp(categories, std::vector<long>(grid.size())),
      predicted(categories, std::vector<long>(grid.size()));
  std::vector<long> positives(categories);
  long gold = 0;
  for (std::size_t i = 0; i < scored.scores.size(); ++i) {
    gold += static_cast<long>(scored.gold[i]->size());
    for (int k = 0; k < categories; ++k) {
      const bool is_gold =
          std::find(scored.gold[i]->begin(), scored.gold[i]->end(), k) != scored.gold[i]->end();
      positives[k] += is_gold;
      const float probability = 1.0f / (1.0f + std::exp(-scored.scores[i][k]));
      for (std::size_t g = 0; g < grid.size(); ++g) {
        if (probability < grid[g]) continue;
        ++predicted[k][g];
        tp[k][g] += is_gold;
      }
    }
  }
  std::vector<std::size_t> choice(categories);
  auto f1 = [&] {
    long t = 0, p = 0;
    for (int k = 0; k < categories; ++k) t += tp[k][choice[k]], p += predicted[k][choice[k]];
    return p + gold == 0 ? 0.0 : 2.0 * t / (p + gold);
  };
  double best = -1.0;
  std::size_t shared = 0;
  for (std::size_t g = 0; g < grid.size(); ++g) {
    std::fill(choice.begin(), choice.end(), g);
    if (const double f = f1(); f > best) best = f, shared = g;
  }
  std::fill(choice.begin(), choice.end(), shared);
  for (int round = 0; options.per_category_thresholds && round < 2; ++round) {
    for (int k = 0; k < categories; ++k) {
      if (positives[k] < options.min_positives_for_own_threshold) continue;
      for (std::size_t g = 0; g < grid.size(); ++g) {
        const std::size_t kept = choice[k];
        choice[k] = g;
        if (const double f = f1(); f > best) {
          best = f;
        } else {
          choice[k] = kept;
        }
      }
    }
  }
  Thresholds chosen;
  for (int k = 0; k < categories; ++k) chosen.per_category.push_back(grid[choice[k]]);
  if (!options.category_fallback) return chosen;
  // Sentences where no category reaches its threshold: their most probable
  // category's probability and whether it is gold.
  long tp_all = 0, predicted_all = 0;
  for (int k = 0; k < categories; ++k)
    tp_all += tp[k][choice[k]], predicted_all += predicted[k][choice[k]];
  std::vector<std::pair<float, bool>> silent;
  for (std::size_t i = 0; i < scored.scores.size(); ++i) {
    const std::vector<float>& s = scored.scores[i];
    bool any = false;
    int best = 0;
    for (int k = 0; k < categories; ++k) {
      any |= 1.0f / (1.0f + std::exp(-s[k])) >= chosen.per_category[k];
      if (s[k] > s[best]) best = k;
    }
    if (any) continue;
    const auto& gold_i = *scored.gold[i];
    silent.emplace_back(1.0f / (1.0f + std::exp(-s[best])),
                        std::find(gold_i.begin(), gold_i.end(), best) != gold_i.end());
  }
  for (const float f : grid) {
    long extra_tp = 0, extra = 0;
    for (const auto& [probability, is_gold] : silent) {
      if (probability < f) continue;
      ++extra;
      extra_tp += is_gold;
    }
    const double f1 = 2.0 * (tp_all + extra_tp) / (predicted_all + extra + gold);
    if (f1 > best) best = f1, chosen.fallback = f;
  }
  return chosen;
}

// Micro-F1 of `scores` against `gold` where each fold's categories are
// detected with thresholds and a fallback chosen on the other folds' rows:
// a threshold choice scored on rows it did not see.
double NestedMicroF1(const std::vector<std::vector<float>>& scores,
                     const std::vector<const std::vector<int>*>& gold,
                     const std::vector<std::size_t>& folds, const SentimentModelConfig& config,
                     const TrainingOptions& options) {
  const int categories = static_cast<int>(config.categories.size());
  const std::size_t distinct = *std::max_element(folds.begin(), folds.end()) + 1;
  long tp = 0, predicted = 0, relevant = 0;
  for (std::size_t fold = 0; fold < distinct; ++fold) {
    ScoredExamples others;
    for (std::size_t i = 0; i < scores.size(); ++i) {
      if (folds[i] == fold) continue;
      others.scores.push_back(scores[i]);
      others.gold.push_back(gold[i]);
    }
    if (others.scores.size() == scores.size()) continue;  // an empty fold
    const Thresholds chosen = ChooseThresholds(others, categories, options);
    SentimentModelConfig nested = config;
    nested.category_thresholds = chosen.per_category;
    nested.category_fallback = chosen.fallback;
    const CategoryDetector detector(nested);
    for (std::size_t i = 0; i < scores.size(); ++i) {
      if (folds[i] != fold) continue;
      for (const int k : detector.Detect(scores[i])) {
        ++predicted;
        tp += std::find(gold[i]->begin(), gold[i]->end(), k) != gold[i]->end();
      }
      relevant += static_cast<long>(gold[i]->size());
    }
  }
  return predicted + relevant == 0 ? 0.0 : 2.0 * tp / static_cast<double>(predicted + relevant);
}

// The vector view chosen out of fold: which candidate (0 the linear view,
// r + 1 options.category_vector_readers[r]) and the weight of its logits
// (0: none).
struct ChosenVectorView {
  std::size_t candidate = 0;
  float weight = 0.0f;
};

// The candidate of `scored.vector_views` and weight (options.
// category_vector_view_weights) whose scores + weight x logits score the
// highest nested micro-F1 (NestedMicroF1) on the out-of-fold predictions,
// none unless one beats the scores alone; the chosen logits are then added
// to `scored`'s scores.
ChosenVectorView ChooseCategoryVectorView(const SentimentModelConfig& config,
                                          ScoredExamples& scored, const TrainingOptions& options) {
  const auto blended = [&](std::size_t candidate, float weight) {
    std::vector<std::vector<float>> scores = scored.scores;
    const std::vector<std::vector<float>>& view = scored.vector_views[candidate];
    for (std::size_t i = 0; i < scores.size(); ++i) {
      for (std::size_t k = 0; k < scores[i].size(); ++k) scores[i][k] += weight * view[i][k];
    }
    return scores;
  };
  ChosenVectorView best;
  double best_f1 = NestedMicroF1(scored.scores, scored.gold, scored.folds, config, options);
  for (std::size_t candidate = 0; candidate < scored.vector_views.size(); ++candidate) {
    for (const float w : options.category_vector_view_weights) {
      if (w <= 0.0f) continue;
      const double f1 =
          NestedMicroF1(blended(candidate, w), scored.gold, scored.folds, config, options);
      if (f1 > best_f1) best_f1 = f1, best = {candidate, w};
    }
  }
  if (best.weight > 0.0f) scored.scores = blended(best.candidate, best.weight);
  return best;
}

// The category stacker (category_stacker.h) chosen on the out-of-fold
// predictions: its inputs are the fold models' category logits, the
// sentence logits as served (head + `view` + `offsets`) and the facts.
// Kept when its cross-fitted scores (each row's from a stacker fitted on
// the other folds) score a higher nested micro-F1 (NestedMicroF1) than the
// first stage's; then `scored`'s scores become the cross-fitted ones, the
// thresholds and fallback of `config` are chosen again on them, and the
// stacker fitted on every row is returned. Else empty, nothing changed.
std::vector<float> ChooseCategoryStacker(SentimentModelConfig& config, ScoredExamples& scored,
                                         const ChosenView& view,
                                         const std::array<float, kPolarities>& offsets,
                                         const TrainingOptions& options) {
  const int categories = static_cast<int>(config.categories.size());
  const int width = CategoryStackerWidth(categories);
  std::vector<float> inputs(scored.scores.size() * width);
  for (std::size_t i = 0; i < scored.scores.size(); ++i) {
    const OutOfFoldSentence& o = scored.sentences[i];
    std::array<float, kPolarities> sentence = o.head_scores;
    for (int p = 0; p < kPolarities; ++p) {
      if (view.weight > 0.0f) sentence[p] += view.weight * o.view_scores[view.candidate][p];
      sentence[p] += offsets[p];
    }
    CategoryStackerInputs(scored.scores[i].data(), categories, sentence.data(), o.facts,
                          inputs.data() + i * width);
  }
  std::vector<std::vector<float>> stacked =
      CrossFittedCategoryScores(inputs, categories, scored.gold, scored.folds);
  if (stacked.empty()) return {};
  const double first = NestedMicroF1(scored.scores, scored.gold, scored.folds, config, options);
  const double second = NestedMicroF1(stacked, scored.gold, scored.folds, config, options);
  if (second <= first) return {};
  scored.scores = std::move(stacked);
  Thresholds chosen = ChooseThresholds(scored, categories, options);
  config.category_thresholds = std::move(chosen.per_category);
  config.category_fallback = chosen.fallback;
  return FitCategoryStacker(inputs, categories, scored.gold);
}

StatusOr<std::unique_ptr<SentimentModel>> TrainUnchecked(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options) {
  // `all` is shuffled; only `known` (categories_known) examples score
  // threshold folds, the others join every fold's fit.
  std::vector<const TrainingExample*> all, known, other;
  for (const TrainingExample& e : examples) all.push_back(&e);
  std::shuffle(all.begin(), all.end(), std::mt19937_64(options.seed));
  for (const TrainingExample* e : all) (e->categories_known ? known : other).push_back(e);
  // (fit, scored) partitions whose out-of-sample scores choose thresholds.
  std::vector<std::pair<std::vector<const TrainingExample*>, std::vector<const TrainingExample*>>>
      partitions;
  const int folds = options.threshold_folds;
  if (folds >= 2 && known.size() >= static_cast<std::size_t>(folds)) {
    for (int fold = 0; fold < folds; ++fold) {
      auto& [fit, held] = partitions.emplace_back();
      for (std::size_t i = 0; i < known.size(); ++i) {
        (static_cast<int>(i % folds) == fold ? held : fit).push_back(known[i]);
      }
    }
  } else if (const auto held = static_cast<std::size_t>(options.threshold_holdout * known.size());
             folds < 2 && held > 0 && held < known.size()) {
    partitions.emplace_back(
        std::vector<const TrainingExample*>(known.begin() + held, known.end()),
        std::vector<const TrainingExample*>(known.begin(), known.begin() + held));
  }
  for (auto& [fit, held] : partitions) fit.insert(fit.end(), other.begin(), other.end());
  ChosenView sentence_view;
  std::vector<FoldSentenceLogits> fold_logits;  // with options.sentence_bagging
  std::vector<FeatureLogits> fold_categories;   // with options.category_bagging
  // With options.category_polarity_bagging: each fold's head alone (the
  // Slot 3 blend is chosen after the folds).
  std::vector<FeatureLogits> fold_category_polarities;
  std::array<float, kPolarities> sentence_offsets{};  // with options.sentence_offsets
  CategoryPolarityBlend blend;
  ChosenVectorView vector_view_choice;  // with options.vectors
  // With options.vectors: thresholds and out-of-fold scores without the view.
  Thresholds evidence_thresholds;
  std::vector<std::vector<float>> evidence_scores;
  if (!partitions.empty()) {
    const int categories = static_cast<int>(config.categories.size());
    ScoredExamples scored;
    std::vector<std::uint32_t> contrast_ids;
    if (options.sentence_stacker || options.category_stacker) {
      ASSIGN_OR_RETURN(std::unique_ptr<text::TextAnalyzer> analyzer,
                       text::TextAnalyzer::Create(config.language));
      contrast_ids = ContrastFeatureIds(*analyzer, config.features);
    }
    for (std::size_t fold = 0; fold < partitions.size(); ++fold) {
      const auto& [fit, held] = partitions[fold];
      ASSIGN_OR_RETURN(std::unique_ptr<SentimentModel> probe, Fit(config, fit, options));
      std::vector<SentenceView> views;
      for (const SentenceViewOptions& v : options.sentence_views) {
        views.push_back(FitSentenceView(fit, config.features.buckets, v));
      }
      const CategoryVectorView vector_view =
          options.vectors ? FitCategoryVectorView(fit, *options.vectors, categories)
                          : CategoryVectorView{};
      std::vector<CategoryVectorReader> readers;
      if (options.vectors) {
        for (const VectorReaderOptions& r : options.category_vector_readers) {
          readers.push_back(
              FitCategoryVectorReader(fit, *options.vectors, categories, r, options.seed + fold));
        }
        scored.vector_views.resize(1 + readers.size());
      }
      const SentenceView opinion_view =
          !WantsOpinionView(options)
              ? SentenceView{}
              : FitOpinionView(fit, config.features.buckets, options.category_polarity_view,
                               options.opinion_view_auxiliary_neutral);
      std::vector<float> hidden(probe->row_width());
      for (const TrainingExample* e : held) {
        probe->Embed(e->features, hidden.data());
        std::vector<float> scores(categories);
        for (int k = 0; k < categories; ++k) scores[k] = probe->CategoryScore(hidden.data(), k);
        if (e->polarity) {
          OutOfFoldPolarity& o = scored.polarities.emplace_back(OutOfFoldPolarity{
              scored.scores.size(), *e->polarity, probe->SentencePolarity(hidden.data()), {}});
          for (int k = 0; k < categories; ++k) {
            o.category_polarities.push_back(probe->CategoryPolarity(hidden.data(), k));
          }
          probe->SentenceScores(hidden.data(), o.head_scores.data());
          o.fold = fold;
          for (int k = 0; k < categories; ++k) {
            probe->CategoryPolarityScores(hidden.data(), k, o.category_scores.emplace_back().data());
          }
          if (!opinion_view.weights.empty()) o.opinion_view = opinion_view.Logits(e->features);
          o.contrast = HasContrast(e->features, contrast_ids);
          for (const SentenceView& view : views) o.view_scores.push_back(view.Logits(e->features));
          for (const auto& [k, p] : e->opinions) {
            OpinionLogits& opinion = o.opinions.emplace_back(OpinionLogits{p});
            probe->CategoryPolarityScores(hidden.data(), k, opinion.category.data());
            if (!opinion_view.weights.empty()) opinion.view = opinion_view.Logits(e->features);
          }
        }
        if (options.vectors) {
          vector_view.Logits(*options.vectors, e->vector_words,
                             scored.vector_views[0].emplace_back(categories).data());
          for (std::size_t r = 0; r < readers.size(); ++r) {
            readers[r].Logits(*options.vectors, e->vector_words,
                              scored.vector_views[r + 1].emplace_back(categories).data());
          }
        }
        scored.scores.push_back(std::move(scores));
        scored.gold.push_back(&e->categories);
        scored.folds.push_back(fold);
        if (options.category_stacker) {
          OutOfFoldSentence& o = scored.sentences.emplace_back();
          probe->SentenceScores(hidden.data(), o.head_scores.data());
          for (const SentenceView& view : views) o.view_scores.push_back(view.Logits(e->features));
          o.facts = {e->features.size(), HasContrast(e->features, contrast_ids)};
        }
      }
      if (options.sentence_bagging != SentenceBagging::kNone) {
        fold_logits.push_back({SentenceLogitsPerFeature(*probe), std::move(views)});
      }
      if (options.category_bagging != FoldBagging::kNone) {
        fold_categories.push_back(CategoryLogitsPerFeature(*probe));
      }
      if (options.category_polarity_bagging != FoldBagging::kNone) {
        fold_category_polarities.push_back(CategoryPolarityLogitsPerFeature(*probe));
      }
    }
    if (options.vectors) {
      evidence_thresholds = ChooseThresholds(scored, categories, options);
      evidence_scores = scored.scores;
      vector_view_choice = ChooseCategoryVectorView(config, scored, options);
    }
    Thresholds chosen = ChooseThresholds(scored, categories, options);
    config.category_thresholds = std::move(chosen.per_category);
    config.category_fallback = chosen.fallback;
    sentence_view = ChooseSentenceView(scored, options);
    if (options.sentence_offsets) {
      std::vector<std::array<float, kPolarities>> oof;
      std::vector<Polarity> gold;
      for (const OutOfFoldPolarity& o : scored.polarities) {
        oof.push_back(o.head_scores);
        gold.push_back(o.gold);
      }
      sentence_offsets = ChooseLogitOffsets(oof, gold);
      for (OutOfFoldPolarity& o : scored.polarities) {
        for (int p = 0; p < kPolarities; ++p) o.head_scores[p] += sentence_offsets[p];
        o.head = Largest(o.head_scores);
      }
    }
    if (options.category_stacker) {
      config.category_stacker =
          ChooseCategoryStacker(config, scored, sentence_view, sentence_offsets, options);
    }
    std::vector<OpinionLogits> opinions;
    for (OutOfFoldPolarity& o : scored.polarities) {
      for (OpinionLogits& opinion : o.opinions) {
        opinion.sentence = o.head_scores;
        opinions.push_back(opinion);
      }
    }
    blend = ChooseCategoryPolarityBlend(opinions, options.category_polarity_sentence_weights,
                                        options.category_polarity_view_weights);
    config.category_polarity_sentence_weight = blend.sentence;
    config.sentence_source = ChooseSentenceSource(config, scored, options);
    if (options.sentence_stacker && config.sentence_source == SentenceSource::kHead) {
      std::optional<std::pair<CategoryDetector, std::vector<std::vector<float>>>> evidence;
      if (vector_view_choice.weight > 0.0f) {
        SentimentModelConfig without_view = config;
        without_view.category_thresholds = evidence_thresholds.per_category;
        without_view.category_fallback = evidence_thresholds.fallback;
        evidence.emplace(CategoryDetector(without_view), std::move(evidence_scores));
      }
      config.sentence_stacker = ChooseStacker(config, scored, blend, evidence ? &*evidence : nullptr);
    }
  } else {
    config.sentence_source = options.sentence_sources.front();
  }
  if (options.ensemble > 1) return FitEnsemble(std::move(config), all, options);
  if (const auto [candidate, weight] = vector_view_choice; weight > 0.0f) {
    const int categories = static_cast<int>(config.categories.size());
    config.category_word_view =
        candidate == 0
            ? FoldCategoryVectorView(FitCategoryVectorView(all, *options.vectors, categories),
                                     *options.vectors, weight)
            : FoldCategoryVectorReader(
                  FitCategoryVectorReader(all, *options.vectors, categories,
                                          options.category_vector_readers[candidate - 1],
                                          options.seed + partitions.size()),
                  *options.vectors, weight);
    config.category_word_view.evidence_thresholds = evidence_thresholds.per_category;
    config.category_word_view.evidence_fallback = evidence_thresholds.fallback;
  }
  SentimentModel::Weights weights = FitWeights(config, all, options);
  if (!fold_category_polarities.empty() &&
      options.category_polarity_bagging == FoldBagging::kFoldsAndFinal) {
    // The final fit's head alone, before the Slot 3 blend joins it.
    SentimentModelConfig head_only = config;
    head_only.category_polarity_sentence_weight = 0.0f;
    ASSIGN_OR_RETURN(std::unique_ptr<SentimentModel> final_head,
                     SentimentModel::Create(head_only, weights));
    fold_category_polarities.push_back(CategoryPolarityLogitsPerFeature(*final_head));
  }
  if (fold_logits.empty()) {
    // The polarity head's biases come last.
    for (int p = 0; p < kPolarities; ++p) {
      weights.polarity[weights.polarity.size() - kPolarities + p] += sentence_offsets[p];
    }
    if (sentence_view.weight > 0.0f) {
      AddSentenceView(weights,
                      static_cast<int>(weights.embedding.size() / config.features.buckets),
                      FitSentenceView(all, config.features.buckets,
                                      options.sentence_views[sentence_view.candidate]),
                      sentence_view.weight);
      config.sentence_wide = true;
    }
  }
  // The opinion view's columns follow the rest of the row; bagged sentence
  // and category heads are put before them, a bagged category-polarity head
  // after (WithFoldedHeads).
  SentenceView opinion_view;  // with blend.view
  if (blend.view > 0.0f) {
    opinion_view = FitOpinionView(all, config.features.buckets, options.category_polarity_view,
                                  options.opinion_view_auxiliary_neutral);
    AddOpinionView(weights, static_cast<int>(weights.embedding.size() / config.features.buckets),
                   static_cast<int>(config.categories.size()), opinion_view, blend.view);
    config.category_polarity_wide = true;
  }
  if (fold_logits.empty() && fold_categories.empty() && fold_category_polarities.empty()) {
    return SentimentModel::Create(std::move(config), std::move(weights));
  }
  // The final fit as a bag member (kFoldsAndFinal) is read as a model.
  std::unique_ptr<SentimentModel> final_fit;
  if (options.sentence_bagging == FoldBagging::kFoldsAndFinal ||
      options.category_bagging == FoldBagging::kFoldsAndFinal) {
    ASSIGN_OR_RETURN(final_fit, SentimentModel::Create(config, weights));
  }
  FoldedHeads folded;
  if (!fold_logits.empty()) {
    folded.sentence =
        BaggedSentenceLogits(fold_logits, sentence_view, sentence_offsets, final_fit.get(), all,
                             options);
  }
  if (!fold_categories.empty()) {
    folded.category = BaggedCategoryLogits(std::move(fold_categories), final_fit.get(), options);
  }
  if (!fold_category_polarities.empty()) {
    folded.category_polarity = Mean(fold_category_polarities);
    // The bag replaces the final head, whose biases hold the opinion view's.
    for (std::size_t i = 0; i < folded.category_polarity->bias.size(); ++i) {
      folded.category_polarity->bias[i] += blend.view * opinion_view.bias[i % kPolarities];
    }
  }
  final_fit.reset();
  return WithFoldedHeads(std::move(config), std::move(weights), folded);
}

Status CheckExamples(const SentimentModelConfig& config,
                     const std::vector<TrainingExample>& examples, const TrainingOptions& options) {
  if (examples.empty()) return Status::InvalidArgument("no training examples");
  if (options.ensemble > 1 &&
      (config.wide_categories || config.category_dim > 0 || config.sentence_dim > 0 ||
       !options.sentence_views.empty() || options.sentence_bagging != SentenceBagging::kNone ||
       options.category_bagging != FoldBagging::kNone ||
       options.category_polarity_bagging != FoldBagging::kNone || WantsOpinionView(options) ||
       options.vectors)) {
    return Status::InvalidArgument(
        "an ensemble needs a model without wide, own category or own sentence parts, a "
        "sentence view, bagging, an opinion view or a vector view");
  }
  for (const VectorReaderOptions& r : options.category_vector_readers) {
    if (r.units <= 0 || r.epochs <= 0 || r.batch_size <= 0 || !(r.dropout >= 0.0f && r.dropout < 1.0f) ||
        !(r.learning_rate > 0.0f)) {
      return Status::InvalidArgument("vector reader " + VectorReaderSpec(r) +
                                     " needs units, epochs, batch size and learning rate > 0 and "
                                     "dropout in [0, 1)");
    }
  }
  if (!config.category_word_view.empty()) {
    return Status::InvalidArgument(
        "category_word_view is set by the trainer when it keeps a vector view "
        "(TrainingOptions::vectors)");
  }
  if (config.sentence_wide) {
    return Status::InvalidArgument(
        "sentence_wide is set by the trainer when it keeps a sentence view "
        "(TrainingOptions::sentence_views)");
  }
  if (config.category_polarity_wide) {
    return Status::InvalidArgument(
        "category_polarity_wide is set by the trainer when it keeps an opinion view "
        "(TrainingOptions::category_polarity_view_weights)");
  }
  if (config.categories.empty()) return Status::InvalidArgument("no aspect categories");
  if (options.sentence_sources.empty()) {
    return Status::InvalidArgument("no candidate source of sentence polarity");
  }
  const int c = static_cast<int>(config.categories.size());
  for (const TrainingExample& e : examples) {
    for (const std::uint32_t id : e.features) {
      if (id >= config.features.buckets) return Status::InvalidArgument("feature id out of range");
    }
    for (const int k : e.categories) {
      if (k < 0 || k >= c) return Status::InvalidArgument("category index out of range");
    }
    if (e.categories_known ? !e.auxiliary_categories.empty() : !e.categories.empty()) {
      return Status::InvalidArgument(
          "an example has categories of one scheme: model categories or auxiliary ones");
    }
    for (const int k : e.auxiliary_categories) {
      if (k < 0) return Status::InvalidArgument("auxiliary category index out of range");
    }
    for (const auto& [k, p] : e.opinions) {
      if (k < 0 || k >= c) return Status::InvalidArgument("opinion category out of range");
    }
    for (const std::uint32_t w : e.vector_words) {
      if (options.vectors && w >= options.vectors->size()) {
        return Status::InvalidArgument("vector word index out of range");
      }
    }
  }
  return Status::Ok();
}

}  // namespace

StatusOr<std::unique_ptr<SentimentModel>> TrainSentimentModel(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options) {
  RETURN_IF_ERROR(CheckExamples(config, examples, options));
  try {
    torch::set_num_threads(options.threads);
    return TrainUnchecked(std::move(config), examples, options);
  } catch (const std::exception& e) {  // c10::Error derives from std::exception
    return Status::Internal(std::string("LibTorch failed while training: ") + e.what());
  }
}

}  // namespace sobremesa::sentiment
