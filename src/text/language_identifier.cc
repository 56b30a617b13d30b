#include "text/language_identifier.h"

#include <utf8proc.h>

#include <cmath>
#include <unordered_set>
#include <vector>

#include "text/food_vocabulary.h"
#include "text/language_samples.h"

namespace sobremesa::text {
namespace {

constexpr std::array<Language, 3> kModelled = {Language::kSpanish, Language::kEnglish,
                                               Language::kPortuguese};

bool IsLetter(utf8proc_int32_t cp) {
  const utf8proc_category_t c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME);
}

// Code points of `text` as UTF-8 strings, letters only, every run of
// non-letters one space, padded with a space on both sides.
std::vector<std::string> LetterSequence(std::string_view text) {
  std::vector<std::string> out = {" "};
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    const utf8proc_ssize_t step = n < 0 ? 1 : n;
    if (n > 0 && IsLetter(cp)) {
      out.emplace_back(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
    } else if (out.back() != " ") {
      out.emplace_back(" ");
    }
    p += step;
    left -= step;
  }
  if (out.back() != " ") out.emplace_back(" ");
  return out;
}

// The letter sequence without Peruvian dish and drink names (IsDishWord):
// loanwords in any language, they made "Lomo saltado was great" Spanish.
std::vector<std::string> WithoutDishNames(const std::vector<std::string>& chars) {
  std::vector<std::string> out = {" "};
  std::size_t start = 1;  // chars[0] is the leading space
  for (std::size_t i = 1; i < chars.size(); ++i) {
    if (chars[i] != " ") continue;
    std::string word;
    for (std::size_t j = start; j < i; ++j) word += chars[j];
    if (!IsDishWord(word)) {
      out.insert(out.end(), chars.begin() + static_cast<std::ptrdiff_t>(start),
                 chars.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
    start = i + 1;
  }
  return out;
}

std::vector<std::string> Trigrams(const std::vector<std::string>& chars) {
  std::vector<std::string> trigrams;
  for (std::size_t i = 0; i + 2 < chars.size(); ++i) {
    trigrams.push_back(chars[i] + chars[i + 1] + chars[i + 2]);
  }
  return trigrams;
}

}  // namespace

LanguageIdentifier::LanguageIdentifier(const Prior& prior) {
  for (int l = 0; l < kLanguages; ++l) log_prior_[l] = std::log(prior[l]);
  std::array<std::unordered_map<std::string, int>, kLanguages> counts;
  std::unordered_set<std::string> vocabulary;
  std::array<int, kLanguages> totals{};
  for (int l = 0; l < kLanguages; ++l) {
    for (std::string& t : Trigrams(LetterSequence(LanguageSample(kModelled[l])))) {
      vocabulary.insert(t);
      ++counts[l][std::move(t)];
      ++totals[l];
    }
  }
  // Laplace smoothing over the union vocabulary plus one slot for unseen.
  const double v = static_cast<double>(vocabulary.size()) + 1.0;
  for (int l = 0; l < kLanguages; ++l) {
    const double denominator = totals[l] + v;
    for (const auto& [trigram, count] : counts[l]) {
      profiles_[l].log_probability[trigram] = std::log((count + 1.0) / denominator);
    }
    profiles_[l].unseen_log_probability = std::log(1.0 / denominator);
  }
}

LanguageGuess LanguageIdentifier::Identify(std::string_view normalized) const {
  const std::vector<std::string> chars = LetterSequence(normalized);
  // Dish names vote only when the rest cannot say ("Ceviche!!", "Amazing ceviche!").
  const LanguageGuess guess = Identify(Trigrams(WithoutDishNames(chars)));
  return guess.language != Language::kUnknown ? guess : Identify(Trigrams(chars));
}

LanguageGuess LanguageIdentifier::Identify(const std::vector<std::string>& trigrams) const {
  if (static_cast<int>(trigrams.size()) < kMinTrigrams) return {};
  std::array<double, kLanguages> score = log_prior_;
  std::array<int, kLanguages> seen{};
  for (const std::string& t : trigrams) {
    for (int l = 0; l < kLanguages; ++l) {
      const auto it = profiles_[l].log_probability.find(t);
      const bool known = it != profiles_[l].log_probability.end();
      score[l] += known ? it->second : profiles_[l].unseen_log_probability;
      seen[l] += known;
    }
  }
  int best = 0;
  for (int l = 1; l < kLanguages; ++l) best = score[l] > score[best] ? l : best;
  double runner_up = -INFINITY;
  for (int l = 0; l < kLanguages; ++l) {
    if (l != best) runner_up = std::max(runner_up, score[l]);
  }
  const double n = static_cast<double>(trigrams.size());
  const double margin = (score[best] - runner_up) / n;
  if (seen[best] * 2 < static_cast<int>(trigrams.size())) return {};
  return {kModelled[best], margin};
}

}  // namespace sobremesa::text
