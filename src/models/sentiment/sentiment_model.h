#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "models/sentiment/category_stacker.h"
#include "models/sentiment/category_vector_view.h"
#include "models/sentiment/feature_hasher.h"
#include "models/sentiment/polarity.h"
#include "models/sentiment/sentence_stacker.h"
#include "text/language.h"

namespace sobremesa::sentiment {

// Where a sentence's polarity comes from (stored as u32 in the model file).
enum class SentenceSource : std::uint32_t {
  kHead = 0,  // the sentence head
  // The detected categories' polarities by SemEval's gold rule (all agree:
  // theirs; they disagree: neutral); the head when none is detected.
  kCategories = 1,
  // The head, but neutral when the detected categories hold both a
  // positive and a negative polarity (a mixed sentence).
  kHeadOrMixed = 2,
};
inline constexpr std::uint32_t kSentenceSources = 3;

// Shape and settings fixed when a model is trained.
struct SentimentModelConfig {
  text::Language language = text::Language::kSpanish;
  FeatureOptions features;
  int dim = 64;
  // Aspect categories in output order ("FOOD#QUALITY", ...).
  std::vector<std::string> categories;
  // A category is detected when its sigmoid probability reaches this...
  float category_threshold = 0.5f;
  // ...or, when not empty, the threshold of its own (same order as
  // `categories`): Slot 1 F1 is sensitive to each category's threshold
  // and rare categories need lower ones.
  std::vector<float> category_thresholds;
  // When no category reaches its threshold, the most probable one is still
  // detected if its probability reaches this (0: never). Most SemEval
  // sentences speak of at least one category.
  float category_fallback = 0.0f;
  // Where the sentence polarity is read (SentimentModel::SentencePolarity);
  // chosen by the trainer on out-of-fold predictions
  // (TrainingOptions::sentence_sources).
  SentenceSource sentence_source = SentenceSource::kHead;
  // Each feature also carries one weight per category ("wide" part, as in
  // a linear bag-of-n-grams classifier), averaged like the embedding and
  // added to the category scores: decisive words ("camarero", "precio")
  // need not share the dim-sized embedding with the polarity heads.
  bool wide_categories = false;
  // When > 0, the category head reads an embedding of its own, this wide,
  // instead of sharing the polarity heads' (fastText trains one model a
  // task; sharing lets polarity gradients crowd out the category signal).
  int category_dim = 0;
  // When > 0, the sentence-polarity head likewise reads an embedding of its
  // own, this wide (the category-polarity head keeps the shared one).
  int sentence_dim = 0;
  // Each feature also carries one weight a polarity, averaged like the
  // embedding and added to the sentence head's logits: a second, full-rank
  // linear view of sentence polarity (sentence_linear_view.h), trained on
  // its own and weighted out of fold by the trainer.
  bool sentence_wide = false;
  // The sentence's polarity logits (SentenceScores: head plus view) times
  // this are added to each category's polarity logits (0: not); chosen out
  // of fold by the trainer (TrainingOptions::category_polarity_sentence_weights).
  float category_polarity_sentence_weight = 0.0f;
  // Each feature also carries one weight a polarity, averaged like the
  // embedding and added to every category's polarity logits: the opinion
  // view of category_polarity_blend.h, trained on its own and weighted out
  // of fold by the trainer.
  bool category_polarity_wide = false;
  // The sentence stacker's weights (sentence_stacker.h; kStackerWeights
  // floats), which then decide the sentence head's polarity from its
  // logits and the SentenceEvidence; empty: the largest logit. Chosen out
  // of fold by the trainer (TrainingOptions::sentence_stacker).
  std::vector<float> sentence_stacker;
  // Each feature also carries 3 weights a category (category-major), at the
  // end of the row, added to that category's polarity logits: a bag of
  // category-polarity heads folded into the rows (fold_bagging.h), the
  // head's own weights then 0.
  bool category_polarity_folded = false;
  // The category stacker's weights (category_stacker.h;
  // CategoryStackerWeights(C) floats), whose logits then replace the
  // category logits before the thresholds and the fallback (which were
  // chosen on its out-of-fold scores); empty: none. Chosen out of fold by
  // the trainer (TrainingOptions::category_stacker).
  std::vector<float> category_stacker;
  // The category vector view as served (category_vector_view.h): C floats
  // a word of the pretrained vectors, whose mean over a sentence's known
  // words plus the biases is added to the category logits (before a
  // category stacker); empty: none. Chosen out of fold by the trainer
  // (TrainingOptions::category_vector_view_weights).
  CategoryWordView category_word_view;
};

// A sentence's polarity by `source` from its sentence head's polarity and
// its detected categories' polarities.
Polarity SentencePolarityOf(SentenceSource source, Polarity head,
                            const std::vector<Polarity>& category_polarities);

// Which categories a sentence speaks of, given every category's logit:
// those reaching their threshold (config.category_thresholds, else the
// shared one); if none, the most probable one when it reaches
// config.category_fallback. Shared by the model and the trainer's
// out-of-fold choices.
class CategoryDetector {
 public:
  explicit CategoryDetector(const SentimentModelConfig& config);
  std::vector<int> Detect(const std::vector<float>& scores) const;

