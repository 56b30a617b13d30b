#include "models/sentiment/category_vector_reader.h"

#include <algorithm>
#include <charconv>

namespace sobremesa::sentiment {
namespace {

template <typename T>
bool ParseNumber(std::string_view text, T& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

StatusOr<VectorReaderOptions> ParseVectorReader(std::string_view spec) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t colon = spec.find(':', start);
    parts.push_back(spec.substr(start, colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  VectorReaderOptions options;
  const bool pooling = parts[0] == "max" || parts[0] == "max+mean";
  options.with_mean = parts[0] == "max+mean";
  const bool ok = pooling && parts.size() >= 2 && parts.size() <= 4 &&
                  ParseNumber(parts[1], options.units) && options.units > 0 &&
                  (parts.size() < 3 || ParseNumber(parts[2], options.dropout)) &&
                  options.dropout >= 0.0f && options.dropout < 1.0f &&
                  (parts.size() < 4 || ParseNumber(parts[3], options.epochs)) &&
                  options.epochs > 0;
  if (!ok) {
    return Status::InvalidArgument("vector reader \"" + std::string(spec) +
                                   "\" is not POOLING:UNITS[:DROPOUT[:EPOCHS]] with POOLING max "
                                   "or max+mean, UNITS and EPOCHS > 0, DROPOUT in [0, 1)");
  }
  return options;
}

std::string VectorReaderSpec(const VectorReaderOptions& options) {
  std::string dropout = std::to_string(options.dropout);
  dropout.erase(dropout.find_last_not_of('0') + 1);
  if (dropout.back() == '.') dropout.pop_back();
  return std::string(options.with_mean ? "max+mean" : "max") + ":" +
         std::to_string(options.units) + ":" + dropout + ":" + std::to_string(options.epochs);
}

void CategoryVectorReader::Hidden(const float* x, float* h) const {
  for (int j = 0; j < units; ++j) {
    const float* w = hidden.data() + static_cast<std::size_t>(j) * dims;
    float s = hidden[static_cast<std::size_t>(units) * dims + j];
    for (int d = 0; d < dims; ++d) s += w[d] * x[d];
    h[j] = std::max(0.0f, s);
  }
}

void CategoryVectorReader::Logits(const PretrainedVectors& vectors,
                                  const std::vector<std::uint32_t>& ids, float* logits) const {
  const int c = categories();
  // ReLU makes every h_w >= 0, so a max from zeros is the max of the words
  // (and 0 for a sentence without one, as served).
  std::vector<float> pooled(this->pooled(), 0.0f), h(units);
  for (const std::uint32_t id : ids) {
    Hidden(vectors.Row(static_cast<int>(id)), h.data());
    for (int j = 0; j < units; ++j) {
      pooled[j] = std::max(pooled[j], h[j]);
      if (with_mean) pooled[units + j] += h[j] / static_cast<float>(ids.size());
    }
  }
  const int width = this->pooled();
  for (int k = 0; k < c; ++k) {
    const float* w = output.data() + static_cast<std::size_t>(k) * width;
    float s = output[static_cast<std::size_t>(c) * width + k];
    for (int j = 0; j < width; ++j) s += w[j] * pooled[j];
    logits[k] = s;
  }
}

CategoryWordView FoldCategoryVectorReader(const CategoryVectorReader& reader,
                                          const PretrainedVectors& vectors, float weight) {
  const int c = reader.categories();
  const int width = reader.pooled();
  CategoryWordView folded;
  folded.words = vectors.words();
  folded.reader_units = reader.units;
  folded.reader_mean = reader.with_mean;
  folded.values.resize(vectors.size() * reader.units);
  for (std::size_t i = 0; i < vectors.size(); ++i) {
    reader.Hidden(vectors.Row(static_cast<int>(i)), folded.values.data() + i * reader.units);
  }
  for (int k = 0; k < c; ++k) {
    for (int j = 0; j < width; ++j) {
      folded.reader_output.push_back(weight * reader.output[static_cast<std::size_t>(k) * width + j]);
    }
  }
  for (int k = 0; k < c; ++k) {
    folded.bias.push_back(weight * reader.output[static_cast<std::size_t>(c) * width + k]);
  }
  return folded;
}

}  // namespace sobremesa::sentiment
