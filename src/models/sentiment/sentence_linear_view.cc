#include "models/sentiment/sentence_linear_view.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <utility>

#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::sentiment {
namespace {

// One sentence as the view reads it: distinct features with their share
// of the sentence's features (count / n, the embedding's mean), and the class.
struct SparseSentence {
  std::vector<std::pair<std::uint32_t, float>> features;
  int polarity = 0;
};

SparseSentence Sparse(const TrainingExample& e) {
  std::vector<std::uint32_t> ids = e.features;
  std::sort(ids.begin(), ids.end());
  SparseSentence s;
  s.polarity = static_cast<int>(*e.polarity);
  const float share = 1.0f / static_cast<float>(ids.size());
  for (const std::uint32_t id : ids) {
    if (!s.features.empty() && s.features.back().first == id) {
      s.features.back().second += share;
    } else {
      s.features.emplace_back(id, share);
    }
  }
  return s;
}

// r[f * 3 + c]: log-count ratio of feature f's presence in sentences of
// class c against those of the other classes, add-one smoothed over the
// features seen (Wang & Manning's r, one class against the rest).
std::vector<float> NaiveBayesRatios(const std::vector<SparseSentence>& sentences,
                                    std::uint32_t buckets) {
  std::vector<float> present(static_cast<std::size_t>(buckets) * kPolarities, 0.0f);
  std::vector<char> seen(buckets, 0);
  for (const SparseSentence& s : sentences) {
    for (const auto& [id, share] : s.features) {
      present[static_cast<std::size_t>(id) * kPolarities + s.polarity] += 1.0f;
      seen[id] = 1;
    }
  }
  const double features = static_cast<double>(std::count(seen.begin(), seen.end(), 1));
  std::array<double, kPolarities> total{};
  for (std::size_t i = 0; i < present.size(); ++i) total[i % kPolarities] += present[i];
  const double all = total[0] + total[1] + total[2];
  std::vector<float> r(present.size(), 0.0f);
  for (std::uint32_t f = 0; f < buckets; ++f) {
    if (!seen[f]) continue;
    const float* p = present.data() + static_cast<std::size_t>(f) * kPolarities;
    const double sum = p[0] + p[1] + p[2];
    for (int c = 0; c < kPolarities; ++c) {
      const double in = (1.0 + p[c]) / (features + total[c]);
      const double out = (1.0 + sum - p[c]) / (features + all - total[c]);
      r[static_cast<std::size_t>(f) * kPolarities + c] = static_cast<float>(std::log(in / out));
    }
  }
  return r;
}

}  // namespace

std::array<float, kPolarities> SentenceView::Logits(const std::vector<std::uint32_t>& ids) const {
  std::array<float, kPolarities> logits{};
  for (const std::uint32_t id : ids) {
    for (int c = 0; c < kPolarities; ++c) {
      logits[c] += weights[static_cast<std::size_t>(id) * kPolarities + c];
    }
  }
  const float scale = ids.empty() ? 0.0f : 1.0f / static_cast<float>(ids.size());
  for (int c = 0; c < kPolarities; ++c) logits[c] = logits[c] * scale + bias[c];
  return logits;
}

SentenceView FitSentenceView(const std::vector<const TrainingExample*>& data,
                             std::uint32_t buckets, const SentenceViewOptions& options) {
  std::vector<SparseSentence> sentences;
  for (const TrainingExample* e : data) {
    if (e->polarity && !e->features.empty()) sentences.push_back(Sparse(*e));
  }
  const std::size_t size = static_cast<std::size_t>(buckets) * kPolarities;
  SentenceView view{std::vector<float>(size, 0.0f), {}};
  if (sentences.empty()) return view;
  const std::vector<float> scale =
      options.naive_bayes ? NaiveBayesRatios(sentences, buckets) : std::vector<float>(size, 1.0f);
  // Adagrad on theta (view weight = scale * theta) and the biases.
  std::vector<float> theta(size, 0.0f), squares(size, 0.0f);
  std::array<float, kPolarities> bias_squares{};
  std::vector<std::size_t> order(sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(options.seed);
  const float lr = options.learning_rate;
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    for (const std::size_t i : order) {
      const SparseSentence& s = sentences[i];
      std::array<float, kPolarities> logits = view.bias;
      for (const auto& [id, share] : s.features) {
        const std::size_t row = static_cast<std::size_t>(id) * kPolarities;
        for (int c = 0; c < kPolarities; ++c) logits[c] += share * scale[row + c] * theta[row + c];
      }
      const float top = *std::max_element(logits.begin(), logits.end());
      float z = 0.0f;
      for (float& l : logits) z += (l = std::exp(l - top));
      std::array<float, kPolarities> error{};  // softmax - one-hot
      for (int c = 0; c < kPolarities; ++c) error[c] = logits[c] / z - (c == s.polarity);
      for (const auto& [id, share] : s.features) {
        const std::size_t row = static_cast<std::size_t>(id) * kPolarities;
        for (int c = 0; c < kPolarities; ++c) {
          const std::size_t k = row + c;
          const float g = error[c] * share * scale[k] + options.l2 * theta[k];
          squares[k] += g * g;
          theta[k] -= lr * g / (std::sqrt(squares[k]) + 1e-8f);
        }
      }
      for (int c = 0; c < kPolarities; ++c) {
        bias_squares[c] += error[c] * error[c];
        view.bias[c] -= lr * error[c] / (std::sqrt(bias_squares[c]) + 1e-8f);
      }
    }
  }
  for (std::size_t k = 0; k < size; ++k) view.weights[k] = scale[k] * theta[k];
  return view;
}

}  // namespace sobremesa::sentiment
