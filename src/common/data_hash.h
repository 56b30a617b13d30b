#pragma once
// FNV-1a, 64 bits, over the fields a trained model read: the same on every
// run and platform (unlike std::hash), so a model file's hash says whether
// it was trained on the data the store holds now. Field by field, each
// string preceded by its length, so that ("ab", "c") and ("a", "bc") differ.

#include <bit>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace sobremesa {

class DataHash {
 public:
  void Add(std::int64_t value) {
    for (int i = 0; i < 8; ++i) Byte(static_cast<std::uint8_t>(value >> (8 * i)));
  }
  void Add(double value) { Add(std::bit_cast<std::int64_t>(value)); }
  void Add(std::string_view text) {
    Add(static_cast<std::int64_t>(text.size()));
    for (char c : text) Byte(static_cast<std::uint8_t>(c));
  }
  std::string Hex() const {
    char text[17];
    std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(hash_));
    return text;
  }

 private:
  void Byte(std::uint8_t b) { hash_ = (hash_ ^ b) * 1099511628211ULL; }

  std::uint64_t hash_ = 14695981039346656037ULL;  // the FNV-1a 64-bit offset basis
};

}  // namespace sobremesa
