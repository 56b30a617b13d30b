#pragma once

#include <string>
#include <vector>

namespace sobremesa::text {

enum class TokenKind { kWord, kNumber, kEmoji, kPunctuation };

// One unit of a normalised text. Words may carry the prefix kNegatedPrefix
// (negation_marker.h) and multi-word food names are joined by '_'
// (food_vocabulary.h).
struct Token {
  std::string text;
  TokenKind kind = TokenKind::kWord;

  bool operator==(const Token&) const = default;
};

using Tokens = std::vector<Token>;

}  // namespace sobremesa::text
