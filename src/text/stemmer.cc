#include "text/stemmer.h"

#include <libstemmer.h>

#include "text/negation_marker.h"

namespace sobremesa::text {
namespace {

const char* AlgorithmName(Language language) {
  switch (language) {
    case Language::kSpanish:
      return "spanish";
    case Language::kEnglish:
      return "english";
    case Language::kPortuguese:
      return "portuguese";
    case Language::kUnknown:
      break;
  }
  return nullptr;
}

}  // namespace

StatusOr<std::unique_ptr<Stemmer>> Stemmer::Create(Language language) {
  const char* algorithm = AlgorithmName(language);
  sb_stemmer* stemmer = algorithm == nullptr ? nullptr : sb_stemmer_new(algorithm, "UTF_8");
  if (stemmer == nullptr) {
    return Status::NotFound("no Snowball stemmer for language '" +
                            std::string(LanguageCode(language)) + "'");
  }
  return std::unique_ptr<Stemmer>(new Stemmer(stemmer));
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string Stemmer::Stem(std::string_view word) {
  if (word.find('_') != std::string_view::npos) return std::string(word);
  if (word.starts_with(kNegatedPrefix)) {
    return std::string(kNegatedPrefix) + StemPlain(word.substr(kNegatedPrefix.size()));
  }
  return StemPlain(word);
}

std::string Stemmer::StemPlain(std::string_view word) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  // NULL only when Snowball runs out of memory; the word itself is a fine stem.
  if (stem == nullptr) return std::string(word);
  return std::string(reinterpret_cast<const char*>(stem),
                     static_cast<std::size_t>(sb_stemmer_length(stemmer_)));
}

}  // namespace sobremesa::text
