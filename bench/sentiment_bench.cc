// Inference speed of our sentiment model against Debian's fastText on the
// same sentences in the same process (issue 4). Both models are trained
// here on the SemEval-2016 file named by SOBREMESA_BENCH_SEMEVAL (80 % of
// its reviews, the split of `sobremesa evaluate sentiment`) and read the
// held-out 20 %:
//   ours:     raw UTF-8 text -> polarity + categories (SentimentPredictor,
//             counting normalisation, tokenisation, stemming, hashing);
//   fastText: its predictLine (what `fasttext predict` runs a line, less
//             printing) on text we pre-tokenised, or with that
//             tokenisation counted; one model (sentence polarity, the
//             issue's 150k-240k sentences/s) or two (polarity + categories,
//             the same answers ours gives); with our char n-grams
//             (-minn 3 -maxn 5, as in the accuracy comparison) or without.
// One iteration reads every held-out sentence once; items/s = sentences/s.

#include <benchmark/benchmark.h>
#include <fasttext/fasttext.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "evaluation/sentiment/fasttext_runner.h"
#include "selection/sentiment/semeval_dataset.h"
#include "selection/sentiment/semeval_training.h"
#include "models/sentiment/sentiment_predictor.h"
#include "text/sentiment_lexicon.h"

namespace sobremesa {
namespace {

namespace fs = std::filesystem;
using Predictions = std::vector<std::pair<fasttext::real, std::string>>;

[[noreturn]] void Die(const std::string& message) {
  std::fprintf(stderr, "sentiment_bench: %s\n", message.c_str());
  std::exit(1);
}

template <typename T>
T OrDie(StatusOr<T> value) {
  if (!value.ok()) Die(value.status().ToString());
  return std::move(*value);
}

// fastText trained in process with the evaluation's arguments
// (FastTextRunOptions), `extra` appended ("-loss ova", "-minn 0 -maxn 0").
std::unique_ptr<fasttext::FastText> TrainFastText(const fs::path& dir, const std::string& name,
                                                  const std::vector<std::string>& lines,
                                                  const std::string& extra) {
  const fs::path input = dir / (name + ".train");
  std::ofstream out(input);
  for (const std::string& l : lines) out << l << '\n';
  out.close();
  std::vector<std::string> argv = {"fasttext", "supervised", "-input", input.string(),
                                   "-output", (dir / name).string(), "-verbose", "0"};
  std::istringstream words(evaluation::FastTextRunOptions{}.arguments + " " + extra);
  for (std::string w; words >> w;) argv.push_back(w);
  fasttext::Args args;
  args.parseArgs(argv);
  auto model = std::make_unique<fasttext::FastText>();
  model->train(args);
  return model;
}

struct Fixture {
  std::vector<std::string> raw;        // held-out sentences as written
  std::string pretokenised;            // the same, FastTextLine, one a line
  std::shared_ptr<const sentiment::SentimentModel> ours;
  // The same recipe without the sentence and category stackers
  // (sentence_stacker.h, category_stacker.h), to time what the stackers'
  // inputs cost; null where the language has no stacker by default.
  std::shared_ptr<const sentiment::SentimentModel> ours_without_stacker;
  // The same recipe without the category vector view (English, when the
  // pretrained vectors are installed), to time what the view costs; null
  // where the model has none.
  std::shared_ptr<const sentiment::SentimentModel> ours_without_view;
  // The same recipe with the linear vector view alone (no max-pooled
  // reader candidate, category_vector_reader.h), to time what the reader
  // costs over it; null unless the model serves a reader.
  std::shared_ptr<const sentiment::SentimentModel> ours_linear_view;
  std::unique_ptr<fasttext::FastText> sentence, category, sentence_words_only,
      category_words_only;
};

Fixture& TheFixture() {
  static Fixture* fixture = [] {
    const char* path = std::getenv("SOBREMESA_BENCH_SEMEVAL");
    if (path == nullptr) Die("set SOBREMESA_BENCH_SEMEVAL to a SemEval-2016 XML file");
    auto* f = new Fixture;
    const auto split =
        sentiment::SplitByReview(OrDie(sentiment::ReadSemEval2016(path)), 0.2, 2016);
    for (const auto& s : split.test) {
      f->raw.push_back(s.text);
      f->pretokenised += OrDie(evaluation::FastTextLine(s.text)) + "\n";
    }
    sentiment::SemEvalTrainingOptions ours;  // the product's recipe, lexicon included
    const text::LexiconChoice lexicon = text::ChooseLexiconDir(text::kDefaultLexiconDir, false);
    if (!lexicon.warning.empty()) std::fprintf(stderr, "%s\n", lexicon.warning.c_str());
    ours.lexicon_dir = lexicon.dir;
    f->ours = OrDie(sentiment::TrainOnSemEval(split.train, ours));
    if (!f->ours->config().category_word_view.empty()) {
      sentiment::SemEvalTrainingOptions without_view = ours;
      without_view.vectors_path.clear();
      f->ours_without_view = OrDie(sentiment::TrainOnSemEval(split.train, without_view));
    }
    if (f->ours->config().category_word_view.reader_units > 0) {
      sentiment::SemEvalTrainingOptions linear_view = ours;
      linear_view.vector_readers.emplace();
      f->ours_linear_view = OrDie(sentiment::TrainOnSemEval(split.train, linear_view));
    }
    if (!f->ours->config().sentence_stacker.empty() ||
        !f->ours->config().category_stacker.empty()) {
      ours.sentence_stacker = false;
      ours.category_stacker = false;
      f->ours_without_stacker = OrDie(sentiment::TrainOnSemEval(split.train, ours));
    }
    const auto lines = OrDie(evaluation::FastTextTrainingLines(split.train));
    std::string dir_pattern = (fs::temp_directory_path() / "sentiment-bench-XXXXXX").string();
    if (mkdtemp(dir_pattern.data()) == nullptr) Die("cannot create a temp dir");
    f->sentence = TrainFastText(dir_pattern, "sentence", lines.sentence, "");
    f->category = TrainFastText(dir_pattern, "category", lines.category, "-loss ova");
    f->sentence_words_only =
        TrainFastText(dir_pattern, "sentence0", lines.sentence, "-minn 0 -maxn 0");
    f->category_words_only =
        TrainFastText(dir_pattern, "category0", lines.category, "-loss ova -minn 0 -maxn 0");
    fs::remove_all(dir_pattern);
    std::printf("%zu training, %zu held-out sentences from %s\n", split.train.size(),
                f->raw.size(), path);
    return f;
  }();
  return *fixture;
}

// `cold`: a new predictor (empty word cache) for every pass over the
// held-out sentences, so words are cached only from earlier sentences of
// the same pass; otherwise one predictor for all passes.
// `which`: the model timed (Fixture::ours or one without a part).
void Sobremesa(benchmark::State& state, bool cold,
               std::shared_ptr<const sentiment::SentimentModel> Fixture::*which = &Fixture::ours) {
  Fixture& f = TheFixture();
  const auto& model = f.*which;
  if (model == nullptr) {
    state.SkipWithError("this language's model has no such part");
    return;
  }
  auto predictor = OrDie(sentiment::SentimentPredictor::Create(model));
  std::size_t detected = 0;
  for (auto _ : state) {
    if (cold) predictor = OrDie(sentiment::SentimentPredictor::Create(model));
    for (const std::string& text : f.raw) {
      detected += OrDie(predictor->Predict(text)).categories.size();
    }
  }
  benchmark::DoNotOptimize(detected);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.raw.size()));
}

