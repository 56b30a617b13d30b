#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/status.h"
#include "models/sentiment/feature_hasher.h"
#include "models/sentiment/polarity.h"
#include "text/language.h"

namespace sobremesa::sentiment {

// Shape and settings fixed when a model is trained.
struct SentimentModelConfig {
  text::Language language = text::Language::kSpanish;
  FeatureOptions features;
  int dim = 64;
  // Aspect categories in output order ("FOOD#QUALITY", ...).
  std::vector<std::string> categories;
  // A category is detected when its sigmoid probability reaches this.
  float category_threshold = 0.5f;
};

// What the model says about one sentence.
struct SentencePrediction {
  Polarity polarity = Polarity::kNeutral;
  std::vector<int> categories;  // indices into config().categories
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
    std::vector<float> embedding;          // buckets x dim
    std::vector<float> polarity;           // 3 x dim, then 3 biases
    std::vector<float> category;           // C x dim, then C biases
    std::vector<float> category_polarity;  // 3C x dim, then 3C biases
  };

  // InvalidArgument if the weight sizes do not match the config.
  static StatusOr<std::unique_ptr<SentimentModel>> Create(SentimentModelConfig config,
                                                          Weights weights);

  const SentimentModelConfig& config() const { return config_; }
  int dim() const { return config_.dim; }

  // hidden (size dim) = mean embedding of `ids`; zeros when `ids` is empty.
  void Embed(const std::vector<std::uint32_t>& ids, float* hidden) const;
  Polarity SentencePolarity(const float* hidden) const;
  // Categories whose probability reaches config().category_threshold.
  std::vector<int> Categories(const float* hidden) const;
  // The same at another threshold in (0, 1) (used to choose the threshold).
  std::vector<int> CategoriesAt(const float* hidden, float threshold) const;
  Polarity CategoryPolarity(const float* hidden, int category) const;

  // Writes the model in the format of docs/evaluation/sentiment.md
  // (magic "SBMSENT1", version, config, arrays). Internal on I/O failure.
  Status Save(const std::string& path) const;
  // NotFound if `path` does not exist; InvalidArgument naming the problem
  // if it is not a model file, has another version, or is truncated.
  static StatusOr<std::unique_ptr<SentimentModel>> Load(const std::string& path);

 private:
  SentimentModel(SentimentModelConfig config, Weights weights)
      : config_(std::move(config)), weights_(std::move(weights)) {}
  // Row `row` of a head stored as rows x dim weights then rows biases.
  float Score(const std::vector<float>& head, int rows, int row, const float* hidden) const;

  const SentimentModelConfig config_;
  const Weights weights_;
};

}  // namespace sobremesa::sentiment
