#pragma once
// What Sobremesa reads in a guest's text (feedback, review, social mention):
// its language, a verdict for the whole text, the five aspects a manager
// reads, the menu items it speaks of, and the complaints to quote. Written
// by src/analysis, stored beside the record (docs/schema.md, text_analyses).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/entities.h"

namespace sobremesa {

enum class Aspect : std::uint8_t { kFood, kService, kAmbience, kValue, kDrinks };
inline constexpr std::array<Aspect, 5> kAllAspects = {
    Aspect::kFood, Aspect::kService, Aspect::kAmbience, Aspect::kValue, Aspect::kDrinks};

// kMixed: some parts praise and some complain ("the food was great, the
// service slow"); a text or aspect with neither is kNeutral.
enum class Sentiment : std::uint8_t { kNegative, kNeutral, kPositive, kMixed };

// Why a text has or has no analysis. Anything but kAnalysed is "not
// analysed": the record is stored with its language and this reason.
enum class AnalysisStatus : std::uint8_t { kAnalysed, kEmptyText, kUnknownLanguage, kNoModel };

struct AspectSentiment {
  Aspect aspect = Aspect::kFood;
  Sentiment sentiment = Sentiment::kNeutral;
  double score = 0;   // (positive - negative) / sentences, in [-1, 1]
  int sentences = 0;  // sentences that speak of the aspect
};

struct DishSentiment {
  Id item_id = 0;
  std::string name;
  Sentiment sentiment = Sentiment::kNeutral;
  double score = 0;   // as AspectSentiment::score
  std::string quote;  // the sentence that says the most (the first negative one, if any)
};

struct SentenceSentiment {
  std::string text;  // as the guest wrote it
  Sentiment sentiment = Sentiment::kNeutral;
  std::vector<AspectSentiment> aspects;  // score +1, 0 or -1; sentences = 1
  std::vector<Id> dishes;
};

struct TextAnalysis {
  std::string language = "unknown";  // "es", "en", "pt" or "unknown"
  AnalysisStatus status = AnalysisStatus::kEmptyText;
  Sentiment verdict = Sentiment::kNeutral;
  double score = 0;  // (positive - negative sentences) / sentences, in [-1, 1]
  std::vector<SentenceSentiment> sentences;
  std::vector<AspectSentiment> aspects;  // in kAllAspects order, only those spoken of
  std::vector<DishSentiment> dishes;     // in order of first mention
  std::vector<std::string> complaints;   // the negative sentences, as written
};

inline std::string_view AspectCode(Aspect a) {
  static constexpr std::array<std::string_view, 5> kCodes = {"food", "service", "ambience", "value",
                                                             "drinks"};
  return kCodes[static_cast<int>(a)];
}
inline std::optional<Aspect> ParseAspect(std::string_view code) {
  for (Aspect a : kAllAspects) {
    if (AspectCode(a) == code) return a;
  }
  return std::nullopt;
}

inline std::string_view SentimentCode(Sentiment s) {
  static constexpr std::array<std::string_view, 4> kCodes = {"negative", "neutral", "positive",
                                                             "mixed"};
  return kCodes[static_cast<int>(s)];
}
inline std::optional<Sentiment> ParseSentiment(std::string_view code) {
  for (int i = 0; i < 4; ++i) {
    if (SentimentCode(static_cast<Sentiment>(i)) == code) return static_cast<Sentiment>(i);
  }
  return std::nullopt;
}

inline std::string_view AnalysisStatusCode(AnalysisStatus s) {
  static constexpr std::array<std::string_view, 4> kCodes = {"analysed", "empty_text",
                                                             "unknown_language", "no_model"};
  return kCodes[static_cast<int>(s)];
}
inline std::optional<AnalysisStatus> ParseAnalysisStatus(std::string_view code) {
  for (int i = 0; i < 4; ++i) {
    const auto s = static_cast<AnalysisStatus>(i);
    if (AnalysisStatusCode(s) == code) return s;
  }
  return std::nullopt;
}

}  // namespace sobremesa

namespace sobremesa {

// Where a stored analysis comes from.
enum class TextSource : std::uint8_t { kFeedback, kMention };

// Manager's aggregates (Store::AspectSentimentTrend and friends).
enum class TrendGranularity : std::uint8_t { kDay, kWeek };

// One aspect over one day or week (Lima time).
struct AspectTrendPoint {
  std::string period;  // "2026-11-23": the day, or the Monday of the week
  Aspect aspect = Aspect::kFood;
  int texts = 0;  // analysed texts that speak of the aspect
  int positive = 0, negative = 0, mixed = 0;
  double score = 0;  // mean of the texts' aspect scores, in [-1, 1]
};

// A dish and what guests said of it.
struct DishSentimentSummary {
  Id item_id = 0;
  std::string name;
  int mentions = 0, negative = 0;
  double score = 0;           // mean, in [-1, 1]
  std::string example_quote;  // the latest negative sentence about it
};

// A guest whose last feedback was negative or mixed: what the waiter
// should know before the next visit.
struct GuestWarning {
  Id guest_id = 0;
  std::string guest_name;
  Id feedback_id = 0;
  UnixSeconds at = 0;
  Sentiment verdict = Sentiment::kNegative;
  double score = 0;
  std::vector<std::string> complaints;  // quotes
};

}  // namespace sobremesa
