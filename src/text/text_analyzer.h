#pragma once

#include <memory>
#include <string_view>

#include "common/status.h"
#include "text/language.h"
#include "text/stemmer.h"
#include "text/token.h"

namespace sobremesa::text {

// The whole pipeline for one language, in order: NormalizeText, Tokenize,
// (RestoreInformalSpelling when asked), NormalizeFoodVocabulary,
// NormalizeRegionalVocabulary, MarkNegation, Snowball stemming of words.
// What the sentiment models read. Not thread-safe (owns a Stemmer); make
// one a thread.
class TextAnalyzer {
 public:
  // RestoreInformalSpelling is for the analyzer's dining cues, not for the
  // models: at training and serving it cost the Spanish model 0.46 of
  // SemEval's Slot 1 over five splits (sentiment-history.md, "Latin-American
  // text, check set round 3"), while the cues, which list words with their
  // accents, read "pesimo", "decepcion", "q rico" only through it.
  enum class Spelling { kAsWritten, kRestoreInformal };

  // NotFound for a language without a stemmer (kUnknown).
  static StatusOr<std::unique_ptr<TextAnalyzer>> Create(Language language,
                                                        Spelling spelling = Spelling::kAsWritten);

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
  TextAnalyzer(Language language, Spelling spelling, std::unique_ptr<Stemmer> stemmer)
      : language_(language), spelling_(spelling), stemmer_(std::move(stemmer)) {}
  Tokens Unstemmed(std::string_view normalized) const;

  const Language language_;
  const Spelling spelling_;
  std::unique_ptr<Stemmer> stemmer_;
};

}  // namespace sobremesa::text
