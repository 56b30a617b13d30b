#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "text/language.h"

struct sb_stemmer;

namespace sobremesa::text {

// Snowball stemmer (libstemmer) for one language: "deliciosos" -> "delici".
// Not thread-safe (Snowball keeps scratch state); each caller owns one,
// as fastText's callers own their scratch.
class Stemmer {
 public:
  // NotFound if libstemmer has no algorithm for `language` (kUnknown).
  static StatusOr<std::unique_ptr<Stemmer>> Create(Language language);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // Stem of a lower-case UTF-8 word. A word carrying kNegatedPrefix keeps
  // it ("neg:buenos" -> "neg:buen"); words joined with '_' (food names)
  // are returned unchanged.
  std::string Stem(std::string_view word);

 private:
  explicit Stemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  std::string StemPlain(std::string_view word);

  sb_stemmer* stemmer_;
};

}  // namespace sobremesa::text