 private:
  // logit(threshold) of each category: sigmoid(s) >= t <=> s >= logit(t).
  std::vector<float> threshold_logits_;
  float fallback_logit_;  // +inf when category_fallback is 0
};

// What the model says about one sentence.
struct SentencePrediction {
  Polarity polarity = Polarity::kNeutral;
  std::vector<int> categories;  // indices into config().categories
  // The polarity of each detected category, parallel to `categories`.
  std::vector<Polarity> category_polarities;
};

// A fastText-style sentiment model: the mean of the embeddings of a
// sentence's hashed features (feature_hasher.h) feeds three linear heads:
// sentence polarity (softmax), aspect categories (one sigmoid each,
// multi-label) and the polarity of each category (a softmax per category).
// Weights are plain float arrays read without LibTorch, so inference costs
// a few thousand multiply-adds and no allocation beyond the caller's
// scratch. Immutable after construction; share it between threads.
class SentimentModel {
 public:
  // Row-major weights; sizes must match `config` (checked by Create).
  struct Weights {
    // buckets x row_width(): dim, category_dim, sentence_dim, then C if
    // wide, then 3 if sentence_wide, then 3 if category_polarity_wide, then
    // 3C if category_polarity_folded
    std::vector<float> embedding;
    std::vector<float> polarity;           // 3 x (sentence_dim or dim), then 3 biases
    std::vector<float> category;           // C x (category_dim or dim), then C biases
    std::vector<float> category_polarity;  // 3C x dim, then 3C biases
  };

  // InvalidArgument if the weight sizes do not match the config.
  static StatusOr<std::unique_ptr<SentimentModel>> Create(SentimentModelConfig config,
                                                          Weights weights);

  const SentimentModelConfig& config() const { return config_; }
  int dim() const { return config_.dim; }
  // Floats of one embedding row and of `hidden`: dim, category_dim,
  // sentence_dim, plus one a category when the model has the wide part,
  // plus one a polarity with the sentence-wide part, plus one a polarity
  // with the category-polarity wide part, plus one a polarity and category
  // with the folded category-polarity part. dim may be 0 when every head is
  // folded or reads its own embedding (fold_bagging.h).
  int row_width() const { return row_width_; }

  // hidden (size row_width) = mean embedding row of `ids`; zeros when `ids`
  // is empty.
  void Embed(const std::vector<std::uint32_t>& ids, float* hidden) const;
  // The same from the sum of rows of `count` features (callers that cache
  // per-word sums, sentiment_predictor.cc).
  void EmbedFromSum(const float* sum, std::size_t count, float* hidden) const;
  // Row `id` of the embedding (row_width floats).
  const float* EmbeddingRow(std::uint32_t id) const {
    return weights_.embedding.data() + static_cast<std::size_t>(id) * row_width_;
  }
  // The sentence head's logits (with the sentence-wide part's), one a
  // polarity, into `scores`.
  void SentenceScores(const float* hidden, float* scores) const;
  // The sentence head's polarity: the largest of SentenceScores.
  Polarity SentencePolarity(const float* hidden) const;
  // The sentence's polarity given the polarities of its detected
  // categories, as config().sentence_source says; with a sentence stacker
  // the head's polarity is the stacker's, which also reads `evidence`
  // (SentimentPredictor::Predict fills it in).
  Polarity SentencePolarity(const float* hidden, const std::vector<Polarity>& category_polarities,
                            const SentenceEvidence& evidence = {}) const;
  // Categories whose probability reaches their threshold; if none, the
  // most probable one when it reaches config().category_fallback.
  // With a category stacker, its logits decide, which also read the
  // sentence logits and `facts` (SentimentPredictor::Predict fills them in).
  // `word_view`: the category word view's logits (WordViewLogits), added
  // first; null without one.
  std::vector<int> Categories(const float* hidden, const SentenceFacts& facts = {},
                              const float* word_view = nullptr) const;
  // The categories the sentence stacker's evidence reads: with a category
  // word view, those detected without it, with its evidence thresholds and
  // fallback (category_vector_view.h; no category stacker); without one,
  // Categories(hidden, facts).
  std::vector<int> EvidenceCategories(const float* hidden, const SentenceFacts& facts = {}) const;
  // The category word view's row of `word` (VectorWord of a token), or -1
  // (also when the model has no view).
  int WordViewRow(const std::string& word) const;
  // Its width() floats (C for the linear view, a reader's h_w).
  const float* WordViewValues(int row) const {
    const CategoryWordView& view = config_.category_word_view;
    return view.values.data() + static_cast<std::size_t>(row) * view.width();
  }
  // The view's logits (C floats) from the sum and unit-wise largest of
  // `count` words' values (CategoryWordView::Logits), into `logits`.
  void WordViewLogits(const float* sum, const float* max, std::size_t count, float* logits) const {
    config_.category_word_view.Logits(sum, max, count, logits);
  }
  // Logit of `category` (used to choose thresholds).
  float CategoryScore(const float* hidden, int category) const;
  // The polarity logits of `category` (with the sentence's, weighted by
  // config().category_polarity_sentence_weight, and the category-polarity
  // wide part's), one a polarity, into `scores`.
  void CategoryPolarityScores(const float* hidden, int category, float* scores) const;
  // The largest of CategoryPolarityScores.
  Polarity CategoryPolarity(const float* hidden, int category) const;

  // Writes the model in the format of docs/evaluation/sentiment.md
  // (magic "SBMSENT1", version, config, arrays). Internal on I/O failure.
  Status Save(const std::string& path) const;
  // NotFound if `path` does not exist; InvalidArgument naming the problem
  // if it is not a model file, has another version, or is truncated.
  static StatusOr<std::unique_ptr<SentimentModel>> Load(const std::string& path);

 private:
  SentimentModel(SentimentModelConfig config, Weights weights);
  // Row `row` of a head stored as rows x dim weights then rows biases.
  float Score(const std::vector<float>& head, int rows, int row, const float* hidden,
              int width) const;

  const SentimentModelConfig config_;
  const Weights weights_;
  const int row_width_;
  const CategoryDetector detector_;
  const CategoryDetector evidence_detector_;  // detector_ unless a word view
  std::unordered_map<std::string, int> word_view_rows_;  // config_.category_word_view's words
};

}  // namespace sobremesa::sentiment
