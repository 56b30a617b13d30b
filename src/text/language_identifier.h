#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "text/language.h"

namespace sobremesa::text {

struct LanguageGuess {
  Language language = Language::kUnknown;
  // Mean log-likelihood advantage per trigram of the winner over the
  // runner-up; 0 when unknown.
  double margin = 0.0;
};

// Spanish / English / Portuguese identification with a character trigram
// naive Bayes model (Cavnar & Trenkle's idea, with probabilities instead of
// rank distances) learnt from language_samples.cc. Trigrams are taken over
// letters only, with word boundaries as spaces ("  la", "la "), so digits,
// emoji and punctuation do not vote.
// Returns kUnknown when the evidence is too weak to route a text:
// - fewer than kMinTrigrams trigrams (e.g. "ok", "👍", "", binary noise);
// - fewer than half of the trigrams were ever seen in the winner's sample
//   (other scripts; German); or
// - the winner beats the runner-up by less than kMinMargin per trigram.
// Close Romance languages (Italian, Catalan, Galician) may be taken for
// Spanish or Portuguese. Thread-safe after construction.
class LanguageIdentifier {
 public:
  static constexpr int kMinTrigrams = 4;
  static constexpr double kMinMargin = 0.05;

  LanguageIdentifier();

  // `normalized` is the output of NormalizeText.
  LanguageGuess Identify(std::string_view normalized) const;

 private:
  static constexpr int kLanguages = 3;
  struct Profile {
    std::unordered_map<std::string, double> log_probability;
    double unseen_log_probability = 0.0;
  };

  std::array<Profile, kLanguages> profiles_;
};

}  // namespace sobremesa::text
