#pragma once
// Implicit alternating least squares (iALS; Hu, Koren & Volinsky, ICDM 2008)
// in the formulation of Rendle et al., "Revisiting the Performance of iALS on
// Item Recommendation Benchmarks" (RecSys 2022):
//   L = Σ_{(u,i) observed} (p_u·q_i − 1)² + α0 Σ_{all u, i} (p_u·q_i)²
//       + λ Σ_u (|I_u| + α0·|I|)^ν ‖p_u‖² + λ Σ_i (|U_i| + α0·|U|)^ν ‖q_i‖²
// Each half-epoch fixes one side and solves every row of the other exactly
// in closed form would cost d³ per row; instead a few conjugate-gradient
// steps from the previous solution (Takács, Pilászy & Tikk, RecSys 2011)
// approximate it at d² + 2·|row|·d per step, with the unobserved term
// α0·Σ_j q_j q_jᵀ shared by all rows as one d × d Gramian.
// Plain C++ (no LibTorch): the work is small dense dot products.

#include <cstdint>
#include <span>
#include <vector>

#include "common/status.h"
#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

struct IalsOptions {
  int32_t dim = 64;
  int32_t epochs = 16;
  double unobserved_weight = 0.1;   // α0
  double l2 = 0.01;                 // λ
  double frequency_exponent = 1.0;  // ν: 0 gives one λ for every row
  int32_t cg_steps = 4;             // per row and half-epoch
  double init_stddev = 0.1;         // of each factor, divided by √dim
  uint64_t seed = 1;
  int32_t threads = 2;  // rows of a side are solved in parallel; same result
};

// User and item factors as plain floats; score(u, i) = p_u · q_i.
class FactorModel {
 public:
  FactorModel(int32_t dim, std::vector<float> user_factors, std::vector<float> item_factors)
      : dim_(dim), users_(std::move(user_factors)), items_(std::move(item_factors)) {}
  int32_t dim() const { return dim_; }
  int32_t num_users() const { return static_cast<int32_t>(users_.size() / dim_); }
  int32_t num_items() const { return static_cast<int32_t>(items_.size() / dim_); }
  std::span<const float> user(int32_t u) const { return {&users_[size_t(u) * dim_], size_t(dim_)}; }
  std::span<const float> item(int32_t i) const { return {&items_[size_t(i) * dim_], size_t(dim_)}; }
  float Score(int32_t user, int32_t item) const;

 private:
  int32_t dim_;
  std::vector<float> users_, items_;
};

// InvalidArgument on data that fails ValidateInteractions or options out of
// range (dim < 1, epochs < 1, cg_steps < 1, threads < 1, a negative weight
// or λ <= 0).
StatusOr<FactorModel> TrainIals(const InteractionData& data, const IalsOptions& options);

}  // namespace sobremesa::recommendation
