#include "text/sentiment_lexicon.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "text/text_analyzer.h"

namespace sobremesa::text {

int SentimentLexicon::BinOf(float polarity) {
  const float magnitude = std::fabs(polarity);
  if (!(magnitude >= 0.125f)) return 0;  // also NaN
  const int strength = magnitude < 0.375f ? 1 : magnitude < 0.625f ? 2 : 3;
  return polarity > 0 ? strength : -strength;
}

StatusOr<SentimentLexicon> SentimentLexicon::ReadSentiCon(const std::string& path,
                                                          Language language) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::NotFound("no sentiment lexicon at " + path +
                            " (scripts/install_deps.sh installs it; --lexicon none trains "
                            "without one)");
  }
  std::ifstream in(path, std::ios::binary);
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    return Status::InvalidArgument(path + " is not a JSON object of lemma -> {\"pol\": ...}");
  }
  ASSIGN_OR_RETURN(std::unique_ptr<TextAnalyzer> analyzer, TextAnalyzer::Create(language));
  // stem -> (sum of polarities, lemmas)
  std::map<std::string, std::pair<double, int>> stems;
  for (const auto& [lemma, entry] : json.items()) {
    const auto pol = entry.is_object() ? entry.find("pol") : entry.end();
    if (pol == entry.end() || !pol->is_string()) {
      return Status::InvalidArgument(path + ": lemma \"" + lemma + "\" has no \"pol\" string");
    }
    const std::string& text = pol->get_ref<const std::string&>();
    char* end = nullptr;
    const double polarity = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !(std::fabs(polarity) <= 1.0)) {
      return Status::InvalidArgument(path + ": lemma \"" + lemma + "\" has polarity \"" + text +
                                     "\", not a number in [-1, 1]");
    }
    StatusOr<Tokens> tokens = analyzer->Analyze(lemma);
    if (!tokens.ok() || tokens->size() != 1 || tokens->front().kind != TokenKind::kWord) continue;
    auto& [sum, count] = stems[tokens->front().text];
    sum += polarity;
    ++count;
  }
  std::vector<std::pair<std::string, int>> bins;
  for (const auto& [stem, total] : stems) {
    const int bin = BinOf(static_cast<float>(total.first / total.second));
    if (bin != 0) bins.emplace_back(stem, bin);
  }
  if (bins.empty())
    return Status::InvalidArgument(path + " holds no one-word lemma with a polarity");
  return FromBins(std::move(bins));
}

StatusOr<SentimentLexicon> SentimentLexicon::FromBins(
    std::vector<std::pair<std::string, int>> bins) {
  SentimentLexicon lexicon;
  for (auto& [stem, bin] : bins) {
    if (stem.empty() || bin == 0 || std::abs(bin) > kStrengths) {
      return Status::InvalidArgument("lexicon entry \"" + stem + "\" has bin " +
                                     std::to_string(bin) +
                                     " (must be a non-empty stem and a bin "
                                     "in -3..-1 or 1..3)");
    }
    if (lexicon.bins_.contains(stem)) {
      return Status::InvalidArgument("lexicon holds the stem \"" + stem + "\" twice");
    }
    lexicon.bins_.emplace(std::move(stem), static_cast<std::int8_t>(bin));
  }
  return lexicon;
}

int SentimentLexicon::Bin(std::string_view stem) const {
  const auto it = bins_.find(stem);
  return it == bins_.end() ? 0 : it->second;
}

std::vector<std::pair<std::string, int>> SentimentLexicon::Bins() const {
  std::vector<std::pair<std::string, int>> bins(bins_.begin(), bins_.end());
  std::sort(bins.begin(), bins.end());
  return bins;
}

std::string SentiConPath(const std::string& dir, Language language) {
  return dir + "/senticon_" + std::string(LanguageCode(language)) + ".json";
}

LexiconChoice ChooseLexiconDir(const std::string& asked, bool asked_explicitly) {
  if (asked == "none") return {};
  std::error_code ec;
  if (!asked_explicitly && !std::filesystem::is_directory(asked, ec)) {
    return {"", "warning: no sentiment lexicon at " + asked +
                    " (scripts/install_deps.sh installs it); training without one"};
  }
  return {asked, ""};
}

}  // namespace sobremesa::text
