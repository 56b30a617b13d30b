#include "models/recommendation/knn_baseline.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace sobremesa::recommendation {
namespace {

Status Check(const RatingData& data, const KnnBaselineOptions& options) {
  if (data.ratings.empty()) return Status::InvalidArgument("no ratings to train on");
  if (options.neighbours < 1) return Status::InvalidArgument("neighbours must be at least 1");
  for (const Rating& r : data.ratings) {
    if (r.user < 0 || r.user >= data.num_users || r.item < 0 || r.item >= data.num_items) {
      return Status::InvalidArgument("rating (" + std::to_string(r.user) + ", " +
                                     std::to_string(r.item) + ") is outside the id range");
    }
  }
  return Status::Ok();
}

}  // namespace

float KnnBaselineModel::Baseline(int32_t row, int32_t column) const {
  float b = mean_;
  if (row >= 0 && row < num_rows_) b += row_bias_[row];
  if (column >= 0 && column < num_columns_) b += column_bias_[column];
  return b;
}

float KnnBaselineModel::Predict(int32_t user, int32_t item) const {
  const int32_t row = side_ == KnnSide::kItem ? user : item;
  const int32_t column = side_ == KnnSide::kItem ? item : user;
  const float baseline = Baseline(row, column);
  if (row < 0 || row >= num_rows_ || column < 0 || column >= num_columns_) return baseline;
  // (similarity, residual) of every positively similar column this row rated.
  std::vector<std::pair<float, float>> candidates;
  const float* similarity = &similarity_[static_cast<size_t>(column) * num_columns_];
  for (const auto& [other, value] : rated_[row]) {
    if (similarity[other] > 0) {
      candidates.emplace_back(similarity[other], value - Baseline(row, other));
    }
  }
  const size_t k = std::min<size_t>(neighbours_, candidates.size());
  std::partial_sort(candidates.begin(), candidates.begin() + k, candidates.end(),
                    [](const auto& a, const auto& b) { return a.first > b.first; });
  double weighted = 0, total = 0;
  for (size_t n = 0; n < k; ++n) {
    weighted += candidates[n].first * candidates[n].second;
    total += candidates[n].first;
  }
  return total > 0 ? baseline + static_cast<float>(weighted / total) : baseline;
}

StatusOr<KnnBaselineModel> TrainKnnBaseline(const RatingData& data,
                                            const KnnBaselineOptions& options) {
  RETURN_IF_ERROR(Check(data, options));
  const bool item_side = options.side == KnnSide::kItem;
  KnnBaselineModel m;
  m.side_ = options.side;
  m.neighbours_ = options.neighbours;
  m.num_rows_ = item_side ? data.num_users : data.num_items;
  m.num_columns_ = item_side ? data.num_items : data.num_users;
  m.rated_.resize(m.num_rows_);
  double sum = 0;
  for (const Rating& r : data.ratings) {
    const int32_t row = item_side ? r.user : r.item, column = item_side ? r.item : r.user;
    m.rated_[row].emplace_back(column, r.value);
    sum += r.value;
  }
  m.mean_ = static_cast<float>(sum / data.ratings.size());

  // Alternating regularised averages of the residuals: user and item biases
  // (whichever side is "row") — Koren's cheap stand-in for a full least squares.
  const float row_reg =
      item_side ? options.user_bias_regularization : options.item_bias_regularization;
  const float column_reg =
      item_side ? options.item_bias_regularization : options.user_bias_regularization;
  m.row_bias_.assign(m.num_rows_, 0);
  m.column_bias_.assign(m.num_columns_, 0);
  for (int32_t round = 0; round < options.bias_rounds; ++round) {
    std::vector<double> residual(m.num_columns_, 0), count(m.num_columns_, 0);
    for (int32_t row = 0; row < m.num_rows_; ++row) {
      for (const auto& [column, value] : m.rated_[row]) {
        residual[column] += value - m.mean_ - m.row_bias_[row];
        count[column] += 1;
      }
    }
    for (int32_t c = 0; c < m.num_columns_; ++c) {
      m.column_bias_[c] = static_cast<float>(residual[c] / (column_reg + count[c]));
    }
    for (int32_t row = 0; row < m.num_rows_; ++row) {
      double r = 0;
      for (const auto& [column, value] : m.rated_[row]) {
        r += value - m.mean_ - m.column_bias_[column];
      }
      m.row_bias_[row] = static_cast<float>(r / (row_reg + m.rated_[row].size()));
    }
  }

  // Pairwise sums over co-raters, accumulated row by row.
  const size_t n = m.num_columns_;
  std::vector<float> product(n * n, 0), square_a(n * n, 0), square_b(n * n, 0), count(n * n, 0);
  std::vector<std::pair<int32_t, float>> residuals;
  for (int32_t row = 0; row < m.num_rows_; ++row) {
    residuals.clear();
    for (const auto& [column, value] : m.rated_[row]) {
      residuals.emplace_back(column, value - m.Baseline(row, column));
    }
    for (const auto& [a, ra] : residuals) {
      const size_t base = a * n;
      for (const auto& [b, rb] : residuals) {
        product[base + b] += ra * rb;
        square_a[base + b] += ra * ra;
        square_b[base + b] += rb * rb;
        count[base + b] += 1;
      }
    }
  }
  m.similarity_.assign(n * n, 0);
  for (size_t k = 0; k < n * n; ++k) {
    const float denominator = std::sqrt(square_a[k] * square_b[k]);
    if (count[k] < 2 || denominator <= 0) continue;
    const float shrink = (count[k] - 1) / (count[k] - 1 + options.shrinkage);
    m.similarity_[k] = shrink * product[k] / denominator;
  }
  return m;
}

}  // namespace sobremesa::recommendation
