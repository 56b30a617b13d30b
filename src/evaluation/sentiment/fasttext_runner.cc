#include "evaluation/sentiment/fasttext_runner.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "evaluation/sentiment/sentiment_metrics.h"
#include "text/text_normalizer.h"
#include "text/tokenizer.h"

namespace sobremesa::evaluation {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using sentiment::DistinctCategories;
using sentiment::Polarity;
using sentiment::SemEvalOpinion;
using sentiment::SemEvalSentence;
using sentiment::SentencePolarity;

constexpr std::string_view kLabel = "__label__";

std::string CategoryToken(const std::string& category) { return "cat_" + category; }

Status WriteLines(const fs::path& path, const std::vector<std::string>& lines) {
  std::ofstream out(path);
  for (const std::string& l : lines) out << l << '\n';
  return out ? Status::Ok() : Status::Internal("cannot write " + path.string());
}

StatusOr<double> Run(const std::string& command) {
  const Clock::time_point start = Clock::now();
  const int rc = std::system(command.c_str());
  if (rc != 0) {
    return Status::Internal("fastText command failed (status " + std::to_string(rc) +
                            "): " + command);
  }
  return std::chrono::duration<double>(Clock::now() - start).count();
}

StatusOr<std::vector<std::string>> ReadLines(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return Status::Internal("cannot read " + path.string());
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  return lines;
}

// Labels of one `predict-prob` line ("__label__A 0.9 __label__B 0.6").
std::vector<std::string> Labels(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> labels;
  for (std::string word; in >> word;) {
    if (word.starts_with(kLabel)) labels.push_back(word.substr(kLabel.size()));
  }
  return labels;
}

Polarity PolarityOf(const std::string& line) {
  const std::vector<std::string> labels = Labels(line);
  return labels.empty() ? Polarity::kNeutral
                        : sentiment::ParsePolarity(labels.front()).value_or(Polarity::kNeutral);
}

// Text files of the three tasks (train and test) with the gold answers.
struct TaskFiles {
  FastTextTrainingSets train;
  std::vector<std::string> category_test, opinion_test, sentence_test;
  std::vector<std::vector<std::string>> gold_categories;
  std::vector<Polarity> gold_opinions, gold_sentences;
};

Status AddTest(const SemEvalSentence& s, TaskFiles& f) {
  ASSIGN_OR_RETURN(std::string tokens, FastTextLine(s.text));
  f.category_test.push_back(tokens);
  f.gold_categories.push_back(DistinctCategories(s));
  for (const SemEvalOpinion& o : s.opinions) {
    f.opinion_test.push_back(CategoryToken(o.category) + " " + tokens);
    f.gold_opinions.push_back(o.polarity);
  }
  if (const auto p = SentencePolarity(s)) {
    f.sentence_test.push_back(tokens);
    f.gold_sentences.push_back(*p);
  }
  return Status::Ok();
}

class FastTextRun {
 public:
  FastTextRun(fs::path dir, FastTextRunOptions options)
      : dir_(std::move(dir)), o_(std::move(options)) {}

  // Trains `name` on `lines`; returns the training seconds.
  StatusOr<double> Train(const std::string& name, const std::vector<std::string>& lines,
                         const std::string& extra) {
    RETURN_IF_ERROR(WriteLines(dir_ / (name + ".train"), lines));
    return Run(o_.binary + " supervised -input " + Quoted(name + ".train") + " -output " +
               Quoted(name) + " " + o_.arguments + " " + extra + " > /dev/null 2>&1");
  }

  // Predictions of model `name`, one line an input line.
  // `k_and_threshold` is appended to the command ("-1 0.5": every label
  // with probability >= 0.5; "": the best label).
  StatusOr<std::vector<std::string>> Predict(const std::string& name,
                                             const std::vector<std::string>& lines,
                                             const std::string& k_and_threshold) {
    RETURN_IF_ERROR(WriteLines(dir_ / (name + ".test"), lines));
    RETURN_IF_ERROR(Run(o_.binary + " predict-prob " + Quoted(name + ".bin") + " " +
                        Quoted(name + ".test") + " " + k_and_threshold + " > " +
                        Quoted(name + ".out"))
                        .status());
    return ReadLines(dir_ / (name + ".out"));
  }

  // Lines a second of `predict` on the sentence model, less process start
  // and model load (a one-line run, timed the same way).
  StatusOr<double> SentencesPerSecond(const std::vector<std::string>& lines) {
    RETURN_IF_ERROR(WriteLines(dir_ / "timing.txt", lines));
    RETURN_IF_ERROR(WriteLines(dir_ / "one.txt", {lines.front()}));
    const std::string prefix = o_.binary + " predict " + Quoted("sentence.bin") + " ";
    ASSIGN_OR_RETURN(const double load, Run(prefix + Quoted("one.txt") + " > /dev/null"));
    ASSIGN_OR_RETURN(const double all, Run(prefix + Quoted("timing.txt") + " > /dev/null"));
    return lines.size() / std::max(all - load, 1e-9);
  }

