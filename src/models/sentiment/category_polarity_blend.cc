#include "models/sentiment/category_polarity_blend.h"

#include <algorithm>

#include "models/sentiment/sentiment_trainer.h"

namespace sobremesa::sentiment {

CategoryPolarityBlend ChooseCategoryPolarityBlend(const std::vector<OpinionLogits>& opinions,
                                                  const std::vector<float>& sentence_candidates,
                                                  const std::vector<float>& view_candidates) {
  const auto right = [&](const CategoryPolarityBlend& blend) {
    long count = 0;
    for (const OpinionLogits& o : opinions) {
      std::array<float, kPolarities> s = o.category;
      for (int p = 0; p < kPolarities; ++p) {
        s[p] += blend.sentence * o.sentence[p] + blend.view * o.view[p];
      }
      count += static_cast<Polarity>(std::max_element(s.begin(), s.end()) - s.begin()) == o.gold;
    }
    return count;
  };
  std::vector<float> sentence = {0.0f}, view = {0.0f};
  for (const float w : sentence_candidates) if (w > 0.0f) sentence.push_back(w);
  for (const float w : view_candidates) if (w > 0.0f) view.push_back(w);
  std::sort(sentence.begin(), sentence.end());
  std::sort(view.begin(), view.end());
  CategoryPolarityBlend best;
  long best_right = right(best);
  for (const float s : sentence) {
    for (const float v : view) {
      if (const long r = right({s, v}); r > best_right) best_right = r, best = {s, v};
    }
  }
  return best;
}

SentenceView FitOpinionView(const std::vector<const TrainingExample*>& data,
                            std::uint32_t buckets, const SentenceViewOptions& options,
                            bool auxiliary_neutral) {
  std::vector<TrainingExample> opinions;
  for (const TrainingExample* e : data) {
    for (const auto& [category, polarity] : e->opinions) {
      if (!auxiliary_neutral && !e->categories_known && polarity == Polarity::kNeutral) continue;
      opinions.push_back({e->features, polarity, {}, {}});
    }
  }
  std::vector<const TrainingExample*> pointers;
  for (const TrainingExample& e : opinions) pointers.push_back(&e);
  return FitSentenceView(pointers, buckets, options);
}

void AppendViewToRows(std::vector<float>& embedding, int width, const SentenceView& view,
                      float weight) {
  const std::size_t rows = embedding.size() / width;
  std::vector<float> wider;
  wider.reserve(rows * (width + kPolarities));
  for (std::size_t r = 0; r < rows; ++r) {
    wider.insert(wider.end(), embedding.begin() + r * width, embedding.begin() + (r + 1) * width);
    for (int p = 0; p < kPolarities; ++p) {
      wider.push_back(weight * view.weights[r * kPolarities + p]);
    }
  }
  embedding = std::move(wider);
}

void AddOpinionView(SentimentModel::Weights& weights, int width, int categories,
                    const SentenceView& view, float weight) {
  AppendViewToRows(weights.embedding, width, view, weight);
  // The head's 3C biases follow its 3C x dim weights, category-major.
  float* bias = weights.category_polarity.data() + weights.category_polarity.size() -
                static_cast<std::size_t>(kPolarities) * categories;
  for (int k = 0; k < categories; ++k) {
    for (int p = 0; p < kPolarities; ++p) bias[k * kPolarities + p] += weight * view.bias[p];
  }
}

}  // namespace sobremesa::sentiment
