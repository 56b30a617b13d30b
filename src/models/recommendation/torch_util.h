#pragma once
// LibTorch glue shared by the trainers. Include only from .cc files that
// already include <torch/torch.h>; it is private to this folder.

#include <torch/torch.h>

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

// XᵀX of the 0/1 user–item matrix X (ids already checked): co-occurrence
// counts, diagonal = item popularity.
// Accumulated from the histories because X is sparse (ML-1M: 4.5 % dense),
// which is ~20× less work than a dense product.
inline torch::Tensor GramMatrix(const InteractionData& data) {
  torch::Tensor gram = torch::zeros({data.num_items, data.num_items});
  float* g = gram.data_ptr<float>();
  for (const std::vector<int32_t>& items : data.items_by_user) {
    for (int32_t i : items) {
      float* row = g + static_cast<int64_t>(i) * data.num_items;
      for (int32_t j : items) row[j] += 1;
    }
  }
  return gram;
}

}  // namespace sobremesa::recommendation
