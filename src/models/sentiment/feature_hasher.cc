#include "models/sentiment/feature_hasher.h"

#include <string_view>

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

// Char n-grams counted in code points, not bytes, so "ñ" is one letter.
void AddCharNgrams(std::string_view word, const FeatureOptions& o,
                   std::vector<std::uint32_t>& ids) {
  std::vector<std::size_t> starts;  // byte offset of each code point, plus end
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (!IsContinuationByte(word[i])) starts.push_back(i);
  }
  starts.push_back(word.size());
  const std::size_t letters = starts.size() - 1;
  for (std::size_t i = 0; i < letters; ++i) {
    for (int n = o.min_char_ngram; n <= o.max_char_ngram && i + n <= letters; ++n) {
      if (n == static_cast<int>(letters)) continue;  // the whole "<word>" is already a feature
      const std::string_view gram = word.substr(starts[i], starts[i + n] - starts[i]);
      ids.push_back(static_cast<std::uint32_t>(Fnv1a(gram, Fnv1a("#")) % o.buckets));
    }
  }
}

}  // namespace

void HashFeatures(const text::Tokens& tokens, const FeatureOptions& options,
                  std::vector<std::uint32_t>& ids) {
  ids.clear();
  std::uint64_t previous = 0;
  std::string wrapped;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::uint64_t h = Fnv1a(tokens[i].text);
    ids.push_back(static_cast<std::uint32_t>(h % options.buckets));
    if (i > 0) {
      ids.push_back(static_cast<std::uint32_t>((previous * 116049371ull + h) % options.buckets));
    }
    previous = h;
    if (options.max_char_ngram > 0 && tokens[i].kind == text::TokenKind::kWord) {
      wrapped = "<" + tokens[i].text + ">";
      AddCharNgrams(wrapped, options, ids);
    }
  }
}

}  // namespace sobremesa::sentiment
