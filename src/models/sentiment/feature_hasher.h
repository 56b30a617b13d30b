#pragma once

#include <cstdint>
#include <vector>

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
};

// Appends the bucket ids of `tokens` to `ids` (cleared first). Ids are in
// [0, buckets). Pure function of its inputs; thread-safe.
void HashFeatures(const text::Tokens& tokens, const FeatureOptions& options,
                  std::vector<std::uint32_t>& ids);

}  // namespace sobremesa::sentiment
