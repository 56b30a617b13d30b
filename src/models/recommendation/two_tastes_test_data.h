#pragma once
// Test data shared by the factor-model trainers' tests.

#include <cstdint>
#include <vector>

#include "models/recommendation/interaction_data.h"

namespace sobremesa::recommendation {

// Two tastes of five items each (0–4, 5–9); users 0–9 have taste 0, users
// 10–19 taste 1, and each user has four of their taste's five items: user u
// lacks item u % 5 of it, which the rest of their taste has.
inline InteractionData TwoTastes() {
  InteractionData data{20, 10, {}};
  for (int32_t u = 0; u < 20; ++u) {
    const int32_t base = u < 10 ? 0 : 5;
    std::vector<int32_t> items;
    for (int32_t k = 0; k < 5; ++k) {
      if (k != u % 5) items.push_back(base + k);
    }
    data.items_by_user.push_back(items);
  }
  return data;
}

}  // namespace sobremesa::recommendation
