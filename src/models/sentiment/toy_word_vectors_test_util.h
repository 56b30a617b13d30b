#pragma once
// Toy pretrained word vectors for the tests of the category vector view
// and the vector reader: food words point along the first axis, service
// words along the second, filler words elsewhere. Each set's last two
// words are never in a training sentence (kTrained).

#include <cstddef>
#include <string>
#include <vector>

#include "models/sentiment/pretrained_vectors.h"

namespace sobremesa::sentiment {

inline const std::vector<std::string> kFood = {"pizza",  "sushi",   "pasta", "burger",
                                               "steak",  "salmon",  "noodles", "tacos",
                                               "dumplings", "risotto"};
inline const std::vector<std::string> kService = {"waiter",   "waitress", "hostess", "bartender",
                                                  "manager",  "busboy",   "cashier", "server",
                                                  "sommelier", "concierge"};
inline constexpr std::size_t kTrained = 8;

inline PretrainedVectors ToyVectors() {
  std::vector<std::string> words;
  std::vector<float> rows;
  for (std::size_t i = 0; i < kFood.size(); ++i) {
    words.push_back(kFood[i]);
    rows.insert(rows.end(), {1.0f, 0.0f, 0.1f * static_cast<float>(i), 0.0f});
    words.push_back(kService[i]);
    rows.insert(rows.end(), {0.0f, 1.0f, 0.0f, 0.1f * static_cast<float>(i)});
  }
  for (const char* w : {"the", "was", "fine", "and", "very"}) {
    words.push_back(w);
    rows.insert(rows.end(), {0.0f, 0.0f, 0.5f, 0.5f});
  }
  return PretrainedVectors::FromRows(std::move(words), 4, std::move(rows)).value();
}

}  // namespace sobremesa::sentiment
