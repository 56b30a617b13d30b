// sobremesa evaluate sentiment --train FILE.xml[,FILE.xml...] [--test FILE.xml | --holdout F]
//   [--csv FILE] [--model FILE] [--fasttext BINARY] [--skip-fasttext]
//   [--dim N --epochs N --lr X --optimizer sgd|adagrad ... (our model's settings)]
// Trains our model and Debian's fastText on the same SemEval-2016 Task 5
// sentences and reports both side by side (docs/evaluation/sentiment.md).

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>

#include "cli/command.h"
#include "evaluation/sentiment/fasttext_runner.h"
#include "evaluation/sentiment/sobremesa_runner.h"

namespace sobremesa {
namespace {

using evaluation::ModelReport;
using evaluation::SemEvalSentence;

struct EvaluateSentimentOptions {
  std::vector<std::string> train;
  std::string test;
  double holdout = 0.2;
  unsigned seed = 2016;
  std::string csv;
  std::string model_path;
  std::string fasttext = "fasttext";
  bool skip_fasttext = false;
  evaluation::SobremesaRunOptions ours;
};

struct DataSets {
  std::string name;
  std::vector<SemEvalSentence> train, test;
};

StatusOr<DataSets> LoadData(const EvaluateSentimentOptions& o) {
  DataSets d;
  for (const std::string& path : o.train) {
    ASSIGN_OR_RETURN(std::vector<SemEvalSentence> part, evaluation::ReadSemEval2016(path));
    d.train.insert(d.train.end(), part.begin(), part.end());
  }
  if (!o.test.empty()) {
    ASSIGN_OR_RETURN(d.test, evaluation::ReadSemEval2016(o.test));
    d.name = std::filesystem::path(o.test).stem().string();
    return d;
  }
  // No test file: hold out whole reviews of the training files.
  evaluation::SemEvalSplit split = evaluation::SplitByReview(d.train, o.holdout, o.seed);
  d.train = std::move(split.train);
  d.test = std::move(split.test);
  d.name = std::filesystem::path(o.train.front()).stem().string() + "-holdout";
  return d;
}

void Print(const ModelReport& r) {
  std::printf("%-10s %8.2f %8.2f %9.2f %9.2f %9.1f %12.0f\n", r.model.c_str(), 100 * r.slot1_f1,
              100 * r.slot3_accuracy, 100 * r.sentence_accuracy, 100 * r.sentence_macro_f1,
              r.train_seconds, r.sentences_per_second);
}

Status WriteCsv(const std::string& path, const std::string& dataset,
                const std::vector<ModelReport>& reports) {
  std::ofstream out(path);
  out << "dataset,model,metric,value\n";
  for (const ModelReport& r : reports) {
    const std::pair<const char*, double> metrics[] = {
        {"slot1_f1", r.slot1_f1},
        {"slot3_accuracy", r.slot3_accuracy},
        {"sentence_accuracy", r.sentence_accuracy},
        {"sentence_macro_f1", r.sentence_macro_f1},
        {"train_seconds", r.train_seconds},
        {"sentences_per_second", r.sentences_per_second}};
    for (const auto& [name, value] : metrics) {
      out << dataset << ',' << r.model << ',' << name << ',' << value << '\n';
    }
  }
  out.flush();
  return out ? Status::Ok() : Status::Internal("cannot write " + path);
}

Status RunEvaluateSentiment(const EvaluateSentimentOptions& o) {
  ASSIGN_OR_RETURN(DataSets data, LoadData(o));
  std::printf("%s: %zu training sentences, %zu test sentences\n", data.name.c_str(),
              data.train.size(), data.test.size());
  evaluation::SobremesaRunOptions ours = o.ours;
  ours.model_path = o.model_path;
  ASSIGN_OR_RETURN(ModelReport sobremesa, evaluation::RunSobremesa(data.train, data.test, ours));
  evaluation::FastTextRunOptions theirs;
  theirs.binary = o.fasttext;
  std::vector<ModelReport> reports = {sobremesa};
  if (!o.skip_fasttext) {
    ASSIGN_OR_RETURN(ModelReport fasttext, evaluation::RunFastText(data.train, data.test, theirs));
    reports.push_back(fasttext);
  }
  std::printf("%-10s %8s %8s %9s %9s %9s %12s\n", "model", "slot1_f1", "slot3_acc", "sent_acc",
              "sent_mf1", "train_s", "sentences/s");
  for (const ModelReport& r : reports) Print(r);
  if (!o.csv.empty()) RETURN_IF_ERROR(WriteCsv(o.csv, data.name, reports));
  return Status::Ok();
}

}  // namespace

Command AddEvaluateSentimentCommand(CLI::App& evaluate) {
  auto o = std::make_shared<EvaluateSentimentOptions>();
  CLI::App* app = evaluate.add_subcommand(
      "sentiment", "Train on SemEval-2016 Task 5 XML, report ours and fastText's scores");
  app->add_option("--train", o->train, "Training file(s), comma separated")
      ->required()
      ->delimiter(',');
  app->add_option("--test", o->test, "Test file (default: hold out reviews of --train)");
  app->add_option("--holdout", o->holdout, "Share of training reviews held out without --test")
      ->check(CLI::Range(0.05, 0.5))
      ->capture_default_str();
  app->add_option("--seed", o->seed, "Seed of the held-out split")->capture_default_str();
  app->add_option("--csv", o->csv, "Write dataset,model,metric,value rows here");
  app->add_option("--model", o->model_path, "Save our trained model here");
  app->add_option("--fasttext", o->fasttext, "fastText binary")->capture_default_str();
  app->add_flag("--skip-fasttext", o->skip_fasttext, "Evaluate our model only");
  // Our model's settings, for tuning on held-out training reviews.
  app->add_option("--dim", o->ours.dim, "Embedding size")->capture_default_str();
  app->add_option("--buckets", o->ours.buckets, "Hashed feature buckets")->capture_default_str();
  app->add_option("--epochs", o->ours.training.epochs, "Training epochs")->capture_default_str();
  app->add_option("--ensemble", o->ours.training.ensemble, "Members (seeds) averaged")
      ->capture_default_str();
  app->add_option("--batch", o->ours.training.batch_size, "Mini-batch size")->capture_default_str();
  app->add_option("--lr", o->ours.training.learning_rate, "Learning rate")->capture_default_str();
  app->add_option("--optimizer", o->ours.training.optimizer, "adagrad or sgd (fastText's)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, sentiment::TrainingOptions::Optimizer>{
              {"adagrad", sentiment::TrainingOptions::Optimizer::kAdagrad},
              {"sgd", sentiment::TrainingOptions::Optimizer::kSgd}}));
  app->add_option("--sum-category-losses", o->ours.training.sum_category_losses,
                  "Sum the category losses (else average them)")
      ->capture_default_str();
  app->add_option("--threshold-folds", o->ours.training.threshold_folds,
                  "Folds choosing the category thresholds (<2: 0.5)")
      ->capture_default_str();
  app->add_option("--per-category-thresholds", o->ours.training.per_category_thresholds,
                  "One threshold a category (else one shared)")
      ->capture_default_str();
  app->add_option("--category-dim", o->ours.category_dim,
                  "Own embedding size of the category head (0: shares --dim)")
      ->capture_default_str();
  app->add_option("--negated-add-plain", o->ours.negated_words_add_plain,
                  "Negated words also add the plain word's features")
      ->capture_default_str();
  app->add_option("--wide", o->ours.wide_categories, "Wide per-feature category weights")
      ->capture_default_str();
  return {app, [o] { return RunEvaluateSentiment(*o); }};
}

}  // namespace sobremesa