void BM_Sobremesa(benchmark::State& state) { Sobremesa(state, false); }
void BM_SobremesaColdCache(benchmark::State& state) { Sobremesa(state, true); }
void BM_SobremesaWithoutStacker(benchmark::State& state) {
  Sobremesa(state, false, &Fixture::ours_without_stacker);
}
void BM_SobremesaWithoutVectorView(benchmark::State& state) {
  Sobremesa(state, false, &Fixture::ours_without_view);
}
void BM_SobremesaLinearVectorView(benchmark::State& state) {
  Sobremesa(state, false, &Fixture::ours_linear_view);
}

// fastText's `predict` loop (predictLine a line of a stream) over the
// pre-tokenised held-out text, with one or two models.
void PredictPretokenised(benchmark::State& state, const fasttext::FastText& polarity,
                         const fasttext::FastText* categories) {
  Fixture& f = TheFixture();
  Predictions sentence_labels, category_labels;
  for (auto _ : state) {
    std::istringstream lines(f.pretokenised);
    std::istringstream again(f.pretokenised);
    while (polarity.predictLine(lines, sentence_labels, 1, 0.0f)) {
      if (categories != nullptr) categories->predictLine(again, category_labels, -1, 0.5f);
    }
    benchmark::DoNotOptimize(sentence_labels.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.raw.size()));
}

void BM_FastTextPolarityPretokenised(benchmark::State& state) {
  PredictPretokenised(state, *TheFixture().sentence, nullptr);
}
void BM_FastTextBothPretokenised(benchmark::State& state) {
  PredictPretokenised(state, *TheFixture().sentence, TheFixture().category.get());
}
void BM_FastTextWordsOnlyPolarityPretokenised(benchmark::State& state) {
  PredictPretokenised(state, *TheFixture().sentence_words_only, nullptr);
}
void BM_FastTextWordsOnlyBothPretokenised(benchmark::State& state) {
  PredictPretokenised(state, *TheFixture().sentence_words_only,
                      TheFixture().category_words_only.get());
}

// Polarity + categories from raw text, our tokenisation counted.
void BM_FastTextBothWithTokenisation(benchmark::State& state) {
  Fixture& f = TheFixture();
  Predictions sentence_labels, category_labels;
  for (auto _ : state) {
    for (const std::string& text : f.raw) {
      std::istringstream line(OrDie(evaluation::FastTextLine(text)) + "\n");
      std::istringstream again(line.str());
      f.sentence->predictLine(line, sentence_labels, 1, 0.0f);
      f.category->predictLine(again, category_labels, -1, 0.5f);
    }
    benchmark::DoNotOptimize(sentence_labels.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * f.raw.size()));
}

BENCHMARK(BM_Sobremesa)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SobremesaColdCache)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SobremesaWithoutStacker)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SobremesaWithoutVectorView)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SobremesaLinearVectorView)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FastTextPolarityPretokenised)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FastTextBothPretokenised)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FastTextBothWithTokenisation)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FastTextWordsOnlyPolarityPretokenised)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FastTextWordsOnlyBothPretokenised)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
