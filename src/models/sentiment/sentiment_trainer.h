#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "common/status.h"
#include "models/sentiment/sentiment_model.h"

namespace sobremesa::sentiment {

// One training sentence, already hashed (TextFeatures).
struct TrainingExample {
  std::vector<std::uint32_t> features;
  std::optional<Polarity> polarity;                // absent: no sentence-level label
  std::vector<int> categories;                     // gold categories, no repeats
  std::vector<std::pair<int, Polarity>> opinions;  // (category, polarity) each
};

struct TrainingOptions {
  int epochs = 15;
  float learning_rate = 0.3f;  // Adagrad
  int batch_size = 16;
  std::uint64_t seed = 20160101;
  // Share of the examples held out to choose the category threshold
  // before the final fit on all examples.
  double threshold_holdout = 0.15;
  int threads = 1;  // LibTorch intra-op threads
};

// Trains the model of sentiment_model.h with LibTorch: an EmbeddingBag
// (mean, sparse gradients) and three linear heads, Adagrad, the sum of
// softmax cross-entropy (sentence polarity; per-opinion category
// polarity) and sigmoid cross-entropy (categories). The category threshold
// in `config` is replaced by the one maximising micro-F1 on a held-out
// share of `examples`; then the model is refit on all of them.
// InvalidArgument for no examples, no categories, or a feature id outside
// the buckets; Internal for a LibTorch failure (its message included).
StatusOr<std::unique_ptr<SentimentModel>> TrainSentimentModel(
    SentimentModelConfig config, const std::vector<TrainingExample>& examples,
    const TrainingOptions& options);

}  // namespace sobremesa::sentiment
