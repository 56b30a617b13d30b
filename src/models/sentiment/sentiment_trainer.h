#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "common/status.h"
#include "models/sentiment/category_vector_reader.h"
#include "models/sentiment/fold_bagging.h"
#include "models/sentiment/pretrained_vectors.h"
#include "models/sentiment/sentence_linear_view.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

// One training sentence, already hashed (TextFeatures).
struct TrainingExample {
  std::vector<std::uint32_t> features;
  std::optional<Polarity> polarity;                // absent: no sentence-level label
  std::vector<int> categories;                     // gold categories, no repeats
  std::vector<std::pair<int, Polarity>> opinions;  // (category, polarity) each
  // False for a sentence labelled in another scheme (SemEval-2014's coarse
  // categories): it teaches no model category, so its empty `categories`
  // is not read as "none of them" and it never scores a threshold fold.
  bool categories_known = true;
  // Categories of that other scheme (indices 0 .. A-1), learnt by an extra
  // head used only in training so the shared embedding also learns what
  // those sentences speak of; empty with categories_known.
  std::vector<int> auxiliary_categories;
  // Indices into TrainingOptions::vectors of the sentence's words that have
  // a pretrained vector (VectorWordIds); read only with those vectors.
  std::vector<std::uint32_t> vector_words;
};

