#include "models/sentiment/polarity.h"

#include <algorithm>
#include <array>

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

PolarityScores ScorePolarities(const std::vector<Polarity>& gold,
                               const std::vector<Polarity>& predicted) {
  std::array<long, kPolarities> tp{}, n_gold{}, n_predicted{};
  long correct = 0;
  const std::size_t n = std::min(gold.size(), predicted.size());
  for (std::size_t i = 0; i < n; ++i) {
    const int g = static_cast<int>(gold[i]), p = static_cast<int>(predicted[i]);
    ++n_gold[g];
    ++n_predicted[p];
    if (g == p) ++tp[g], ++correct;
  }
  double f1_sum = 0.0;
  int classes = 0;
  for (int k = 0; k < kPolarities; ++k) {
    if (n_gold[k] + n_predicted[k] == 0) continue;
    f1_sum += 2.0 * tp[k] / static_cast<double>(n_gold[k] + n_predicted[k]);
    ++classes;
  }
  return {n == 0 ? 0.0 : static_cast<double>(correct) / n, classes == 0 ? 0.0 : f1_sum / classes};
}

std::optional<Polarity> AgreedPolarity(const std::vector<Polarity>& opinions) {
  if (opinions.empty()) return std::nullopt;
  for (const Polarity p : opinions) {
    if (p != opinions.front()) return Polarity::kNeutral;
  }
  return opinions.front();
}

}  // namespace sobremesa::sentiment
