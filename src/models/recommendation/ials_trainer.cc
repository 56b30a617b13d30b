#include "models/recommendation/ials_trainer.h"

#include <cmath>
#include <functional>
#include <random>
#include <thread>

#include "models/recommendation/dot_product.h"

namespace sobremesa::recommendation {
namespace {

void Axpy(float alpha, const float* x, float* y, int32_t d) {
  for (int32_t k = 0; k < d; ++k) y[k] += alpha * x[k];
}

// Σ_j v_j v_jᵀ over all rows of `factors`: d × d, row-major.
std::vector<float> Gramian(const std::vector<float>& factors, int32_t d) {
  std::vector<double> g(size_t(d) * d, 0);
  for (size_t row = 0; row < factors.size(); row += d) {
    const float* v = &factors[row];
    for (int32_t a = 0; a < d; ++a) {
      for (int32_t b = a; b < d; ++b) g[size_t(a) * d + b] += double(v[a]) * v[b];
    }
  }
  std::vector<float> out(g.size());
  for (int32_t a = 0; a < d; ++a) {
    for (int32_t b = a; b < d; ++b) {
      out[size_t(a) * d + b] = out[size_t(b) * d + a] = static_cast<float>(g[size_t(a) * d + b]);
    }
  }
  return out;
}

// Solves rows [begin, end) of `solve` (rows × d) with `fixed` held constant:
// (Σ_{j∈rows[r]} f_j f_jᵀ + α0·G + λ_r I) x = Σ_{j∈rows[r]} f_j, by
// `steps` conjugate-gradient steps from the current x. Rows are
// independent, so threads may solve disjoint ranges at once.
void SolveRows(const std::vector<std::vector<int32_t>>& rows, size_t begin, size_t end,
               const std::vector<float>& fixed, int32_t num_fixed, const std::vector<float>& gram,
               std::vector<float>& solve, const IalsOptions& o) {
  const int32_t d = o.dim;
  const float alpha0 = static_cast<float>(o.unobserved_weight);
  std::vector<float> b(d), r(d), p(d), ap(d);
  // A·v into out.
  auto multiply = [&](const std::vector<int32_t>& observed, float l2, const float* v, float* out) {
    for (int32_t a = 0; a < d; ++a) out[a] = alpha0 * Dot(&gram[size_t(a) * d], v, d) + l2 * v[a];
    for (int32_t j : observed) {
      const float* f = &fixed[size_t(j) * d];
      Axpy(Dot(f, v, d), f, out, d);
    }
  };
  for (size_t row = begin; row < end; ++row) {
    const std::vector<int32_t>& observed = rows[row];
    const float l2 = static_cast<float>(
        o.l2 * std::pow(double(observed.size()) + o.unobserved_weight * num_fixed,
                        o.frequency_exponent));
    float* x = &solve[row * d];
    std::fill(b.begin(), b.end(), 0.f);
    for (int32_t j : observed) Axpy(1.f, &fixed[size_t(j) * d], b.data(), d);
    multiply(observed, l2, x, ap.data());
    for (int32_t k = 0; k < d; ++k) r[k] = b[k] - ap[k];
    p = r;
    float rs = Dot(r.data(), r.data(), d);
    for (int32_t step = 0; step < o.cg_steps && rs > 1e-12f; ++step) {
      multiply(observed, l2, p.data(), ap.data());
      const float pap = Dot(p.data(), ap.data(), d);
      if (!(pap > 0)) break;
      const float alpha = rs / pap;
      Axpy(alpha, p.data(), x, d);
      Axpy(-alpha, ap.data(), r.data(), d);
      const float next = Dot(r.data(), r.data(), d);
      for (int32_t k = 0; k < d; ++k) p[k] = r[k] + (next / rs) * p[k];
      rs = next;
    }
  }
}

// Solves every row of `solve`, the rows cut into `threads` contiguous ranges.
void SolveSide(const std::vector<std::vector<int32_t>>& rows, const std::vector<float>& fixed,
               int32_t num_fixed, std::vector<float>& solve, const IalsOptions& o) {
  const std::vector<float> gram = Gramian(fixed, o.dim);
  const size_t n = rows.size(), parts = static_cast<size_t>(o.threads);
  std::vector<std::thread> workers;
  for (size_t t = 1; t < parts; ++t) {
    workers.emplace_back(SolveRows, std::cref(rows), n * t / parts, n * (t + 1) / parts,
                         std::cref(fixed), num_fixed, std::cref(gram), std::ref(solve),
                         std::cref(o));
  }
  SolveRows(rows, 0, n / parts, fixed, num_fixed, gram, solve, o);
  for (std::thread& w : workers) w.join();
}

}  // namespace

float FactorModel::Score(int32_t user, int32_t item) const {
  return Dot(&users_[size_t(user) * dim_], &items_[size_t(item) * dim_], dim_);
}

StatusOr<FactorModel> TrainIals(const InteractionData& data, const IalsOptions& o) {
  RETURN_IF_ERROR(ValidateInteractions(data));
  if (o.dim < 1 || o.epochs < 1 || o.cg_steps < 1 || o.threads < 1 || o.unobserved_weight < 0 || !(o.l2 > 0) ||
      o.frequency_exponent < 0 || o.init_stddev < 0) {
    return Status::InvalidArgument("iALS options out of range");
  }
  const int32_t d = o.dim;
  std::vector<std::vector<int32_t>> users_by_item(data.num_items);
  for (int32_t u = 0; u < data.num_users; ++u) {
    for (int32_t i : data.items_by_user[u]) users_by_item[i].push_back(u);
  }
  std::mt19937_64 rng(o.seed);
  std::normal_distribution<float> normal(0.f, static_cast<float>(o.init_stddev / std::sqrt(d)));
  std::vector<float> users(size_t(data.num_users) * d), items(size_t(data.num_items) * d);
  for (float& v : users) v = normal(rng);
  for (float& v : items) v = normal(rng);
  for (int32_t epoch = 0; epoch < o.epochs; ++epoch) {
    SolveSide(data.items_by_user, items, data.num_items, users, o);
    SolveSide(users_by_item, users, data.num_users, items, o);
  }
  return FactorModel(d, std::move(users), std::move(items));
}

}  // namespace sobremesa::recommendation
