#include "models/sentiment/feature_hasher.h"

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

#include "text/negation_marker.h"

namespace sobremesa::sentiment {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;
constexpr std::uint64_t kFnvPrime = 1099511628211ull;

std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t seed = kFnvOffset) {
  std::uint64_t h = seed;
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= kFnvPrime;
  }
  return h;
}

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Code points of "<word>" whose n-grams are hashed: a 1 MB "word" must
// not cost 1 MB of scratch, and longer words contribute the n-grams of
// their first letters.
constexpr std::size_t kMaxWrappedLetters = 66;
// Seed of char n-gram hashes, so "<a>" the n-gram and "<a>" a token differ.
const std::uint64_t kNgramSeed = Fnv1a("#");

void AddCharNgrams(std::string_view word, const FeatureOptions& o,
                   std::vector<std::uint32_t>& ids) {
  std::string wrapped;
  wrapped.reserve(word.size() + 2);
  wrapped += '<';
  wrapped += word;
  wrapped += '>';
  // Byte offset of each code point, then the end of the last one.
  std::size_t starts[kMaxWrappedLetters + 1];
  std::size_t letters = 0;
  std::size_t end = wrapped.size();
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    if (IsContinuationByte(wrapped[i])) continue;
    if (letters == kMaxWrappedLetters) {
      end = i;
      break;
    }
    starts[letters++] = i;
  }
  starts[letters] = end;
  const std::string_view whole = wrapped;
  for (std::size_t i = 0; i < letters; ++i) {
    for (int n = o.min_char_ngram; n <= o.max_char_ngram && i + n <= letters; ++n) {
      if (n == static_cast<int>(letters)) continue;  // the whole "<word>" is already a feature
      const std::string_view gram = whole.substr(starts[i], starts[i + n] - starts[i]);
      ids.push_back(static_cast<std::uint32_t>(Fnv1a(gram, kNgramSeed) % o.buckets));
    }
  }
}

// Hash of the lexicon feature of `bin`, negated or not ("lex:-3" ...
// "neg:lex:+3"). No token of the tokenizer holds ':' but the negation
// prefix, so these never collide with a word.
std::uint64_t LexiconFeatureHash(int bin, bool negated) {
  static const auto kHashes = [] {
    constexpr int kBins = 2 * text::SentimentLexicon::kStrengths + 1;
    std::array<std::array<std::uint64_t, kBins>, 2> hashes{};
    for (int n = 0; n < 2; ++n) {
      for (int b = -text::SentimentLexicon::kStrengths; b <= text::SentimentLexicon::kStrengths;
           ++b) {
        const std::string name = std::string(n ? text::kNegatedPrefix : "") +
                                 "lex:" + (b > 0 ? "+" : "") + std::to_string(b);
        hashes[n][b + text::SentimentLexicon::kStrengths] = Fnv1a(name);
      }
    }
    return hashes;
  }();
  return kHashes[negated ? 1 : 0][bin + text::SentimentLexicon::kStrengths];
}

}  // namespace

std::uint64_t TokenHash(std::string_view text) { return Fnv1a(text); }

void AppendTokenFeatures(const text::Token& token, std::uint64_t hash,
                         const FeatureOptions& options, std::vector<std::uint32_t>& ids) {
  ids.push_back(static_cast<std::uint32_t>(hash % options.buckets));
  if (token.kind != text::TokenKind::kWord) return;
  std::string_view word = token.text;
  const bool negated = word.starts_with(text::kNegatedPrefix);
  // A negated word says what it speaks of as the plain word does: it adds
  // the plain word and its n-grams, and "neg:word" only to the above.
  if (options.negated_words_add_plain && negated) {
    word.remove_prefix(text::kNegatedPrefix.size());
    ids.push_back(static_cast<std::uint32_t>(TokenHash(word) % options.buckets));
  }
  if (options.max_char_ngram > 0) AddCharNgrams(word, options, ids);
  if (options.lexicon != nullptr) {
    std::string_view plain = token.text;
    if (negated) plain.remove_prefix(text::kNegatedPrefix.size());
    if (const int bin = options.lexicon->Bin(plain); bin != 0) {
      ids.push_back(static_cast<std::uint32_t>(LexiconFeatureHash(bin, negated) % options.buckets));
    }
  }
}

std::vector<std::uint32_t> LexiconFeatureIds(const FeatureOptions& options) {
  std::vector<std::uint32_t> ids;
  if (options.lexicon == nullptr) return ids;
  for (const bool negated : {false, true}) {
    for (int b = -text::SentimentLexicon::kStrengths; b <= text::SentimentLexicon::kStrengths;
         ++b) {
      if (b == 0) continue;
      ids.push_back(static_cast<std::uint32_t>(LexiconFeatureHash(b, negated) % options.buckets));
    }
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

std::uint32_t BigramFeature(std::uint64_t previous, std::uint64_t current,
                            const FeatureOptions& options) {
  return static_cast<std::uint32_t>((previous * 116049371ull + current) % options.buckets);
}

void HashFeatures(const text::Tokens& tokens, const FeatureOptions& options,
                  std::vector<std::uint32_t>& ids) {
  ids.clear();
  std::uint64_t previous = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::uint64_t h = TokenHash(tokens[i].text);
    AppendTokenFeatures(tokens[i], h, options, ids);
    if (i > 0) ids.push_back(BigramFeature(previous, h, options));
    previous = h;
  }
}

}  // namespace sobremesa::sentiment
