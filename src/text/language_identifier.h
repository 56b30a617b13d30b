#pragma once

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "text/language.h"

namespace sobremesa::text {

struct LanguageGuess {
  Language language = Language::kUnknown;
  // Mean log-posterior advantage per trigram of the winner over the
  // runner-up; 0 when unknown.
  double margin = 0.0;
};

// Spanish / English / Portuguese identification with a character trigram
// naive Bayes model (Cavnar & Trenkle's idea, with probabilities instead of
// rank distances) learnt from language_samples.cc. Trigrams are taken over
// letters only, with word boundaries as spaces ("  la", "la "), so digits,
// emoji and punctuation do not vote.
// The languages start from a prior, kPrior: a Lima restaurant's guests
// write mostly Spanish, some English, little Portuguese. Short texts are
// where it decides: without it, and with a refusal below a margin of 0.05
// a trigram, "Servicio excelente." was unknown and "Uno de mis
// restaurantes favoritos." Portuguese, so a guest's three-word comment was
// never analysed. Chosen on SemEval's training reviews against the
// old rule: Spanish sentences 90.6 -> 96.6 % right, English 93.0 -> 93.1
// (docs/evaluation/sentiment.md, "Language identification").
// Returns kUnknown when the text gives no evidence to route it:
// - fewer than kMinTrigrams trigrams (e.g. "ok", "👍", "", binary noise); or
// - fewer than half of the trigrams were ever seen in the winner's sample
//   (other scripts; German).
// Peruvian dish and drink names ("lomo saltado", "pisco sour") are left
// out of the vote unless the text says nothing without them: guests write
// them in every language, and they made "Lomo saltado was great" Spanish.
// Close Romance languages (Italian, Catalan, Galician) may be taken for
// Spanish or Portuguese. Thread-safe after construction.
class LanguageIdentifier {
 public:
  static constexpr int kMinTrigrams = 4;
  // Spanish, English, Portuguese; each > 0.
  using Prior = std::array<double, 3>;
  static constexpr Prior kPrior = {0.75, 0.20, 0.05};

  explicit LanguageIdentifier(const Prior& prior = kPrior);

  // `normalized` is the output of NormalizeText.
  LanguageGuess Identify(std::string_view normalized) const;

 private:
  static constexpr int kLanguages = 3;
  LanguageGuess Identify(const std::vector<std::string>& trigrams) const;

  struct Profile {
    std::unordered_map<std::string, double> log_probability;
    double unseen_log_probability = 0.0;
  };

  std::array<Profile, kLanguages> profiles_;
  std::array<double, kLanguages> log_prior_;
};

}  // namespace sobremesa::text
