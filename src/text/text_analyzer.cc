#include "text/text_analyzer.h"

#include "text/food_vocabulary.h"
#include "text/informal_spelling.h"
#include "text/negation_marker.h"
#include "text/regional_vocabulary.h"
#include "text/text_normalizer.h"
#include "text/tokenizer.h"

namespace sobremesa::text {

StatusOr<std::unique_ptr<TextAnalyzer>> TextAnalyzer::Create(Language language, Spelling spelling) {
  ASSIGN_OR_RETURN(std::unique_ptr<Stemmer> stemmer, Stemmer::Create(language));
  return std::unique_ptr<TextAnalyzer>(new TextAnalyzer(language, spelling, std::move(stemmer)));
}

StatusOr<Tokens> TextAnalyzer::Analyze(std::string_view text) {
  ASSIGN_OR_RETURN(std::string normalized, NormalizeText(text));
  return AnalyzeNormalized(normalized);
}

StatusOr<Tokens> TextAnalyzer::AnalyzeUnstemmed(std::string_view text) {
  ASSIGN_OR_RETURN(std::string normalized, NormalizeText(text));
  return Unstemmed(normalized);
}

Tokens TextAnalyzer::Unstemmed(std::string_view normalized) const {
  Tokens tokens = Tokenize(normalized, language_);
  if (spelling_ == Spelling::kRestoreInformal) RestoreInformalSpelling(tokens, language_);
  NormalizeFoodVocabulary(tokens);
  NormalizeRegionalVocabulary(tokens, language_);
  MarkNegation(tokens, language_);
  return tokens;
}

Tokens TextAnalyzer::AnalyzeNormalized(std::string_view normalized) {
  Tokens tokens = Unstemmed(normalized);
  for (Token& token : tokens) {
    if (token.kind == TokenKind::kWord) token.text = stemmer_->Stem(token.text);
  }
  return tokens;
}

}  // namespace sobremesa::text