struct TrainingOptions {
  enum class Optimizer {
    kAdagrad,
    // fastText's: plain SGD, the rate falling linearly to 0 over training;
    // learning_rate is then a rate per example (scaled by the batch size).
    kSgd,
  };
  // Defaults chosen on held-out SemEval-2016 training reviews
  // (docs/evaluation/sentiment.md): SGD with summed category losses gained
  // 3.4 (ES) and 1.0 (EN) points of Slot 1 F1 over Adagrad (lr 0.3, 15 epochs).
  Optimizer optimizer = Optimizer::kSgd;
  int epochs = 25;
  float learning_rate = 0.5f;
  // Category loss: summed over categories (fastText's one-vs-all), else
  // averaged, which weighs categories 1/C against the polarity losses in
  // the shared embedding.
  bool sum_category_losses = true;
  int batch_size = 16;
  std::uint64_t seed = 20160101;
  // Category thresholds are chosen on out-of-fold scores of this many
  // folds of the examples (each fold scored by a fit on the others) before
  // the final fit on all of them; below 2 the config's thresholds stay.
  int threshold_folds = 4;
  // With threshold_folds < 2: the share of the examples held out once to
  // choose the thresholds (the previous scheme); 0 keeps the config's.
  double threshold_holdout = 0.0;
  // One threshold a category (else one for all), for categories with at
  // least this many positive examples; the others keep the shared one.
  bool per_category_thresholds = true;
  int min_positives_for_own_threshold = 8;
  // Also choose SentimentModelConfig::category_fallback on the same
  // out-of-fold scores (kept 0 unless it raises their micro-F1).
  bool category_fallback = true;
  // Candidates for SentimentModelConfig::sentence_source: with several,
  // the one scoring the highest accuracy + macro-F1 on the threshold
  // folds' out-of-fold predictions (ties and no folds: the first).
  std::vector<SentenceSource> sentence_sources = {SentenceSource::kHead};
  // Sentence-polarity loss weight of each class: (n / (3 n_class))^this
  // over the examples' sentence polarities (0: unweighted; 1: balanced),
  // for macro-F1's sake of the rarer neutral and negative sentences.
  float sentence_class_balance = 0.0f;
  // Candidate fits of the second view of sentence polarity
  // (sentence_linear_view.h) and candidate weights of its logits added to
  // the sentence head's: the (fit, weight) whose sentence polarities score
  // the highest accuracy + macro-F1 on the threshold folds' out-of-fold
  // predictions is kept (SentimentModelConfig::sentence_wide), unless no
  // view at all scores as high. Empty (or no folds): no view. Defaults
  // (NB-scaled and plain, weights 0.5-2) measured on five held-out splits
  // of the Spanish and English training reviews (docs/evaluation/sentiment.md).
  std::vector<SentenceViewOptions> sentence_views = {
      SentenceViewOptions{}, SentenceViewOptions{.naive_bayes = false}};
  std::vector<float> sentence_view_weights = {0.5f, 1.0f, 2.0f};
  // False: the lexicon bin features' rows of the sentence head's own
  // embedding (config.sentence_dim > 0) stay at 0 (no gradient), so the
  // lexicon reaches polarity through the shared embedding only and the
  // sentence head reads what it would without a lexicon (but for the mean
  // counting those features).
  bool lexicon_in_sentence_head = true;
  // The served sentence logits: the final fit's, or the mean of the
  // threshold folds' fits (fold_bagging.h); without folds, the final
  // fit's. With offsets on the negative and neutral logits chosen on the
  // folds' out-of-fold predictions (ChooseLogitOffsets; false: none).
  // Off here; the evaluation and the product turn both on for Spanish
  // (selection/sentiment/semeval_training.h, DefaultSentenceBagging).
  SentenceBagging sentence_bagging = SentenceBagging::kNone;
  bool sentence_offsets = false;
  // Whether a sentence stacker (sentence_stacker.h) is a candidate: fitted
  // on the threshold folds' out-of-fold predictions and kept when
  // cross-fitting over those folds beats the sentence logits alone; only
  // with the kHead sentence source. Off here; the evaluation and the
  // product turn it on for Spanish and English (DefaultSentenceStacker in
  // selection/sentiment/semeval_training.h).
  bool sentence_stacker = false;
  // Whether a category stacker (category_stacker.h) is a candidate: fitted
  // on the threshold folds' out-of-fold predictions, the thresholds and
  // the fallback chosen again on its cross-fitted scores, and kept when
  // that scores a higher micro-F1 than the first stage, both with
  // thresholds chosen on the other folds (nested). Off here
  // (DefaultCategoryStacker in selection/sentiment/semeval_training.h).
  bool category_stacker = false;
  // The served category logits (head + wide part): the final fit's, or the
  // mean of the threshold folds' fits, whose out-of-fold scores chose the
  // thresholds and the fallback (fold_bagging.h); without folds, the final
  // fit's. Off here; the evaluation and the product turn it on
  // (selection/sentiment/semeval_training.h, DefaultCategoryBagging).
  FoldBagging category_bagging = FoldBagging::kNone;
  // The same for the category-polarity head (Slot 3), the Slot 3 blend
  // (category_polarity_blend.h) added to the bag as it was to the head
  // (DefaultCategoryPolarityBagging).
  FoldBagging category_polarity_bagging = FoldBagging::kNone;
  // Slot 3 from more than the category-polarity head
  // (category_polarity_blend.h): candidate weights of the sentence's
  // polarity logits and of an opinion view's (a fit of
  // `category_polarity_view` on every opinion) added to each category's
  // polarity logits; the pair getting the most gold opinions right on the
  // threshold folds' out-of-fold predictions is kept (0: that part not at
  // all). Empty (or no folds): none.
  std::vector<float> category_polarity_sentence_weights = {0.25f, 0.5f, 1.0f};
  std::vector<float> category_polarity_view_weights = {0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
  SentenceViewOptions category_polarity_view;
  // Whether the opinion view reads the auxiliary sentences' neutral
  // opinions (FitOpinionView). No: SemEval-2014's are 19 % of its opinions
  // (its "conflict" read as neutral) against 4 % in SemEval-2016 English,
  // and with them the English view called 64 held-out opinions neutral that
  // were not, for 23 neutral ones found; without them English Slot 3 rose
  // from 80.05 to 80.68 over five held-out splits
  // (docs/evaluation/sentiment.md, "English Slot 3: ...").
  bool opinion_view_auxiliary_neutral = false;
  // Pretrained word vectors (pretrained_vectors.h) for a category vector
  // view (category_vector_view.h), and candidate weights of its logits
  // added to the category logits: the weight whose scores, with thresholds
  // chosen on the other folds, score the highest micro-F1 on the threshold
  // folds' out-of-fold predictions is kept, unless no view scores as high
  // (SentimentModelConfig::category_word_view). Null (or no folds): none.
  std::shared_ptr<const PretrainedVectors> vectors;
  std::vector<float> category_vector_view_weights = {0.25f, 0.5f, 1.0f, 2.0f};
  // Max-pooled readers of the same vectors (category_vector_reader.h),
  // candidates beside the linear view: each is fitted on every threshold
  // fold, and the one candidate (view or reader) and weight of
  // category_vector_view_weights with the highest nested micro-F1 is
  // served. Empty: the linear view alone.
  std::vector<VectorReaderOptions> category_vector_readers;
  int threads = 1;  // LibTorch intra-op threads
  // Members of an ensemble (seeds seed, seed + 1, ...) trained for the
  // final model; their averaged logits are one model of dim x ensemble
  // (sentiment_trainer.cc). Thresholds come from single-member folds.
  int ensemble = 1;
  // Weight of the auxiliary-category loss (summed over its categories like
  // the main one) against the others.
  float auxiliary_weight = 1.0f;
};

// Trains the model of sentiment_model.h with LibTorch: an EmbeddingBag
// (mean, sparse gradients) and three linear heads (plus, in training only,
// one for auxiliary categories), options.optimizer, the sum of softmax
// cross-entropy (sentence polarity; per-opinion category polarity) and
// sigmoid cross-entropy (categories of examples with categories_known, plus
// the wide part when config.wide_categories; auxiliary categories of the
// others). The category thresholds in `config` are replaced
// by those maximising micro-F1 on out-of-fold scores (threshold_folds);
// then the model is refit on all examples.
// InvalidArgument for no examples, no categories, a feature id outside
// the buckets, or an example with categories of the scheme it is not in; Internal for a LibTorch
// failure (its message included).
StatusOr<std::unique_ptr<SentimentModel>> TrainSentimentModel(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options);

}  // namespace sobremesa::sentiment
