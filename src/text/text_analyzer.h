#pragma once

#include <memory>
#include <string_view>

#include "common/status.h"
#include "text/language.h"
#include "text/stemmer.h"
#include "text/token.h"

namespace sobremesa::text {

// The whole pipeline for one language, in order: NormalizeText, Tokenize,
// NormalizeFoodVocabulary, NormalizeRegionalVocabulary, MarkNegation,
// Snowball stemming of words.
// What the sentiment models read. Not thread-safe (owns a Stemmer); make
// one a thread.
class TextAnalyzer {
 public:
  // NotFound for a language without a stemmer (kUnknown).
  static StatusOr<std::unique_ptr<TextAnalyzer>> Create(Language language);

  Language language() const { return language_; }

  // Errors of NormalizeText (invalid UTF-8, too long). Empty text: no tokens.
  StatusOr<Tokens> Analyze(std::string_view text);

  // The steps after normalisation, for text already normalised.
  Tokens AnalyzeNormalized(std::string_view normalized);

  // Analyze without the last step, and that step for one word token:
  // callers that cache by word (sentiment_predictor.cc) stem only words
  // they have not seen.
  StatusOr<Tokens> AnalyzeUnstemmed(std::string_view text);
  std::string Stem(std::string_view word) { return stemmer_->Stem(word); }

 private:
  TextAnalyzer(Language language, std::unique_ptr<Stemmer> stemmer)
      : language_(language), stemmer_(std::move(stemmer)) {}
  Tokens Unstemmed(std::string_view normalized) const;

  const Language language_;
  std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace sobremesa::text
