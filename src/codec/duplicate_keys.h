#pragma once
// Refusing JSON objects that name a key twice. nlohmann (like most parsers)
// keeps the last of `{"allergies": ["fish"], "allergies": []}` without a
// word, so a client that merged two forms would store a guest without the
// allergy it sent; API bodies and JSON Lines rows are parsed with this
// check instead, and such a body is a 400 naming the key.

#include <nlohmann/json.hpp>
#include <string>
#include <unordered_set>
#include <vector>

#include "common/status.h"

namespace sobremesa {

class DuplicateKeyCheck {
 public:
  // Pass to nlohmann::json::parse(text, check.Callback(), ...); `this` must
  // outlive the parse.
  nlohmann::json::parser_callback_t Callback();

  // Ok, or InvalidArgument "<key>: named twice in one JSON object ..." for
  // the first duplicate, the key written as its path from the top
  // ("consent.marketing").
  Status status() const;

 private:
  struct Level {
    bool object = false;
    std::unordered_set<std::string> keys;  // this object's keys so far
    std::string last;                      // the latest of them
  };
  std::vector<Level> levels_;
  std::string duplicate_;  // path of the first duplicate key; empty: none
};

}  // namespace sobremesa
