#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentiment_model.h"
#include "models/sentiment/target_clause.h"
#include "text/text_analyzer.h"

namespace sobremesa::sentiment {

// One caller's view of a shared SentimentModel: owns the scratch state
// (text analyzer with its stemmer, feature ids, hidden vector, word cache),
// so each thread makes its own predictor and no lock is needed.
//
// Speed: a word's own features (itself and its character n-grams) always
// add up to the same embedding sum, so the predictor keeps that sum, and
// the word's stem hash, a distinct word it has met (up to kMaxCachedWords,
// then it starts again). A sentence then costs its tokenisation, one
// lookup and one row-add a word, and one row a bigram; stemming and
// n-gram hashing happen once a word. Results are those of
// SentimentModel::Embed on TextFeatures up to float rounding.
class SentimentPredictor {
 public:
  static constexpr std::size_t kMaxCachedWords = 1 << 15;

  // NotFound if the model's language has no text analyzer.
  static StatusOr<std::unique_ptr<SentimentPredictor>> Create(
      std::shared_ptr<const SentimentModel> model);

  // Errors of TextAnalyzer::Analyze (invalid UTF-8, too long). Empty text
  // predicts from the biases alone.
  StatusOr<SentencePrediction> Predict(std::string_view text);
  // The polarity of `category` (index into the model's categories) in `text`.
  StatusOr<Polarity> PredictCategoryPolarity(std::string_view text, int category);
  // The same for the opinion whose target is `target` (SemEval's phase B
  // gives it; a linked menu item is one): the sentence's logits blended
  // with those of the clause the target sits in, as target_read() says
  // (target_clause.h). InvalidArgument if `target` is not within `text`.
  StatusOr<Polarity> PredictCategoryPolarity(std::string_view text, int category,
                                             TextSpan target);
  // DefaultTargetRead of the model's language unless set.
  const TargetRead& target_read() const { return target_read_; }
  void set_target_read(const TargetRead& read) { target_read_ = read; }

 private:
  // Sum of one token's feature rows (offset into cache_rows_), how many
  // features, and the hash its bigrams use.
  struct CachedWord {
    std::size_t offset;
    std::uint32_t count;
    std::uint64_t hash;
    bool contrast;  // one of its features is a contrast word's (sentence_stacker.h)
    int view_row;   // its row of the model's category word view, or -1
  };

  SentimentPredictor(std::shared_ptr<const SentimentModel> model,
                     std::unique_ptr<text::TextAnalyzer> analyzer,
                     std::vector<std::uint32_t> contrast_ids);
  Status EmbedText(std::string_view text);
  const CachedWord& Word(const text::Token& token);

  std::shared_ptr<const SentimentModel> model_;
  std::unique_ptr<text::TextAnalyzer> analyzer_;
  std::vector<std::uint32_t> ids_;      // one word's features (Word)
  std::vector<std::uint32_t> bigrams_;  // one text's bigram features
  std::vector<float> sum_, hidden_;
  std::string key_;
  std::unordered_map<std::string, CachedWord> cache_;  // key: kind byte + token text
  std::vector<float> cache_rows_;
  // With a sentence or category stacker: the contrast words' feature ids (sorted), and
  // whether the text EmbedText last read has one of them.
  std::vector<std::uint32_t> contrast_ids_;
  bool contrast_ = false;
  TargetRead target_read_;
  std::size_t features_ = 0;  // how many features EmbedText last read (SentenceFacts)
  // With a category word view: the sum (and, for a reader, the unit-wise
  // largest) of the values of the words EmbedText last read that the view
  // knows, how many, and their logits.
  std::vector<float> view_sum_, view_max_, view_logits_;
  std::size_t view_words_ = 0;
};

// Hashed features of `text` for a model with `config`, without a trained
// model (the trainer's input). Same errors as SentimentPredictor::Predict.
StatusOr<std::vector<std::uint32_t>> TextFeatures(text::TextAnalyzer& analyzer,
                                                  const FeatureOptions& options,
                                                  std::string_view text);

}  // namespace sobremesa::sentiment
