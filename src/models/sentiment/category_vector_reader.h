#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "models/sentiment/category_vector_view.h"
#include "models/sentiment/pretrained_vectors.h"

namespace sobremesa::sentiment {

struct TrainingExample;  // sentiment_trainer.h

// A non-linear reader of a sentence's pretrained word vectors for the
// categories (SWEM-max / SWEM-concat, Shen et al. 2018, "Baseline Needs
// More Love"; close to a one-word convolution): each word w becomes
// h_w = ReLU(W x_w + b) (`units` floats; x_w its vector, fixed), the
// sentence is the largest h_w of its words unit by unit (then, with
// `with_mean`, their mean beside it), and a linear layer gives the C
// category logits. The linear view (category_vector_view.h) reads only the
// mean vector, where one strong word ("sashimi") is diluted by the rest.
struct VectorReaderOptions {
  int units = 64;
  bool with_mean = false;
  float dropout = 0.0f;  // on the pooled features, in training
  int epochs = 20;
  float learning_rate = 1e-3f;  // Adam
  int batch_size = 32;
};

// A reader's options from "POOLING:UNITS[:DROPOUT[:EPOCHS]]", POOLING
// `max` or `max+mean` ("max:64", "max+mean:128:0.2:30"); InvalidArgument
// naming the spec when it is not one.
StatusOr<VectorReaderOptions> ParseVectorReader(std::string_view spec);
// The spec ParseVectorReader reads back as `options`.
std::string VectorReaderSpec(const VectorReaderOptions& options);

struct CategoryVectorReader {
  int dims = 0;
  int units = 0;
  bool with_mean = false;
  std::vector<float> hidden;  // units x dims, then units biases
  std::vector<float> output;  // C x pooled(), then C biases

  int pooled() const { return with_mean ? 2 * units : units; }
  int categories() const {
    return units == 0 ? 0 : static_cast<int>(output.size()) / (pooled() + 1);
  }
  // h_w of the word with vector `x` (dims floats) into `h` (units floats).
  void Hidden(const float* x, float* h) const;
  // Every category's logit of a sentence whose words with a vector are
  // `ids` (none: the biases alone), into `logits`.
  void Logits(const PretrainedVectors& vectors, const std::vector<std::uint32_t>& ids,
              float* logits) const;
};

// Fits a reader with LibTorch on the examples of `data` with
// categories_known (their vector_words): Adam, sigmoid cross-entropy a
// category, mini-batches in an order drawn from `seed`. All zeros when
// there is no such example. Throws what LibTorch throws (the trainer's
// boundary turns it into a Status).
CategoryVectorReader FitCategoryVectorReader(const std::vector<const TrainingExample*>& data,
                                             const PretrainedVectors& vectors, int categories,
                                             const VectorReaderOptions& options,
                                             std::uint64_t seed);

// The reader as served: every word of `vectors` with its h_w (no vector),
// the output layer and biases times `weight` (CategoryWordView's reader
// fields).
CategoryWordView FoldCategoryVectorReader(const CategoryVectorReader& reader,
                                          const PretrainedVectors& vectors, float weight);

}  // namespace sobremesa::sentiment
