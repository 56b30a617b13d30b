#include "codec/text_analysis_json.h"

#include <cmath>

namespace sobremesa {
namespace {

// Thousandths, as the store keeps scores: an analysis made now reads the
// same as the one stored ("0.667", not "0.6666666666666666").
double Thousandths(double score) { return std::round(score * 1000) / 1000; }

nlohmann::json AspectsJson(const std::vector<AspectSentiment>& aspects) {
  nlohmann::json out = nlohmann::json::array();
  for (const AspectSentiment& a : aspects) {
    out.push_back({{"aspect", std::string(AspectCode(a.aspect))},
                   {"sentiment", std::string(SentimentCode(a.sentiment))},
                   {"score", Thousandths(a.score)},
                   {"sentences", a.sentences}});
  }
  return out;
}

}  // namespace

nlohmann::json ToJson(const TextAnalysis& a) {
  const bool analysed = a.status == AnalysisStatus::kAnalysed;
  nlohmann::json sentences = nlohmann::json::array();
  for (const SentenceSentiment& s : a.sentences) {
    nlohmann::json aspects = nlohmann::json::object();
    for (const AspectSentiment& x : s.aspects) {
      aspects[std::string(AspectCode(x.aspect))] = std::string(SentimentCode(x.sentiment));
    }
    sentences.push_back({{"text", s.text},
                         {"sentiment", std::string(SentimentCode(s.sentiment))},
                         {"aspects", std::move(aspects)},
                         {"dishes", s.dishes}});
  }
  nlohmann::json dishes = nlohmann::json::array();
  for (const DishSentiment& d : a.dishes) {
    dishes.push_back({{"item_id", d.item_id},
                      {"name", d.name},
                      {"sentiment", std::string(SentimentCode(d.sentiment))},
                      {"score", Thousandths(d.score)},
                      {"quote", d.quote}});
  }
  return {{"language", a.language},
          {"status", analysed ? "analysed" : "not_analysed"},
          {"reason", analysed ? "" : std::string(AnalysisStatusCode(a.status))},
          {"verdict", analysed ? nlohmann::json(std::string(SentimentCode(a.verdict))) : nullptr},
          {"score", analysed ? nlohmann::json(Thousandths(a.score)) : nullptr},
          {"sentences", std::move(sentences)},
          {"aspects", AspectsJson(a.aspects)},
          {"dishes", std::move(dishes)},
          {"complaints", a.complaints}};
}

}  // namespace sobremesa
