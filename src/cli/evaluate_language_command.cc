// sobremesa evaluate language --semeval FILE.xml | --semeval2014 FILE.xml
//   --expect es|en|pt [--show-errors]
// How often the language identifier routes real reviews, whose language is
// known, to that language: per sentence and per review
// (docs/evaluation/sentiment.md, "Language identification").

#include <cstdio>

#include "cli/command.h"
#include "evaluation/sentiment/language_identification.h"
#include "selection/sentiment/semeval2014_dataset.h"

namespace sobremesa {
namespace {

struct EvaluateLanguageOptions {
  std::string semeval;
  std::string semeval2014;
  std::string expect;
  bool show_errors = false;
};

void Print(const char* unit, const evaluation::LanguageCounts& c, text::Language expected) {
  if (c.texts() == 0) return;
  std::printf("%-9s %6d %8.2f", unit, c.texts(), 100 * c.Accuracy(expected));
  for (const text::Language l : {text::Language::kSpanish, text::Language::kEnglish,
                                 text::Language::kPortuguese, text::Language::kUnknown}) {
    std::printf(" %8d", c.identified[static_cast<int>(l)]);
  }
  std::printf("\n");
}

Status RunEvaluateLanguage(const EvaluateLanguageOptions& o) {
  const text::Language expected = text::ParseLanguage(o.expect);
  if (expected == text::Language::kUnknown) {
    return Status::InvalidArgument("--expect: '" + o.expect + "' is not es, en or pt");
  }
  if (o.semeval.empty() == o.semeval2014.empty()) {
    return Status::InvalidArgument("give exactly one of --semeval and --semeval2014");
  }
  ASSIGN_OR_RETURN(std::vector<sentiment::SemEvalSentence> sentences,
                   o.semeval.empty() ? sentiment::ReadSemEval2014(o.semeval2014)
                                     : sentiment::ReadSemEval2016(o.semeval));
  ASSIGN_OR_RETURN(evaluation::LanguageIdentificationReport report,
                   evaluation::ScoreLanguageIdentification(sentences, expected));
  std::printf("%-9s %6s %8s %8s %8s %8s %8s\n", "unit", "texts", "accuracy", "es", "en", "pt",
              "unknown");
  Print("sentences", report.sentences, expected);
  // SemEval-2014 has no reviews: each sentence is its own (semeval2014_dataset.h).
  if (!o.semeval.empty()) Print("reviews", report.reviews, expected);
  if (o.show_errors) {
    for (const auto& [text, language] : report.misses) {
      std::printf("%s\t%s\n", std::string(text::LanguageCode(language)).c_str(), text.c_str());
    }
  }
  return Status::Ok();
}

}  // namespace

Command AddEvaluateLanguageCommand(CLI::App& evaluate) {
  auto o = std::make_shared<EvaluateLanguageOptions>();
  CLI::App* app = evaluate.add_subcommand(
      "language", "Score language identification on reviews of a known language");
  app->add_option("--semeval", o->semeval, "A SemEval-2016 Task 5 file");
  app->add_option("--semeval2014", o->semeval2014, "A SemEval-2014 Task 4 file");
  app->add_option("--expect", o->expect, "The language its texts are written in (es, en, pt)")
      ->required();
  app->add_flag("--show-errors", o->show_errors,
                "List the sentences taken for another language (or none)");
  return {app, [o] { return RunEvaluateLanguage(*o); }};
}

}  // namespace sobremesa
