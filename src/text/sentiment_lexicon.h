#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/status.h"
#include "text/language.h"

namespace sobremesa::text {

// Where scripts/install_deps.sh puts the lexicons (npm package `natural`
// 8.1.1, MIT): senticon_es.json and senticon_en.json.
inline constexpr const char* kDefaultLexiconDir =
    "/usr/local/share/sobremesa/lexicons/natural-8.1.1";

// A general sentiment lexicon as the sentiment model reads it: the stem of
// a word (what TextAnalyzer makes of it) -> its polarity, binned by sign
// and strength into -kStrengths .. -1, 1 .. kStrengths. The model adds one
// shared feature a bin (feature_hasher.h), so a word SemEval's training
// sentences never hold still moves polarity by its lexicon bin.
// Immutable after construction; share it between threads.
class SentimentLexicon {
 public:
  static constexpr int kStrengths = 3;

  // Bin of a polarity in [-1, 1]: 0 (not kept) below 0.125 in magnitude,
  // then strength 1 below 0.375, 2 below 0.625, 3 above (ML-SentiCon's
  // values are multiples of 1/8 from 0.25; its weak half is noisy, so the
  // model learns how far to trust each strength).
  static int BinOf(float polarity);

  // Reads an ML-SentiCon file as shipped by `natural`: a JSON object of
  // lemma -> {"pol": "0.708", ...}. Each one-word lemma goes through
  // `language`'s TextAnalyzer; the polarities of lemmas sharing a stem are
  // averaged, then binned. Multi-word lemmas ("mal humor") are skipped: the
  // model reads words one at a time. NotFound naming `path` when it does
  // not exist; InvalidArgument naming `path` when it is not such a file or
  // holds no usable lemma.
  static StatusOr<SentimentLexicon> ReadSentiCon(const std::string& path, Language language);

  // A lexicon of (stem, bin) pairs, as stored in a model file.
  // InvalidArgument for a bin of 0 or beyond kStrengths, an empty or
  // repeated stem.
  static StatusOr<SentimentLexicon> FromBins(std::vector<std::pair<std::string, int>> bins);

  // The bin of `stem`; 0 when the lexicon does not hold it.
  int Bin(std::string_view stem) const;
  // Every (stem, bin), sorted by stem (what a model file stores).
  std::vector<std::pair<std::string, int>> Bins() const;
  std::size_t size() const { return bins_.size(); }

 private:
  // Lookups by string_view without building a std::string.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::int8_t, Hash, std::equal_to<>> bins_;
};

// The lexicon file of `language` in `dir` (dir/senticon_<code>.json).
std::string SentiConPath(const std::string& dir, Language language);

// Which lexicon directory training uses. `asked` "none": no lexicon.
// When `asked` was not given explicitly (the default kDefaultLexiconDir)
// and does not exist, training goes on without a lexicon and `warning`
// says so, so a machine without install_deps.sh's lexicon step still
// trains; an explicitly asked directory is used as is, and a missing file
// is then ReadSentiCon's NotFound naming it.
struct LexiconChoice {
  std::string dir;  // empty: no lexicon
  std::string warning;
};
LexiconChoice ChooseLexiconDir(const std::string& asked, bool asked_explicitly);

}  // namespace sobremesa::text
