// sobremesa evaluate check-set --model FILE[,FILE] [--file TSV | --semeval FILE.xml]
//   [--holdout F --seed N] [--cues true|false] [--show-errors]
// Scores the document analyzer (what POST /v1/feedback/analyze returns) on
// hand-labelled sentences: our Latin-American dining check set, or the
// held-out reviews of a SemEval-2016 file read the same way, so the
// analyzer's rules can be checked on Spain's text too
// (docs/evaluation/sentiment.md).

#include <algorithm>
#include <cstdio>

#include "analysis/category_aspect.h"
#include "analysis/check_set.h"
#include "cli/command.h"
#include "selection/sentiment/semeval_dataset.h"

namespace sobremesa {
namespace {

struct EvaluateCheckSetOptions {
  std::vector<std::string> models;
  std::string file = "tests/data/latam_dining_check_set.tsv";
  std::string semeval;
  double holdout = 0.2;
  unsigned seed = 2016;
  bool show_errors = false;
  bool cues = true;
};

Sentiment FromPolarity(sentiment::Polarity p) {
  return p == sentiment::Polarity::kNegative   ? Sentiment::kNegative
         : p == sentiment::Polarity::kPositive ? Sentiment::kPositive
                                               : Sentiment::kNeutral;
}

// A SemEval sentence as a check sentence: each opinion's category mapped to
// its aspect (two opinions of one aspect that disagree make it mixed;
// RESTAURANT#GENERAL counts in the overall polarity only).
analysis::CheckSentence FromSemEval(const sentiment::SemEvalSentence& s) {
  analysis::CheckSentence out{"holdout", s.text, {}, Sentiment::kNeutral, 0};
  std::vector<Sentiment> all;
  for (const sentiment::SemEvalOpinion& o : s.opinions) {
    const Sentiment sentiment = FromPolarity(o.polarity);
    all.push_back(sentiment);
    const std::optional<Aspect> aspect = analysis::AspectOfCategory(o.category);
    if (!aspect) continue;
    auto it = std::find_if(out.aspects.begin(), out.aspects.end(),
                           [&](const AspectSentiment& a) { return a.aspect == *aspect; });
    if (it == out.aspects.end()) {
      out.aspects.push_back({*aspect, sentiment, 0, 1});
    } else if (it->sentiment != sentiment) {
      it->sentiment = Sentiment::kMixed;
    }
  }
  const bool agree =
      std::all_of(all.begin(), all.end(), [&](Sentiment x) { return x == all.front(); });
  out.overall = agree ? all.front() : Sentiment::kMixed;
  return out;
}

StatusOr<std::vector<analysis::CheckSentence>> LoadSentences(const EvaluateCheckSetOptions& o) {
  if (o.semeval.empty()) return analysis::ReadCheckSet(o.file);
  ASSIGN_OR_RETURN(std::vector<sentiment::SemEvalSentence> all,
                   sentiment::ReadSemEval2016(o.semeval));
  std::vector<analysis::CheckSentence> out;
  for (const sentiment::SemEvalSentence& s :
       sentiment::SplitByReview(all, o.holdout, o.seed).test) {
    if (!s.opinions.empty()) out.push_back(FromSemEval(s));
  }
  return out;
}

void Print(std::string_view split, const analysis::CheckSetReport& r) {
  std::printf("%-8s %9d %8d %8.2f %8.2f %8.2f %10.2f %10.2f\n", std::string(split).c_str(),
              r.sentences, r.not_analysed, 100 * r.precision(), 100 * r.recall(), 100 * r.f1(),
              100 * r.aspect_polarity_accuracy(), 100 * r.verdict_accuracy());
}

Status RunEvaluateCheckSet(const EvaluateCheckSetOptions& o) {
  analysis::SentimentModelSet models;
  for (const std::string& path : o.models) {
    ASSIGN_OR_RETURN(std::unique_ptr<sentiment::SentimentModel> model,
                     sentiment::SentimentModel::Load(path));
    models.push_back(std::move(model));
  }
  ASSIGN_OR_RETURN(std::unique_ptr<analysis::DocumentAnalyzer> analyzer,
                   analysis::DocumentAnalyzer::Create(std::move(models), o.cues));
  ASSIGN_OR_RETURN(std::vector<analysis::CheckSentence> sentences, LoadSentences(o));
  std::printf("%-8s %9s %8s %8s %8s %8s %10s %10s\n", "split", "sentences", "unread", "asp_p",
              "asp_r", "asp_f1", "asp_pol", "verdict");
  std::vector<analysis::CheckMiss> misses;
  std::vector<std::string_view> splits(analysis::kCheckSplits.begin(),
                                       analysis::kCheckSplits.end());
  splits.push_back("all");
  for (std::string_view split : splits) {
    // Misses are listed for the dev splits only: the holdouts are never
    // read sentence by sentence, so nothing is tuned on them.
    const bool dev = split.starts_with("dev") && o.show_errors;
    ASSIGN_OR_RETURN(analysis::CheckSetReport report,
                     analysis::ScoreCheckSet(*analyzer, sentences, split, dev ? &misses : nullptr));
    if (report.sentences > 0) Print(split, report);
  }
  for (const analysis::CheckMiss& m : misses) {
    std::printf("line %d: %s\n  want %s (%s), got %s (%s)\n", m.sentence->line,
                m.sentence->text.c_str(), analysis::DescribeAspects(m.sentence->aspects).c_str(),
                std::string(SentimentCode(m.sentence->overall)).c_str(),
                analysis::DescribeAspects(m.analysis.aspects).c_str(),
                std::string(SentimentCode(m.analysis.verdict)).c_str());
  }
  return Status::Ok();
}

}  // namespace

Command AddEvaluateCheckSetCommand(CLI::App& evaluate) {
  auto o = std::make_shared<EvaluateCheckSetOptions>();
  CLI::App* app = evaluate.add_subcommand(
      "check-set", "Score the document analyzer on hand-labelled sentences (aspects, polarity)");
  app->add_option("--model", o->models, "Sentiment model file(s), comma separated")
      ->required()
      ->delimiter(',');
  app->add_option("--file", o->file, "Check set (split, labels, sentence)")->capture_default_str();
  app->add_option("--semeval", o->semeval,
                  "Score the held-out reviews of this SemEval-2016 file instead");
  app->add_option("--holdout", o->holdout, "Share of --semeval reviews held out")
      ->check(CLI::Range(0.05, 0.5))
      ->capture_default_str();
  app->add_option("--seed", o->seed, "Seed of the --semeval split")->capture_default_str();
  app->add_option("--cues", o->cues, "Apply the dining cues (analysis/dining_cues.h)")
      ->capture_default_str();
  app->add_flag("--show-errors", o->show_errors,
                "List the texts of the dev splits (dev, dev2, …) the analyzer gets wrong; holdouts never");
  return {app, [o] { return RunEvaluateCheckSet(*o); }};
}

}  // namespace sobremesa
