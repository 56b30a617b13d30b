#pragma once
// kNN-Baseline (Koren 2010, "Factor in the neighbors", eq. 3): a rating is
// the baseline mean + b_u + b_i plus the similarity-weighted residuals of the
// k most similar items the user rated (or, user-based, of the k most similar
// users who rated the item):
//   r(u, i) = b_ui + Σ_j s_ij (r_uj − b_uj) / Σ_j s_ij   over the top-k j, s_ij > 0.
// Biases come from a few rounds of regularised alternating averages;
// similarity is the Pearson correlation of baseline residuals over co-raters,
// shrunk by (n − 1) / (n − 1 + shrinkage) so pairs with few co-raters count
// less. Plain C++ (no LibTorch): the pairwise sums are a sparse pass over
// each user's ratings, cheap at MovieLens scale.

#include <cstdint>
#include <utility>
#include <vector>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

enum class KnnSide { kItem, kUser };

struct KnnBaselineOptions {
  KnnSide side = KnnSide::kItem;
  int32_t neighbours = 40;
  float shrinkage = 100.0f;
  // Regularisers of the alternating bias averages (Koren's λ2, λ3).
  float item_bias_regularization = 25.0f;
  float user_bias_regularization = 10.0f;
  int32_t bias_rounds = 10;
};

class KnnBaselineModel {
 public:
  // Unclamped predicted rating; ids outside the trained range fall back to
  // the baseline of whatever side is known.
  float Predict(int32_t user, int32_t item) const;

 private:
  friend StatusOr<KnnBaselineModel> TrainKnnBaseline(const RatingData& data,
                                                     const KnnBaselineOptions& options);
  // Everything is stored "item-based": for the user-based side rows and
  // columns are swapped at training time and again in Predict.
  float Baseline(int32_t row, int32_t column) const;

  KnnSide side_ = KnnSide::kItem;
  int32_t neighbours_ = 0;
  int32_t num_rows_ = 0, num_columns_ = 0;
  float mean_ = 0;
  std::vector<float> row_bias_, column_bias_;
  std::vector<float> similarity_;  // num_columns² row-major
  // Per row, its (column, rating) pairs.
  std::vector<std::vector<std::pair<int32_t, float>>> rated_;
};

// InvalidArgument if data is empty, an id is out of range or neighbours < 1.
StatusOr<KnnBaselineModel> TrainKnnBaseline(const RatingData& data,
                                            const KnnBaselineOptions& options);

}  // namespace sobremesa::recommendation
