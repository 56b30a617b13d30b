#include "models/sentiment/category_vector_view.h"

#include <algorithm>
#include <cmath>

#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::sentiment {
namespace {

// Mean vector of `ids` into `out` (zeros when empty).
void MeanVector(const PretrainedVectors& vectors, const std::vector<std::uint32_t>& ids,
                float* out) {
  const int dims = vectors.dims();
  std::fill(out, out + dims, 0.0f);
  for (const std::uint32_t id : ids) {
    const float* row = vectors.Row(static_cast<int>(id));
    for (int d = 0; d < dims; ++d) out[d] += row[d];
  }
  if (ids.empty()) return;
  const float scale = 1.0f / static_cast<float>(ids.size());
  for (int d = 0; d < dims; ++d) out[d] *= scale;
}

}  // namespace

void CategoryVectorView::Logits(const PretrainedVectors& vectors,
                                const std::vector<std::uint32_t>& ids, float* logits) const {
  const int c = categories();
  std::vector<float> mean(dims);
  MeanVector(vectors, ids, mean.data());
  for (int k = 0; k < c; ++k) {
    const float* w = weights.data() + static_cast<std::size_t>(k) * dims;
    float s = weights[static_cast<std::size_t>(c) * dims + k];
    for (int d = 0; d < dims; ++d) s += w[d] * mean[d];
    logits[k] = s;
  }
}

CategoryVectorView FitCategoryVectorView(const std::vector<const TrainingExample*>& data,
                                         const PretrainedVectors& vectors, int categories) {
  // Settings: the sentence and category stackers' (softmax_regression.h)
  // with momentum, as the inputs here are 100 and the rows thousands.
  constexpr float kL2 = 1e-3f, kStep = 0.5f, kMomentum = 0.9f;
  constexpr int kIterations = 200;
  const int dims = vectors.dims();
  CategoryVectorView view{dims, std::vector<float>(static_cast<std::size_t>(categories) * (dims + 1))};
  std::vector<float> z;  // standardised inputs, a row an example
  std::vector<float> y;  // 0/1 a category, a row an example
  for (const TrainingExample* e : data) {
    if (!e->categories_known) continue;
    z.resize(z.size() + dims);
    MeanVector(vectors, e->vector_words, z.data() + z.size() - dims);
    y.resize(y.size() + categories, 0.0f);
    for (const int k : e->categories) y[y.size() - categories + k] = 1.0f;
  }
  const std::size_t n = z.size() / dims;
  if (n == 0) return view;
  std::vector<float> mean(dims, 0.0f), sd(dims, 0.0f);
  for (std::size_t i = 0; i < n; ++i) {
    for (int d = 0; d < dims; ++d) mean[d] += z[i * dims + d] / static_cast<float>(n);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (int d = 0; d < dims; ++d) {
      const float v = z[i * dims + d] - mean[d];
      sd[d] += v * v / static_cast<float>(n);
    }
  }
  for (float& s : sd) s = std::max(1e-6f, std::sqrt(s));
  for (std::size_t i = 0; i < n; ++i) {
    for (int d = 0; d < dims; ++d) z[i * dims + d] = (z[i * dims + d] - mean[d]) / sd[d];
  }
  const int row = dims + 1;  // a category's weights and bias
  std::vector<float> w(static_cast<std::size_t>(categories) * row, 0.0f),
      velocity(w.size(), 0.0f), gradient(w.size());
  for (int iteration = 0; iteration < kIterations; ++iteration) {
    std::fill(gradient.begin(), gradient.end(), 0.0f);
    for (std::size_t i = 0; i < n; ++i) {
      const float* zi = z.data() + i * dims;
      for (int k = 0; k < categories; ++k) {
        const float* wk = w.data() + static_cast<std::size_t>(k) * row;
        float s = wk[dims];
        for (int d = 0; d < dims; ++d) s += wk[d] * zi[d];
        const float g = 1.0f / (1.0f + std::exp(-s)) - y[i * categories + k];
        float* gk = gradient.data() + static_cast<std::size_t>(k) * row;
        for (int d = 0; d < dims; ++d) gk[d] += g * zi[d];
        gk[dims] += g;
      }
    }
    for (std::size_t j = 0; j < w.size(); ++j) {
      const bool bias = j % row == static_cast<std::size_t>(dims);
      const float g = gradient[j] / static_cast<float>(n) + (bias ? 0.0f : kL2 * w[j]);
      velocity[j] = kMomentum * velocity[j] - kStep * g;
      w[j] += velocity[j];
    }
  }
  // w (z) = w (x - mean) / sd: fold mean and sd into the weights and bias.
  for (int k = 0; k < categories; ++k) {
    float bias = w[static_cast<std::size_t>(k) * row + dims];
    for (int d = 0; d < dims; ++d) {
      const float folded = w[static_cast<std::size_t>(k) * row + d] / sd[d];
      view.weights[static_cast<std::size_t>(k) * dims + d] = folded;
      bias -= folded * mean[d];
    }
    view.weights[static_cast<std::size_t>(categories) * dims + k] = bias;
  }
  return view;
}

CategoryWordView FoldCategoryVectorView(const CategoryVectorView& view,
                                        const PretrainedVectors& vectors, float weight) {
  const int c = view.categories();
  const int dims = view.dims;
  CategoryWordView folded;
  folded.words = vectors.words();
  folded.values.resize(vectors.size() * c);
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    const float* v = vectors.Row(static_cast<int>(i));
    for (int k = 0; k < c; ++k) {
      const float* w = view.weights.data() + static_cast<std::size_t>(k) * dims;
      float s = 0.0f;
      for (int d = 0; d < dims; ++d) s += w[d] * v[d];
      folded.values[i * c + k] = weight * s;
    }
  }
  for (int k = 0; k < c; ++k) {
    folded.bias.push_back(weight * view.weights[static_cast<std::size_t>(c) * dims + k]);
  }
  return folded;
}

void CategoryWordView::Logits(const float* sum, const float* max, std::size_t count,
                              float* logits) const {
  const float scale = count == 0 ? 0.0f : 1.0f / static_cast<float>(count);
  const std::size_t c = bias.size();
  if (reader_units == 0) {
    for (std::size_t k = 0; k < c; ++k) logits[k] = bias[k] + sum[k] * scale;
    return;
  }
  const int units = reader_units;
  const int pooled = reader_mean ? 2 * units : units;
  for (std::size_t k = 0; k < c; ++k) {
    const float* w = reader_output.data() + k * pooled;
    float s = bias[k];
    for (int j = 0; j < units; ++j) s += w[j] * max[j];
    if (reader_mean) {
      for (int j = 0; j < units; ++j) s += w[units + j] * sum[j] * scale;
    }
    logits[k] = s;
  }
}

}  // namespace sobremesa::sentiment
