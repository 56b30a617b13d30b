#include "models/sentiment/polarity.h"

namespace sobremesa::sentiment {

std::string_view PolarityName(Polarity polarity) {
  switch (polarity) {
    case Polarity::kNegative:
      return "negative";
    case Polarity::kNeutral:
      return "neutral";
    case Polarity::kPositive:
      return "positive";
  }
  return "neutral";
}

std::optional<Polarity> ParsePolarity(std::string_view name) {
  if (name == "negative") return Polarity::kNegative;
  if (name == "positive") return Polarity::kPositive;
  if (name == "neutral" || name == "conflict" || name == "mixed") return Polarity::kNeutral;
  return std::nullopt;
}

}  // namespace sobremesa::sentiment
