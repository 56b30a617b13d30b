#include "models/sentiment/sentiment_predictor.h"

#include <algorithm>

#include "models/sentiment/pretrained_vectors.h"

namespace sobremesa::sentiment {

StatusOr<std::vector<std::uint32_t>> TextFeatures(text::TextAnalyzer& analyzer,
                                                  const FeatureOptions& options,
                                                  std::string_view text) {
  ASSIGN_OR_RETURN(text::Tokens tokens, analyzer.Analyze(text));
  std::vector<std::uint32_t> ids;
  HashFeatures(tokens, options, ids);
  return ids;
}

StatusOr<std::unique_ptr<SentimentPredictor>> SentimentPredictor::Create(
    std::shared_ptr<const SentimentModel> model) {
  ASSIGN_OR_RETURN(std::unique_ptr<text::TextAnalyzer> analyzer,
                   text::TextAnalyzer::Create(model->config().language));
  std::vector<std::uint32_t> contrast_ids;
  if (!model->config().sentence_stacker.empty() || !model->config().category_stacker.empty()) {
    contrast_ids = ContrastFeatureIds(*analyzer, model->config().features);
  }
  return std::unique_ptr<SentimentPredictor>(
      new SentimentPredictor(std::move(model), std::move(analyzer), std::move(contrast_ids)));
}

SentimentPredictor::SentimentPredictor(std::shared_ptr<const SentimentModel> model,
                                       std::unique_ptr<text::TextAnalyzer> analyzer,
                                       std::vector<std::uint32_t> contrast_ids)
    : model_(std::move(model)),
      analyzer_(std::move(analyzer)),
      sum_(model_->row_width()),
      hidden_(model_->row_width()),
      contrast_ids_(std::move(contrast_ids)),
      target_read_(DefaultTargetRead(model_->config().language)) {
  if (const CategoryWordView& view = model_->config().category_word_view; !view.empty()) {
    view_sum_.resize(view.width());
    view_max_.resize(view.reader_units);
    view_logits_.resize(model_->config().categories.size());
  }
}

const SentimentPredictor::CachedWord& SentimentPredictor::Word(const text::Token& token) {
  key_.assign(1, static_cast<char>(token.kind));
  key_ += token.text;
  if (const auto it = cache_.find(key_); it != cache_.end()) return it->second;
  if (cache_.size() >= kMaxCachedWords) {
    cache_.clear();
    cache_rows_.clear();
  }
  text::Token stemmed = token;
  if (token.kind == text::TokenKind::kWord) stemmed.text = analyzer_->Stem(token.text);
  const std::uint64_t hash = TokenHash(stemmed.text);
  ids_.clear();
  AppendTokenFeatures(stemmed, hash, model_->config().features, ids_);
  const int width = model_->row_width();
  const std::size_t offset = cache_rows_.size();
  cache_rows_.resize(offset + width, 0.0f);
  float* sum = cache_rows_.data() + offset;
  for (const std::uint32_t id : ids_) {
    const float* row = model_->EmbeddingRow(id);
    for (int d = 0; d < width; ++d) sum[d] += row[d];
  }
  const int view_row =
      view_sum_.empty() ? -1 : model_->WordViewRow(std::string(VectorWord(token)));
  return cache_
      .emplace(key_, CachedWord{offset, static_cast<std::uint32_t>(ids_.size()), hash,
                                HasContrast(ids_, contrast_ids_), view_row})
      .first->second;
}

Status SentimentPredictor::EmbedText(std::string_view text) {
  ASSIGN_OR_RETURN(const text::Tokens tokens, analyzer_->AnalyzeUnstemmed(text));
  const int width = model_->row_width();
  const FeatureOptions& features = model_->config().features;
  std::fill(sum_.begin(), sum_.end(), 0.0f);
  std::size_t count = 0;
  // Words first; bigram rows are scattered over the table, so their loads
  // are all started (prefetched) before the first one is added.
  bigrams_.clear();
  contrast_ = false;
  std::fill(view_sum_.begin(), view_sum_.end(), 0.0f);
  std::fill(view_max_.begin(), view_max_.end(), 0.0f);  // a reader's h_w are >= 0
  view_words_ = 0;
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const CachedWord& word = Word(tokens[i]);
    const float* own = cache_rows_.data() + word.offset;
    for (int d = 0; d < width; ++d) sum_[d] += own[d];
    count += word.count;
    contrast_ |= word.contrast;
    if (word.view_row >= 0) {
      const float* values = model_->WordViewValues(word.view_row);
      for (std::size_t k = 0; k < view_sum_.size(); ++k) view_sum_[k] += values[k];
      for (std::size_t j = 0; j < view_max_.size(); ++j) view_max_[j] = std::max(view_max_[j], values[j]);
      ++view_words_;
    }
    if (i > 0) {
      const std::uint32_t id = BigramFeature(previous, word.hash, features);
      const char* row = reinterpret_cast<const char*>(model_->EmbeddingRow(id));
      for (int byte = 0; byte < width * 4; byte += 64) __builtin_prefetch(row + byte);
      bigrams_.push_back(id);
    }
    previous = word.hash;
  }
  for (const std::uint32_t id : bigrams_) {
    const float* row = model_->EmbeddingRow(id);
    for (int d = 0; d < width; ++d) sum_[d] += row[d];
  }
  count += bigrams_.size();
  features_ = count;
  // The trainer reads a contrast from every feature id (HasContrast), so a
  // bigram hashed to a contrast word's bucket counts here too.
  if (!contrast_ids_.empty()) contrast_ = contrast_ || HasContrast(bigrams_, contrast_ids_);
  model_->EmbedFromSum(sum_.data(), count, hidden_.data());
  return Status::Ok();
}

