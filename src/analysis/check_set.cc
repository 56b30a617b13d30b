#include "analysis/check_set.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace sobremesa::analysis {
namespace {

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(separator, start);
    parts.push_back(s.substr(start, end == std::string_view::npos ? s.npos : end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Parses "aspect:polarity,..." into `out`.
Status ParseLabels(std::string_view labels, CheckSentence& out) {
  std::vector<Sentiment> polarities;
  std::optional<Sentiment> verdict;
  for (std::string_view label : Split(labels, ',')) {
    const std::size_t colon = label.find(':');
    const std::optional<Sentiment> sentiment =
        colon == label.npos ? std::nullopt : ParseSentiment(label.substr(colon + 1));
    if (!sentiment) {
      return Status::InvalidArgument("label '" + std::string(label) +
                                     "' is not aspect:polarity (polarity negative, neutral, "
                                     "positive or mixed)");
    }
    const std::string_view aspect = label.substr(0, colon);
    if (aspect == "verdict") {
      verdict = sentiment;
      continue;
    }
    polarities.push_back(*sentiment);
    if (aspect == "none") continue;
    const std::optional<Aspect> parsed = ParseAspect(aspect);
    if (!parsed) {
      return Status::InvalidArgument("unknown aspect '" + std::string(aspect) +
                                     "' (food, service, ambience, value, drinks, none or verdict)");
    }
    out.aspects.push_back({*parsed, *sentiment, 0, 1});
  }
  if (polarities.empty() && !verdict) return Status::InvalidArgument("no aspect label");
  const bool agree = std::all_of(polarities.begin(), polarities.end(),
                                 [&](Sentiment s) { return s == polarities.front(); });
  out.overall = verdict ? *verdict : agree ? polarities.front() : Sentiment::kMixed;
  return Status::Ok();
}

// A text with its line breaks written as "\\n" (a review of several
// paragraphs on one line of the file).
std::string Unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

StatusOr<CheckSentence> ParseLine(std::string_view line) {
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() != 3) {
    return Status::InvalidArgument(
        "expected 3 tab-separated fields (split, labels, sentence), got " +
        std::to_string(fields.size()));
  }
  CheckSentence s;
  s.split = std::string(fields[0]);
  if (std::find(kCheckSplits.begin(), kCheckSplits.end(), s.split) == kCheckSplits.end()) {
    return Status::InvalidArgument("split '" + s.split +
                                   "' is not dev, holdout, dev2, holdout2, dev3, holdout3, dev4 "
                                   "or holdout4");
  }
  RETURN_IF_ERROR(ParseLabels(fields[1], s));
  s.text = Unescape(fields[2]);
  if (s.text.empty()) return Status::InvalidArgument("empty sentence");
  return s;
}

const AspectSentiment* Find(const std::vector<AspectSentiment>& aspects, Aspect aspect) {
  for (const AspectSentiment& a : aspects) {
    if (a.aspect == aspect) return &a;
  }
  return nullptr;
}

double Ratio(int a, int b) { return b == 0 ? 0.0 : double(a) / b; }

}  // namespace

StatusOr<std::vector<CheckSentence>> ReadCheckSet(const std::string& path) {
  if (!std::filesystem::exists(path)) return Status::NotFound("no check set at " + path);
  std::ifstream in(path);
  std::vector<CheckSentence> out;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    StatusOr<CheckSentence> s = ParseLine(line);
    if (!s.ok()) {
      return Status::InvalidArgument(path + ":" + std::to_string(number) + ": " +
                                     s.status().message());
    }
    s->line = number;
    out.push_back(std::move(s).value());
  }
  return out;
}

double CheckSetReport::precision() const { return Ratio(detected, predicted_aspects); }
double CheckSetReport::recall() const { return Ratio(detected, gold_aspects); }
double CheckSetReport::f1() const {
  const double p = precision(), r = recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
double CheckSetReport::aspect_polarity_accuracy() const {
  return Ratio(polarity_right, labelled_aspects);
}
double CheckSetReport::verdict_accuracy() const { return Ratio(verdict_right, sentences); }

StatusOr<CheckSetReport> ScoreCheckSet(DocumentAnalyzer& analyzer,
                                       const std::vector<CheckSentence>& sentences,
                                       std::string_view split, std::vector<CheckMiss>* misses) {
  CheckSetReport r;
  for (const CheckSentence& s : sentences) {
    if (split != "all" && s.split != split) continue;
    ASSIGN_OR_RETURN(TextAnalysis analysis, analyzer.Analyze(s.text, nullptr));
    ++r.sentences;
    r.not_analysed += analysis.status != AnalysisStatus::kAnalysed;
    bool wrong = analysis.verdict != s.overall;
    r.verdict_right += !wrong;
    for (const AspectSentiment& p : analysis.aspects) {
      if (p.sentiment == Sentiment::kNeutral) continue;
      ++r.predicted_aspects;
      const AspectSentiment* g = Find(s.aspects, p.aspect);
      if (g == nullptr || g->sentiment == Sentiment::kNeutral) wrong = true;
    }
    for (const AspectSentiment& g : s.aspects) {
      ++r.labelled_aspects;
      const AspectSentiment* p = Find(analysis.aspects, g.aspect);
      if (g.sentiment != Sentiment::kNeutral) {
        ++r.gold_aspects;
        r.detected += p != nullptr && p->sentiment != Sentiment::kNeutral;
      }
      const bool right = p != nullptr && p->sentiment == g.sentiment;
      r.polarity_right += right;
      wrong = wrong || !right;
    }
    if (wrong && misses != nullptr) misses->push_back({&s, std::move(analysis)});
  }
  return r;
}

std::string DescribeAspects(const std::vector<AspectSentiment>& aspects) {
  std::string out;
  for (const AspectSentiment& a : aspects) {
    if (a.sentiment == Sentiment::kNeutral) continue;
    if (!out.empty()) out += ',';
    out += std::string(AspectCode(a.aspect)) + ":" + std::string(SentimentCode(a.sentiment));
  }
  return out.empty() ? "none" : out;
}

}  // namespace sobremesa::analysis
