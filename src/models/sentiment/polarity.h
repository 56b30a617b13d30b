#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace sobremesa::sentiment {

// Polarity of a sentence or of one opinion. kNeutral also holds sentences
// whose opinions disagree (SemEval's "mixed"/"conflict").
enum class Polarity { kNegative = 0, kNeutral = 1, kPositive = 2 };
inline constexpr int kPolarities = 3;

// "negative", "neutral", "positive".
std::string_view PolarityName(Polarity polarity);
// Inverse of PolarityName; "conflict" and "mixed" read as kNeutral.
std::optional<Polarity> ParsePolarity(std::string_view name);

// Accuracy and macro-F1 (mean over the three classes of per-class F1;
// classes absent from both gold and predictions are skipped). Here so the
// trainer can choose by the evaluation's own measure.
struct PolarityScores {
  double accuracy = 0.0;
  double macro_f1 = 0.0;
};
PolarityScores ScorePolarities(const std::vector<Polarity>& gold,
                               const std::vector<Polarity>& predicted);

// A sentence's polarity from its opinions', SemEval's gold rule: the
// opinions' polarity when they all agree, kNeutral when they disagree;
// none without opinions.
std::optional<Polarity> AgreedPolarity(const std::vector<Polarity>& opinions);

}  // namespace sobremesa::sentiment