StatusOr<SentencePrediction> SentimentPredictor::Predict(std::string_view text) {
  RETURN_IF_ERROR(EmbedText(text));
  SentencePrediction prediction;
  const float* view = nullptr;
  if (!view_sum_.empty()) {
    model_->WordViewLogits(view_sum_.data(), view_max_.data(), view_words_, view_logits_.data());
    view = view_logits_.data();
  }
  prediction.categories = model_->Categories(hidden_.data(), {features_, contrast_}, view);
  // What a sentence stacker reads besides the sentence logits; only a
  // model with one pays for it.
  const bool stacker = !model_->config().sentence_stacker.empty();
  SentenceEvidence evidence{.contrast = contrast_};
  for (const int c : prediction.categories) {
    float scores[kPolarities];
    model_->CategoryPolarityScores(hidden_.data(), c, scores);
    if (stacker && view == nullptr) evidence.AddCategory(scores);
    prediction.category_polarities.push_back(
        static_cast<Polarity>(std::max_element(scores, scores + kPolarities) - scores));
  }
  if (stacker && view != nullptr) {
    for (const int c : model_->EvidenceCategories(hidden_.data(), {features_, contrast_})) {
      float scores[kPolarities];
      model_->CategoryPolarityScores(hidden_.data(), c, scores);
      evidence.AddCategory(scores);
    }
  }
  prediction.polarity =
      model_->SentencePolarity(hidden_.data(), prediction.category_polarities, evidence);
  return prediction;
}

StatusOr<Polarity> SentimentPredictor::PredictCategoryPolarity(std::string_view text,
                                                               int category) {
  if (category < 0 || category >= static_cast<int>(model_->config().categories.size())) {
    return Status::InvalidArgument("category index " + std::to_string(category) +
                                   " is not one of the model's");
  }
  RETURN_IF_ERROR(EmbedText(text));
  return model_->CategoryPolarity(hidden_.data(), category);
}

StatusOr<Polarity> SentimentPredictor::PredictCategoryPolarity(std::string_view text,
                                                               int category, TextSpan target) {
  if (target.begin > target.end || target.end > text.size()) {
    return Status::InvalidArgument("target bytes " + std::to_string(target.begin) + ".." +
                                   std::to_string(target.end) + " are not within the text's " +
                                   std::to_string(text.size()));
  }
  // Checks the category and leaves the whole text's hidden vector.
  ASSIGN_OR_RETURN(const Polarity whole, PredictCategoryPolarity(text, category));
  const float share = target_read_.clause_share;
  if (share <= 0.0f) return whole;
  const TextSpan clause = TargetClause(text, target, model_->config().language);
  if (clause == TextSpan{0, text.size()} || !ClauseSaysMore(text, clause, target)) return whole;
  float scores[kPolarities], clause_scores[kPolarities];
  model_->CategoryPolarityScores(hidden_.data(), category, scores);
  RETURN_IF_ERROR(EmbedText(text.substr(clause.begin, clause.end - clause.begin)));
  model_->CategoryPolarityScores(hidden_.data(), category, clause_scores);
  for (int p = 0; p < kPolarities; ++p) {
    scores[p] = (1.0f - share) * scores[p] + share * clause_scores[p];
  }
  return static_cast<Polarity>(std::max_element(scores, scores + kPolarities) - scores);
}

}  // namespace sobremesa::sentiment
