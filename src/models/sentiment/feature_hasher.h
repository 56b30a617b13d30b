#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "text/sentiment_lexicon.h"
#include "text/token.h"

namespace sobremesa::sentiment {

// Which hashed features a text contributes (fastText's recipe): every
// token, every pair of adjacent tokens, and the character n-grams of each
// word wrapped as "<word>" (so "salad" also informs "salads", and
// misspellings share most of their n-grams with the right word).
struct FeatureOptions {
  std::uint32_t buckets = 1u << 18;
  int min_char_ngram = 3;
  int max_char_ngram = 5;  // 0 disables character n-grams
  // A word marked negated ("neg:mal") also adds the plain word, and its
  // n-grams are those of the plain word (what it speaks of does not change).
  bool negated_words_add_plain = true;
  // When set, a word whose stem the lexicon holds also adds the feature of
  // its bin ("lex:+2"; "neg:lex:+2" when the word is negated, so the model
  // learns what a denied "bueno" means rather than being told): a dozen
  // features shared by thousands of words, trained by every SemEval word
  // the lexicon knows and carried to the words SemEval never used.
  std::shared_ptr<const text::SentimentLexicon> lexicon;
};

// Appends the bucket ids of `tokens` to `ids` (cleared first). Ids are in
// [0, buckets). Pure function of its inputs; thread-safe. The same as, a
// token, TokenHash + AppendTokenFeatures, then BigramFeature with the
// previous token's hash.
void HashFeatures(const text::Tokens& tokens, const FeatureOptions& options,
                  std::vector<std::uint32_t>& ids);

// 64-bit hash of a token's text (bigrams combine two of these).
std::uint64_t TokenHash(std::string_view text);
// Appends the features of one token alone: itself, its character n-grams
// if it is a word, and its lexicon bin if the lexicon holds it.
void AppendTokenFeatures(const text::Token& token, std::uint64_t hash,
                         const FeatureOptions& options, std::vector<std::uint32_t>& ids);
// Bucket ids of every lexicon bin feature ("lex:-3" ... "neg:lex:+3"),
// sorted, without repeats; empty without a lexicon. The trainer keeps
// these rows out of the sentence head's own embedding
// (TrainingOptions::lexicon_in_sentence_head).
std::vector<std::uint32_t> LexiconFeatureIds(const FeatureOptions& options);
// The feature of two adjacent tokens, from their TokenHash.
std::uint32_t BigramFeature(std::uint64_t previous, std::uint64_t current,
                            const FeatureOptions& options);

}  // namespace sobremesa::sentiment
