// sobremesa evaluate sentiment --train FILE.xml[,FILE.xml...] [--test FILE.xml | --holdout F
//   [--splits N]] [--auxiliary FILE.xml[,...]] [--csv FILE] [--model FILE]
//   [--fasttext BINARY] [--skip-fasttext] [--lexicon DIR|none] [--vectors FILE|none]
//   [--vector-readers POOLING:UNITS[:DROPOUT[:EPOCHS]],...|none]
//   [--dim N --epochs N --lr X --optimizer sgd|adagrad ... (our model's settings)]
// Trains our model and Debian's fastText on the same SemEval-2016 Task 5
// sentences and reports both side by side (docs/evaluation/sentiment.md).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "cli/command.h"
#include "evaluation/sentiment/fasttext_runner.h"
#include "evaluation/sentiment/sobremesa_runner.h"
#include "selection/sentiment/semeval2014_dataset.h"
#include "text/sentiment_lexicon.h"

namespace sobremesa {
namespace {

using evaluation::ModelReport;
using sentiment::SemEvalSentence;

struct EvaluateSentimentOptions {
  std::vector<std::string> train;
  std::string test;
  std::vector<std::string> auxiliary;  // SemEval-2014 files
  double holdout = 0.2;
  unsigned seed = 2016;
  int splits = 1;
  std::string csv;
  std::string model_path;
  std::string fasttext = "fasttext";
  bool skip_fasttext = false;
  std::string lexicon = text::kDefaultLexiconDir;
  bool lexicon_asked = false;
  sentiment::SemEvalTrainingOptions ours;
};

struct DataSets {
  std::string name;
  std::vector<SemEvalSentence> train, test;
  std::vector<SemEvalSentence> auxiliary;  // without sentences of train or test
};

// The train/test pairs to score: --test, or --splits held-out splits of
// whole reviews of the training files (seeds seed, seed + 1, ...).
// The auxiliary sentences (--auxiliary) of every set lose those also in
// its training or test sentences.
StatusOr<std::vector<DataSets>> LoadData(const EvaluateSentimentOptions& o) {
  std::vector<SemEvalSentence> train, auxiliary;
  for (const std::string& path : o.train) {
    ASSIGN_OR_RETURN(std::vector<SemEvalSentence> part, sentiment::ReadSemEval2016(path));
    train.insert(train.end(), part.begin(), part.end());
  }
  for (const std::string& path : o.auxiliary) {
    ASSIGN_OR_RETURN(std::vector<SemEvalSentence> part, sentiment::ReadSemEval2014(path));
    auxiliary.insert(auxiliary.end(), part.begin(), part.end());
  }
  // Against every --train sentence: the held-out ones must not be trained on,
  // and the others are there already with the finer labels.
  auxiliary = sentiment::WithoutOverlap(auxiliary, train);
  if (!o.test.empty()) {
    ASSIGN_OR_RETURN(std::vector<SemEvalSentence> test, sentiment::ReadSemEval2016(o.test));
    auxiliary = sentiment::WithoutOverlap(auxiliary, test);
    return std::vector<DataSets>{{std::filesystem::path(o.test).stem().string(), std::move(train),
                                  std::move(test), std::move(auxiliary)}};
  }
  const std::string stem = std::filesystem::path(o.train.front()).stem().string() + "-holdout";
  std::vector<DataSets> sets;
  for (int i = 0; i < o.splits; ++i) {
    const unsigned seed = o.seed + static_cast<unsigned>(i);
    sentiment::SemEvalSplit split = sentiment::SplitByReview(train, o.holdout, seed);
    // One split keeps the plain name (CSV rows as before --splits).
    sets.push_back({o.splits == 1 ? stem : stem + "-seed" + std::to_string(seed),
                    std::move(split.train), std::move(split.test), auxiliary});
  }
  return sets;
}

void Print(const ModelReport& r) {
  std::printf("%-10s %8.2f %8.2f %9.2f %9.2f %9.1f %12.0f\n", r.model.c_str(), 100 * r.slot1_f1,
              100 * r.slot3_accuracy, 100 * r.sentence_accuracy, 100 * r.sentence_macro_f1,
              r.train_seconds, r.sentences_per_second);
}

using Metric = std::pair<const char*, double ModelReport::*>;
constexpr Metric kMetrics[] = {{"slot1_f1", &ModelReport::slot1_f1},
                               {"slot3_accuracy", &ModelReport::slot3_accuracy},
                               {"sentence_accuracy", &ModelReport::sentence_accuracy},
                               {"sentence_macro_f1", &ModelReport::sentence_macro_f1},
                               {"train_seconds", &ModelReport::train_seconds},
                               {"sentences_per_second", &ModelReport::sentences_per_second}};

// (dataset, reports of that dataset)
using Results = std::vector<std::pair<std::string, std::vector<ModelReport>>>;

// Mean and sample standard deviation of each model's metrics over the
// splits, as two result rows "<stem>-mean" and "<stem>-sd".
Results Summary(const std::string& stem, const Results& splits) {
  Results summary = {{stem + "-mean", splits.front().second},
                     {stem + "-sd", splits.front().second}};
  const double n = static_cast<double>(splits.size());
  for (std::size_t m = 0; m < splits.front().second.size(); ++m) {
    for (const auto& [name, field] : kMetrics) {
      double sum = 0, squares = 0;
      for (const auto& [dataset, reports] : splits) sum += reports[m].*field;
      const double mean = sum / n;
      for (const auto& [dataset, reports] : splits) {
        squares += (reports[m].*field - mean) * (reports[m].*field - mean);
      }
      summary[0].second[m].*field = mean;
      summary[1].second[m].*field = n > 1 ? std::sqrt(squares / (n - 1)) : 0.0;
    }
  }
  return summary;
}

void PrintTable(const std::string& title, const std::vector<ModelReport>& reports) {
  std::printf("%s\n%-10s %8s %8s %9s %9s %9s %12s\n", title.c_str(), "model", "slot1_f1",
              "slot3_acc", "sent_acc", "sent_mf1", "train_s", "sentences/s");
  for (const ModelReport& r : reports) Print(r);
}

Status WriteCsv(const std::string& path, const Results& results) {
  std::ofstream out(path);
  out << "dataset,model,metric,value\n";
  for (const auto& [dataset, reports] : results) {
    for (const ModelReport& r : reports) {
      for (const auto& [name, field] : kMetrics) {
        out << dataset << ',' << r.model << ',' << name << ',' << r.*field << '\n';
      }
    }
  }
  out.flush();
  return out ? Status::Ok() : Status::Internal("cannot write " + path);
}

Status RunEvaluateSentiment(const EvaluateSentimentOptions& o) {
  ASSIGN_OR_RETURN(std::vector<DataSets> sets, LoadData(o));
  const text::LexiconChoice lexicon = text::ChooseLexiconDir(o.lexicon, o.lexicon_asked);
  if (!lexicon.warning.empty()) std::fprintf(stderr, "%s\n", lexicon.warning.c_str());
  if (const std::string w = sentiment::VectorsMissingWarning(o.ours); !w.empty()) {
    std::fprintf(stderr, "%s\n", w.c_str());
  }
  Results results;
  for (const DataSets& data : sets) {
    std::printf("%s: %zu training sentences (+%zu auxiliary), %zu test sentences\n",
                data.name.c_str(), data.train.size(), data.auxiliary.size(), data.test.size());
    std::fflush(stdout);
    sentiment::SemEvalTrainingOptions ours = o.ours;
    ours.lexicon_dir = lexicon.dir;
    // With --splits the last split's model stays at --model.
    ASSIGN_OR_RETURN(ModelReport sobremesa, evaluation::RunSobremesa(data.train, data.test, ours,
                                                                     data.auxiliary, o.model_path));
    std::vector<ModelReport> reports = {sobremesa};
    if (!o.skip_fasttext) {
      evaluation::FastTextRunOptions theirs;
      theirs.binary = o.fasttext;
      ASSIGN_OR_RETURN(ModelReport fasttext,
                       evaluation::RunFastText(data.train, data.test, theirs, data.auxiliary));
      reports.push_back(fasttext);
    }
    PrintTable(data.name, reports);
    std::fflush(stdout);
    results.emplace_back(data.name, std::move(reports));
  }
  if (results.size() > 1) {
    const std::string stem = std::filesystem::path(o.train.front()).stem().string() + "-holdout";
    const Results summary = Summary(stem, results);
    for (const auto& [name, reports] : summary) PrintTable(name, reports);
    results.insert(results.end(), summary.begin(), summary.end());
  }
  if (!o.csv.empty()) RETURN_IF_ERROR(WriteCsv(o.csv, results));
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
  app->add_option("--auxiliary", o->auxiliary,
                  "SemEval-2014 file(s) adding polarity and coarse-category training signal "
                  "(their sentences also in --train or the test set are dropped)")
      ->delimiter(',');
  app->add_option("--holdout", o->holdout, "Share of training reviews held out without --test")
      ->check(CLI::Range(0.05, 0.5))
      ->capture_default_str();
  app->add_option("--seed", o->seed, "Seed of the (first) held-out split")->capture_default_str();
  app->add_option("--splits", o->splits,
                  "Held-out splits (seeds seed, seed+1, ...) reported with mean and sd")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  app->add_option("--csv", o->csv, "Write dataset,model,metric,value rows here");
  app->add_option("--model", o->model_path, "Save our trained model here");
  app->add_option("--fasttext", o->fasttext, "fastText binary")->capture_default_str();
  app->add_flag("--skip-fasttext", o->skip_fasttext, "Evaluate our model only");
  app->add_option_function<std::string>(
         "--lexicon", [o](const std::string& dir) { o->lexicon = dir, o->lexicon_asked = true; },
         "Directory of the sentiment lexicons (senticon_<lang>.json), or none")
      ->default_str(text::kDefaultLexiconDir);
  app->add_option_function<int>(
         "--lexicon-min-strength", [o](int strength) { o->ours.lexicon_min_strength = strength; },
         "Leave out lexicon words weaker than this (1-3; 0: no lexicon; default 1 for Spanish, "
         "0 for English)")
      ->check(CLI::Range(0, 3));
  app->add_option_function<std::string>(
         "--vectors",
         [o](const std::string& path) {
           o->ours.vectors_path = path == "none" ? "" : path;
           o->ours.vectors_required = path != "none";
         },
         "English pretrained word vectors for the category vector view (pretrained_vectors.h), "
         "or none")
      ->default_str(sentiment::kDefaultVectorsPath);
  app->add_option("--vector-view-weights", o->ours.training.category_vector_view_weights,
                  "Candidate weights of the category vector view's logits, chosen out of fold "
                  "(0: none)")
      ->delimiter(',')
      ->capture_default_str();
  app->add_option_function<std::vector<std::string>>(
         "--vector-readers",
         [o](const std::vector<std::string>& specs) {
           std::vector<sentiment::VectorReaderOptions>& readers = o->ours.vector_readers.emplace();
           for (const std::string& spec : specs) {
             if (spec == "none") continue;
             StatusOr<sentiment::VectorReaderOptions> reader = sentiment::ParseVectorReader(spec);
             if (!reader.ok()) {
               throw CLI::ValidationError("--vector-readers", reader.status().message());
             }
             readers.push_back(*reader);
           }
         },
         "Max-pooled readers of the word vectors (POOLING:UNITS[:DROPOUT[:EPOCHS]], POOLING max "
         "or max+mean), candidates beside the linear view chosen out of fold, or none (default "
         "English max:64,max+mean:64,max+mean:128,max+mean:64:0.3:30)")
      ->delimiter(',');
  // Our model's settings, for tuning on held-out training reviews.
  app->add_option("--dim", o->ours.dim, "Embedding size")->capture_default_str();
  app->add_option("--buckets", o->ours.buckets, "Hashed feature buckets")->capture_default_str();
  app->add_option("--epochs", o->ours.training.epochs, "Training epochs")->capture_default_str();
  app->add_option("--ensemble", o->ours.training.ensemble,
                  "Members (seeds) averaged (with --sentence-view none --sentence-bagging none "
                  "--opinion-view-weights 0)")
      ->capture_default_str();
  app->add_option("--batch", o->ours.training.batch_size, "Mini-batch size")->capture_default_str();
  app->add_option("--lr", o->ours.training.learning_rate, "Learning rate")->capture_default_str();
  app->add_option("--optimizer", o->ours.training.optimizer, "adagrad or sgd (fastText's)")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, sentiment::TrainingOptions::Optimizer>{
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
  app->add_option("--category-fallback", o->ours.training.category_fallback,
                  "Choose a fallback for sentences where no category reaches its threshold")
      ->capture_default_str();
  app->add_option_function<int>(
      "--category-dim", [o](int dim) { o->ours.category_dim = dim; },
      "Own embedding size of the category head (0: shares --dim; default 50 for Spanish, 0 "
      "for English)");
  app->add_option_function<int>(
      "--sentence-dim", [o](int dim) { o->ours.sentence_dim = dim; },
      "Own embedding size of the sentence-polarity head (0: shares --dim; default 50 for "
      "Spanish, 0 for English)");
  app->add_option("--negated-add-plain", o->ours.negated_words_add_plain,
                  "Negated words also add the plain word's features")
      ->capture_default_str();
  app->add_option("--auxiliary-weight", o->ours.training.auxiliary_weight,
                  "Weight of the auxiliary coarse-category loss")
      ->capture_default_str();
  app->add_option("--wide", o->ours.wide_categories, "Wide per-feature category weights")
      ->capture_default_str();
  app->add_option("--sentence-sources", o->ours.training.sentence_sources,
                  "Candidate sources of sentence polarity, comma separated (head, categories, "
                  "mixed); several: chosen out of fold")
      ->delimiter(',')
      ->transform(CLI::CheckedTransformer(std::map<std::string, sentiment::SentenceSource>{
          {"head", sentiment::SentenceSource::kHead},
          {"categories", sentiment::SentenceSource::kCategories},
          {"mixed", sentiment::SentenceSource::kHeadOrMixed}}));
  app->add_option("--sentence-balance", o->ours.training.sentence_class_balance,
                  "Exponent of the sentence-polarity class weights (0: none, 1: balanced)")
      ->capture_default_str();
  app->add_option_function<std::vector<std::string>>(
         "--sentence-view",
         [o](const std::vector<std::string>& kinds) {
           auto& views = o->ours.training.sentence_views;
           views.clear();
           for (const std::string& kind : kinds) {
             if (kind == "none") continue;
             const std::size_t colon = kind.find(':');
             sentiment::SentenceViewOptions view;
             view.naive_bayes = kind.substr(0, colon) == "nb";
             if ((!view.naive_bayes && kind.substr(0, colon) != "plain") ||
                 colon == std::string::npos) {
               throw CLI::ValidationError("--sentence-view",
                                          "expected none, nb:L2 or plain:L2, got " + kind);
             }
             // nb:L2[:RATE[:EPOCHS]]
             std::vector<std::string> fields;
             for (std::size_t at = colon + 1; at <= kind.size();) {
               const std::size_t next = std::min(kind.find(':', at), kind.size());
               fields.push_back(kind.substr(at, next - at));
               at = next + 1;
             }
             try {
               view.l2 = std::stof(fields[0]);
               if (fields.size() > 1) view.learning_rate = std::stof(fields[1]);
               if (fields.size() > 2) view.epochs = std::stoi(fields[2]);
             } catch (const std::logic_error&) {  // stof/stoi: not a number, out of range
               throw CLI::ValidationError("--sentence-view", "not a number in " + kind);
             }
             views.push_back(view);
           }
         },
         "Candidate second views of sentence polarity, comma separated: nb:L2 (NB-scaled "
         "logistic) or plain:L2, each optionally :RATE:EPOCHS, or none; chosen out of fold with "
         "--sentence-view-weights (default nb:0:1:40,plain:0:1:40)")
      ->delimiter(',');
  app->add_option("--sentence-view-weights", o->ours.training.sentence_view_weights,
                  "Candidate weights of the sentence view's logits, comma separated")
      ->delimiter(',');
  app->add_option("--lexicon-in-sentence-head", o->ours.training.lexicon_in_sentence_head,
                  "Train the lexicon features' rows of the sentence head's own embedding (else "
                  "kept at 0)")
      ->capture_default_str();
  app->add_option_function<sentiment::SentenceBagging>(
         "--sentence-bagging",
         [o](sentiment::SentenceBagging bagging) { o->ours.sentence_bagging = bagging; },
         "Served sentence logits: the final fit's (none), the mean of the threshold folds' "
         "fits (folds), or of both (folds+final); default folds for Spanish, none for English")
      ->transform(CLI::CheckedTransformer(std::map<std::string, sentiment::SentenceBagging>{
          {"none", sentiment::SentenceBagging::kNone},
          {"folds", sentiment::SentenceBagging::kFolds},
          {"folds+final", sentiment::SentenceBagging::kFoldsAndFinal}}));
  app->add_option_function<sentiment::FoldBagging>(
         "--category-bagging",
         [o](sentiment::FoldBagging bagging) { o->ours.category_bagging = bagging; },
         "Served category logits: the final fit's (none), the mean of the threshold folds' "
         "fits (folds), or of both (folds+final)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, sentiment::FoldBagging>{
          {"none", sentiment::FoldBagging::kNone},
          {"folds", sentiment::FoldBagging::kFolds},
          {"folds+final", sentiment::FoldBagging::kFoldsAndFinal}}));
  app->add_option_function<sentiment::FoldBagging>(
         "--category-polarity-bagging",
         [o](sentiment::FoldBagging bagging) { o->ours.category_polarity_bagging = bagging; },
         "Served category-polarity head (Slot 3): the final fit's (none), the mean of the "
         "threshold folds' fits (folds), or of both (folds+final)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, sentiment::FoldBagging>{
          {"none", sentiment::FoldBagging::kNone},
          {"folds", sentiment::FoldBagging::kFolds},
          {"folds+final", sentiment::FoldBagging::kFoldsAndFinal}}));
  app->add_option_function<bool>(
      "--sentence-offsets", [o](bool offsets) { o->ours.sentence_offsets = offsets; },
      "Offsets on the negative and neutral sentence logits, chosen out of fold (default true "
      "for Spanish, false for English)");
  app->add_option_function<bool>(
      "--sentence-stacker", [o](bool stacker) { o->ours.sentence_stacker = stacker; },
      "A stacker of the sentence logits, contrast words and detected categories' polarities "
      "deciding sentence polarity, kept when it wins out of fold (default true for Spanish "
      "and English)");
  app->add_option_function<bool>(
      "--category-stacker", [o](bool stacker) { o->ours.category_stacker = stacker; },
      "A stacker of each category's logit, the largest other one, the sentence's polarity "
      "and length deciding the category, kept when it wins out of fold (default true for "
      "Spanish, false for English)");
  app->add_option("--category-polarity-sentence-weights",
                  o->ours.training.category_polarity_sentence_weights,
                  "Candidate weights of the sentence's polarity logits added to each category's, "
                  "comma separated (0: none); chosen out of fold")
      ->delimiter(',');
  app->add_option("--opinion-view-weights", o->ours.training.category_polarity_view_weights,
                  "Candidate weights of the opinion view's logits added to each category's "
                  "polarity logits, comma separated (0: none); chosen out of fold")
      ->delimiter(',');
  app->add_option("--opinion-view-auxiliary-neutral",
                  o->ours.training.opinion_view_auxiliary_neutral,
                  "The opinion view also reads the --auxiliary sentences' neutral (and "
                  "conflict) opinions")
      ->capture_default_str();
  return {app, [o] { return RunEvaluateSentiment(*o); }};
}

}  // namespace sobremesa
