#pragma once
// LibTorch glue shared by the trainers. Include only from .cc files that
// already include <torch/torch.h>; it is private to this folder.

#include <torch/torch.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/status.h"

namespace sobremesa::recommendation {

// Copies a float tensor of any shape to a flat vector in row-major order.
inline std::vector<float> ToFloatVector(const torch::Tensor& t) {
  const torch::Tensor c = t.detach().to(torch::kFloat).contiguous();
  return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// Runs `body`, turning a LibTorch (c10::Error) or allocation exception into
// Internal so that nothing thrown by LibTorch crosses the module edge.
template <typename Body>
auto CatchTorchErrors(const std::string& what, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const c10::Error& e) {
    return Status::Internal(what + ": LibTorch: " + e.what_without_backtrace());
  } catch (const std::exception& e) {
    return Status::Internal(what + ": " + e.what());
  }
}

}  // namespace sobremesa::recommendation

#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

// XᵀWX of the 0/1 user–item matrix X (ids already checked) with W the
// diagonal of user weights ∝ |history|^-user_weight_exponent, scaled so that
// the weights of all interactions sum to their number (so a penalty tuned
// for one exponent keeps its meaning for another). With exponent 0: co-
// occurrence counts, diagonal = item popularity; above 0, long histories
// (which co-occur with everything) count less per pair.
// Accumulated from the histories because X is sparse (ML-1M: 4.5 % dense),
// which is ~20× less work than a dense product.
inline torch::Tensor GramMatrix(const InteractionData& data, double user_weight_exponent = 0) {
  auto raw_weight = [&](size_t length) {
    return std::pow(static_cast<double>(length), -user_weight_exponent);
  };
  double interactions = 0, weighted = 0;
  for (const std::vector<int32_t>& items : data.items_by_user) {
    if (items.empty()) continue;
    interactions += items.size();
    weighted += items.size() * raw_weight(items.size());
  }
  torch::Tensor gram = torch::zeros({data.num_items, data.num_items});
  float* g = gram.data_ptr<float>();
  for (const std::vector<int32_t>& items : data.items_by_user) {
    if (items.empty()) continue;
    const float w = static_cast<float>(raw_weight(items.size()) * interactions / weighted);
    for (int32_t i : items) {
      float* row = g + static_cast<int64_t>(i) * data.num_items;
      for (int32_t j : items) row[j] += w;
    }
  }
  return gram;
}

}  // namespace sobremesa::recommendation
