#include "models/sentiment/sentiment_model.h"

#include <algorithm>
#include <cmath>

namespace sobremesa::sentiment {
namespace {

std::size_t HeadSize(int rows, int dim) {
  return static_cast<std::size_t>(rows) * dim + static_cast<std::size_t>(rows);
}

// Floats of the folded category-polarity part at the end of a row.
int FoldedCategoryPolarity(const SentimentModelConfig& config) {
  return config.category_polarity_folded ? kPolarities * static_cast<int>(config.categories.size())
                                         : 0;
}

int RowWidth(const SentimentModelConfig& config) {
  return config.dim + config.category_dim + config.sentence_dim +
         (config.wide_categories ? static_cast<int>(config.categories.size()) : 0) +
         (config.sentence_wide ? kPolarities : 0) +
         (config.category_polarity_wide ? kPolarities : 0) + FoldedCategoryPolarity(config);
}

// Inputs of the category head.
int CategoryInputs(const SentimentModelConfig& config) {
  return config.category_dim > 0 ? config.category_dim : config.dim;
}

// Inputs of the sentence-polarity head.
int SentenceInputs(const SentimentModelConfig& config) {
  return config.sentence_dim > 0 ? config.sentence_dim : config.dim;
}

// `config` with the category word view's evidence thresholds and fallback
// in place of its own (itself without a view).
SentimentModelConfig EvidenceConfig(const SentimentModelConfig& config) {
  SentimentModelConfig evidence;
  evidence.categories = config.categories;
  evidence.category_threshold = config.category_threshold;
  const CategoryWordView& view = config.category_word_view;
  evidence.category_thresholds = view.empty() ? config.category_thresholds : view.evidence_thresholds;
  evidence.category_fallback = view.empty() ? config.category_fallback : view.evidence_fallback;
  return evidence;
}

float Logit(float probability) {
  const float t = std::clamp(probability, 1e-6f, 1.0f - 1e-6f);
  return std::log(t / (1.0f - t));
}

}  // namespace

Polarity SentencePolarityOf(SentenceSource source, Polarity head,
                            const std::vector<Polarity>& category_polarities) {
  const auto has = [&](Polarity p) {
    return std::find(category_polarities.begin(), category_polarities.end(), p) !=
           category_polarities.end();
  };
  switch (source) {
    case SentenceSource::kHead:
      break;
    case SentenceSource::kCategories:
      return AgreedPolarity(category_polarities).value_or(head);
    case SentenceSource::kHeadOrMixed:
      if (has(Polarity::kPositive) && has(Polarity::kNegative)) return Polarity::kNeutral;
      break;
  }
  return head;
}

StatusOr<std::unique_ptr<SentimentModel>> SentimentModel::Create(SentimentModelConfig config,
                                                                 Weights weights) {
  const int dim = config.dim;
  const int c = static_cast<int>(config.categories.size());
  if (dim < 0 || config.category_dim < 0 || config.sentence_dim < 0 ||
      config.features.buckets == 0 || RowWidth(config) == 0) {
    return Status::InvalidArgument(
        "model needs dim, category_dim and sentence_dim >= 0, a non-empty row and buckets > 0");
  }
  if (static_cast<std::uint32_t>(config.sentence_source) >= kSentenceSources) {
    return Status::InvalidArgument("unknown sentence polarity source " +
                                   std::to_string(static_cast<std::uint32_t>(config.sentence_source)));
  }
  if (!(config.category_fallback >= 0.0f && config.category_fallback < 1.0f)) {
    return Status::InvalidArgument("category fallback must be a probability in [0, 1)");
  }
  if (!(config.category_polarity_sentence_weight >= 0.0f &&
        std::isfinite(config.category_polarity_sentence_weight))) {
    return Status::InvalidArgument("category polarity sentence weight must be finite and >= 0");
  }
  if (!config.sentence_stacker.empty() &&
      (config.sentence_stacker.size() != kStackerWeights ||
       !std::all_of(config.sentence_stacker.begin(), config.sentence_stacker.end(),
                    [](float w) { return std::isfinite(w); }))) {
    return Status::InvalidArgument("sentence stacker must be " + std::to_string(kStackerWeights) +
                                   " finite weights or none");
  }
  if (!config.category_stacker.empty() &&
      (config.category_stacker.size() != CategoryStackerWeights(c) ||
       !std::all_of(config.category_stacker.begin(), config.category_stacker.end(),
                    [](float w) { return std::isfinite(w); }))) {
    return Status::InvalidArgument("category stacker must be " +
                                   std::to_string(CategoryStackerWeights(c)) +
                                   " finite weights or none");
  }
  const CategoryWordView& view = config.category_word_view;
  const std::size_t reader_inputs =
      static_cast<std::size_t>(view.reader_mean ? 2 * view.reader_units : view.reader_units);
  if (!view.empty() &&
      (view.reader_units < 0 ||
       view.reader_output.size() != reader_inputs * static_cast<std::size_t>(c) ||
       !std::all_of(view.reader_output.begin(), view.reader_output.end(),
                    [](float w) { return std::isfinite(w); }) ||
       view.values.size() != view.words.size() * static_cast<std::size_t>(view.width()) ||
       // A reader's h_w come out of a ReLU; its max is taken from zeros.
       (view.reader_units > 0 &&
        std::any_of(view.values.begin(), view.values.end(), [](float v) { return v < 0.0f; })) ||
       view.bias.size() != static_cast<std::size_t>(c) ||
       !std::all_of(view.values.begin(), view.values.end(), [](float w) { return std::isfinite(w); }) ||
       !std::all_of(view.bias.begin(), view.bias.end(), [](float w) { return std::isfinite(w); }) ||
       view.evidence_thresholds.size() != static_cast<std::size_t>(c) ||
       !(view.evidence_fallback >= 0.0f && view.evidence_fallback < 1.0f))) {
    return Status::InvalidArgument(
        "category word view must be C finite values a word (a reader: its units, none negative, "
        "and C x its inputs finite output weights), C finite biases, C evidence thresholds and an "
        "evidence fallback in [0, 1)");
  }
  if (!config.category_thresholds.empty() && config.category_thresholds.size() != static_cast<std::size_t>(c)) {
    return Status::InvalidArgument("model has " + std::to_string(c) + " categories but " +
                                   std::to_string(config.category_thresholds.size()) +
                                   " category thresholds");
  }
  if (weights.embedding.size() !=
          static_cast<std::size_t>(config.features.buckets) * RowWidth(config) ||
      weights.polarity.size() != HeadSize(kPolarities, SentenceInputs(config)) ||
      weights.category.size() != HeadSize(c, CategoryInputs(config)) ||
      weights.category_polarity.size() != HeadSize(kPolarities * c, dim)) {
    return Status::InvalidArgument("model weight sizes do not match its configuration");
  }
  return std::unique_ptr<SentimentModel>(new SentimentModel(std::move(config), std::move(weights)));
}

CategoryDetector::CategoryDetector(const SentimentModelConfig& config)
    : fallback_logit_(config.category_fallback > 0 ? Logit(config.category_fallback) : INFINITY) {
  for (std::size_t k = 0; k < config.categories.size(); ++k) {
    threshold_logits_.push_back(Logit(config.category_thresholds.empty()
                                          ? config.category_threshold
                                          : config.category_thresholds[k]));
  }
}

std::vector<int> CategoryDetector::Detect(const std::vector<float>& scores) const {
  std::vector<int> detected;
  int best = -1;
  float best_score = -INFINITY;
  for (int k = 0; k < static_cast<int>(scores.size()); ++k) {
    if (scores[k] >= threshold_logits_[k]) detected.push_back(k);
    if (scores[k] > best_score) best_score = scores[k], best = k;
  }
  if (detected.empty() && best >= 0 && best_score >= fallback_logit_) detected.push_back(best);
  return detected;
}

SentimentModel::SentimentModel(SentimentModelConfig config, Weights weights)
    : config_(std::move(config)),
      weights_(std::move(weights)),
      row_width_(RowWidth(config_)),
      detector_(config_),
      evidence_detector_(EvidenceConfig(config_)) {
  const std::vector<std::string>& words = config_.category_word_view.words;
  for (std::size_t i = 0; i < words.size(); ++i) {
    word_view_rows_.emplace(words[i], static_cast<int>(i));
  }
}

int SentimentModel::WordViewRow(const std::string& word) const {
  const auto it = word_view_rows_.find(word);
  return it == word_view_rows_.end() ? -1 : it->second;
}

void SentimentModel::Embed(const std::vector<std::uint32_t>& ids, float* hidden) const {
  const int width = row_width_;
  std::fill(hidden, hidden + width, 0.0f);
  for (const std::uint32_t id : ids) {
    const float* row = EmbeddingRow(id);
    for (int d = 0; d < width; ++d) hidden[d] += row[d];
  }
  EmbedFromSum(hidden, ids.size(), hidden);
}

void SentimentModel::EmbedFromSum(const float* sum, std::size_t count, float* hidden) const {
  const float scale = count == 0 ? 0.0f : 1.0f / static_cast<float>(count);
  for (int d = 0; d < row_width_; ++d) hidden[d] = sum[d] * scale;
}

float SentimentModel::Score(const std::vector<float>& head, int rows, int row,
                            const float* hidden, int width) const {
  const float* w = head.data() + static_cast<std::size_t>(row) * width;
  float s = head[static_cast<std::size_t>(rows) * width + row];
  for (int d = 0; d < width; ++d) s += w[d] * hidden[d];
  return s;
}

void SentimentModel::SentenceScores(const float* hidden, float* scores) const {
  const int own = config_.sentence_dim;
  const float* wide =
      config_.sentence_wide
          ? hidden + row_width_ - FoldedCategoryPolarity(config_) -
                kPolarities * (config_.category_polarity_wide ? 2 : 1)
          : nullptr;
  for (int p = 0; p < kPolarities; ++p) {
    scores[p] =
        (own > 0 ? Score(weights_.polarity, kPolarities, p, hidden + config_.dim + config_.category_dim, own)
                 : Score(weights_.polarity, kPolarities, p, hidden, config_.dim)) +
        (wide ? wide[p] : 0.0f);
  }
}

Polarity SentimentModel::SentencePolarity(const float* hidden) const {
  float scores[kPolarities];
  SentenceScores(hidden, scores);
  return static_cast<Polarity>(std::max_element(scores, scores + kPolarities) - scores);
}

Polarity SentimentModel::SentencePolarity(const float* hidden,
                                          const std::vector<Polarity>& category_polarities,
                                          const SentenceEvidence& evidence) const {
  Polarity head;
  if (config_.sentence_stacker.empty()) {
    head = SentencePolarity(hidden);
  } else {
    float scores[kPolarities];
    SentenceScores(hidden, scores);
    head = StackedPolarity(config_.sentence_stacker, StackerInputsOf(scores, evidence));
  }
  return SentencePolarityOf(config_.sentence_source, head, category_polarities);
}

float SentimentModel::CategoryScore(const float* hidden, int category) const {
  const int c = static_cast<int>(config_.categories.size());
  const int own = config_.category_dim;
  const float wide =
      config_.wide_categories ? hidden[config_.dim + own + config_.sentence_dim + category] : 0.0f;
  return Score(weights_.category, c, category, own > 0 ? hidden + config_.dim : hidden,
               own > 0 ? own : config_.dim) +
         wide;
}

std::vector<int> SentimentModel::Categories(const float* hidden, const SentenceFacts& facts,
                                            const float* word_view) const {
  std::vector<float> scores(config_.categories.size());
  for (std::size_t k = 0; k < scores.size(); ++k) {
    scores[k] = CategoryScore(hidden, static_cast<int>(k)) + (word_view ? word_view[k] : 0.0f);
  }
  if (!config_.category_stacker.empty()) {
    const int c = static_cast<int>(scores.size());
    float sentence[kPolarities];
    SentenceScores(hidden, sentence);
    std::vector<float> inputs(CategoryStackerWidth(c));
    CategoryStackerInputs(scores.data(), c, sentence, facts, inputs.data());
    StackedCategoryScores(config_.category_stacker, c, inputs.data(), scores.data());
  }
  return detector_.Detect(scores);
}

std::vector<int> SentimentModel::EvidenceCategories(const float* hidden,
                                                    const SentenceFacts& facts) const {
  if (config_.category_word_view.empty()) return Categories(hidden, facts);
  std::vector<float> scores(config_.categories.size());
  for (std::size_t k = 0; k < scores.size(); ++k) {
    scores[k] = CategoryScore(hidden, static_cast<int>(k));
  }
  return evidence_detector_.Detect(scores);
}

void SentimentModel::CategoryPolarityScores(const float* hidden, int category,
                                            float* scores) const {
  const int rows = kPolarities * static_cast<int>(config_.categories.size());
  const float weight = config_.category_polarity_sentence_weight;
  float sentence[kPolarities] = {};
  if (weight > 0.0f) SentenceScores(hidden, sentence);
  const int folded = FoldedCategoryPolarity(config_);
  const float* wide =
      config_.category_polarity_wide ? hidden + row_width_ - folded - kPolarities : nullptr;
  const float* own = folded > 0 ? hidden + row_width_ - folded + category * kPolarities : nullptr;
  for (int p = 0; p < kPolarities; ++p) {
    scores[p] =
        Score(weights_.category_polarity, rows, category * kPolarities + p, hidden, config_.dim) +
        weight * sentence[p] + (wide ? wide[p] : 0.0f) + (own ? own[p] : 0.0f);
  }
}

Polarity SentimentModel::CategoryPolarity(const float* hidden, int category) const {
  float scores[kPolarities];
  CategoryPolarityScores(hidden, category, scores);
  return static_cast<Polarity>(std::max_element(scores, scores + kPolarities) - scores);
}

}  // namespace sobremesa::sentiment