 private:
  std::string Quoted(const std::string& file) const {
    std::string quoted = (dir_ / file).string();
    quoted.insert(quoted.begin(), '\'');
    quoted.push_back('\'');
    return quoted;
  }

  const fs::path dir_;
  const FastTextRunOptions o_;
};

std::vector<std::string> WithoutNone(std::vector<std::string> labels) {
  std::erase(labels, "NONE");
  return labels;
}

StatusOr<ModelReport> RunIn(const fs::path& dir, const TaskFiles& f,
                            const std::vector<std::string>& timing,
                            const FastTextRunOptions& options) {
  FastTextRun run(dir, options);
  ModelReport report{"fasttext"};
  ASSIGN_OR_RETURN(const double t1, run.Train("category", f.train.category, "-loss ova"));
  ASSIGN_OR_RETURN(const double t2, run.Train("opinion", f.train.opinion, ""));
  ASSIGN_OR_RETURN(const double t3, run.Train("sentence", f.train.sentence, ""));
  report.train_seconds = t1 + t2 + t3;
  ASSIGN_OR_RETURN(auto category_lines, run.Predict("category", f.category_test, "-1 0.5"));
  ASSIGN_OR_RETURN(auto opinion_lines, run.Predict("opinion", f.opinion_test, ""));
  ASSIGN_OR_RETURN(auto sentence_lines, run.Predict("sentence", f.sentence_test, ""));
  std::vector<std::vector<std::string>> categories;
  for (const std::string& l : category_lines) categories.push_back(WithoutNone(Labels(l)));
  report.slot1_f1 = AspectCategoryF1(f.gold_categories, categories);
  std::vector<Polarity> opinions, sentences;
  for (const std::string& l : opinion_lines) opinions.push_back(PolarityOf(l));
  for (const std::string& l : sentence_lines) sentences.push_back(PolarityOf(l));
  report.slot3_accuracy = ScorePolarities(f.gold_opinions, opinions).accuracy;
  const PolarityScores s = ScorePolarities(f.gold_sentences, sentences);
  report.sentence_accuracy = s.accuracy;
  report.sentence_macro_f1 = s.macro_f1;
  ASSIGN_OR_RETURN(report.sentences_per_second, run.SentencesPerSecond(timing));
  return report;
}

}  // namespace

StatusOr<std::string> FastTextLine(const std::string& text) {
  ASSIGN_OR_RETURN(std::string normalized, text::NormalizeText(text));
  std::string out;
  for (const text::Token& t : text::Tokenize(normalized, text::Language::kUnknown)) {
    if (!out.empty()) out += ' ';
    out += t.text;
  }
  return out;
}

StatusOr<FastTextTrainingSets> FastTextTrainingLines(const std::vector<SemEvalSentence>& train) {
  FastTextTrainingSets sets;
  for (const SemEvalSentence& s : train) {
    ASSIGN_OR_RETURN(std::string tokens, FastTextLine(s.text));
    std::string labels;
    for (const std::string& c : DistinctCategories(s)) labels += std::string(kLabel) + c + " ";
    sets.category.push_back((labels.empty() ? std::string(kLabel) + "NONE " : labels) + tokens);
    for (const SemEvalOpinion& o : s.opinions) {
      sets.opinion.push_back(std::string(kLabel) + std::string(PolarityName(o.polarity)) + " " +
                             CategoryToken(o.category) + " " + tokens);
    }
    if (const auto p = SentencePolarity(s)) {
      sets.sentence.push_back(std::string(kLabel) + std::string(PolarityName(*p)) + " " + tokens);
    }
  }
  return sets;
}

StatusOr<ModelReport> RunFastText(const std::vector<SemEvalSentence>& train,
                                  const std::vector<SemEvalSentence>& test,
                                  const FastTextRunOptions& options,
                                  const std::vector<SemEvalSentence>& auxiliary) {
  if (train.empty() || test.empty()) return Status::InvalidArgument("empty train or test set");
  TaskFiles files;
  ASSIGN_OR_RETURN(files.train, FastTextTrainingLines(train));
  ASSIGN_OR_RETURN(const FastTextTrainingSets extra, FastTextTrainingLines(auxiliary));
  files.train.opinion.insert(files.train.opinion.end(), extra.opinion.begin(), extra.opinion.end());
  files.train.sentence.insert(files.train.sentence.end(), extra.sentence.begin(),
                              extra.sentence.end());
  for (const SemEvalSentence& s : test) RETURN_IF_ERROR(AddTest(s, files));
  std::vector<std::string> timing;
  for (const std::string& t : TimingTexts(test, options.timing_sentences)) {
    ASSIGN_OR_RETURN(std::string tokens, FastTextLine(t));
    timing.push_back(std::move(tokens));
  }
  std::string pattern = (fs::temp_directory_path() / "sobremesa-fasttext-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) return Status::Internal("cannot create a temp dir");
  StatusOr<ModelReport> report = RunIn(pattern, files, timing, options);
  std::error_code ec;
  fs::remove_all(pattern, ec);
  return report;
}

}  // namespace sobremesa::evaluation
