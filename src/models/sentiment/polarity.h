#pragma once

#include <optional>
#include <string_view>

namespace sobremesa::sentiment {

// Polarity of a sentence or of one opinion. kNeutral also holds sentences
// whose opinions disagree (SemEval's "mixed"/"conflict").
enum class Polarity { kNegative = 0, kNeutral = 1, kPositive = 2 };
inline constexpr int kPolarities = 3;

// "negative", "neutral", "positive".
std::string_view PolarityName(Polarity polarity);
// Inverse of PolarityName; "conflict" and "mixed" read as kNeutral.
std::optional<Polarity> ParsePolarity(std::string_view name);

}  // namespace sobremesa::sentiment
