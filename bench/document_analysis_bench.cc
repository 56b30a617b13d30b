// Document analysis throughput on one core (issue 4): whole guest texts read
// as the store reads them on ingestion, counting everything (UTF-8 check and
// normalisation, sentence splitting, language identification, the
// sentiment model per sentence with its own tokenisation, dish linking
// against the menu). Texts are the demo restaurant's feedback and mentions
// in SOBREMESA_BENCH_DATA_DIR (made with `sobremesa train sentiment` then
// `sobremesa demo`); docs/benchmarks.md has the numbers.

#include <benchmark/benchmark.h>

#include <cstdlib>

#include "analysis/document_analyzer.h"
#include "analysis/sentence_splitter.h"
#include "store/sqlite_store.h"
#include "text/text_normalizer.h"

namespace sobremesa {
namespace {

struct Fixture {
  std::vector<std::string> texts;         // as guests wrote them
  std::vector<std::string> long_reviews;  // 24 texts each, as paragraphs
  std::unique_ptr<analysis::MenuMatcher> menu;
  analysis::SentimentModelSet models;

  static Fixture& Get() {
    static Fixture f = Load();
    return f;
  }
  static Fixture Load() {
    const char* dir = std::getenv("SOBREMESA_BENCH_DATA_DIR");
    const std::string data_dir = dir ? dir : "./data";
    Fixture f;
    auto store = std::move(OpenSqliteStore(data_dir + "/sobremesa.db")).value();
    f.menu = std::make_unique<analysis::MenuMatcher>(*store->ListMenu(1));
    const EntityCounts counts = *store->Counts(1);
    for (Id id = 1; id <= counts.feedback; ++id) {
      auto fb = store->GetFeedback(1, id);
      if (fb.ok() && !fb->text.empty()) f.texts.push_back(fb->text);
    }
    for (Id id = 1; id <= counts.mentions; ++id) {
      auto m = store->GetMention(1, id);
      if (m.ok() && !m->text.empty()) f.texts.push_back(m->text);
    }
    for (size_t i = 0; i + 24 <= f.texts.size() && f.long_reviews.size() < 200; i += 24) {
      std::string review;
      for (size_t k = i; k < i + 24; ++k) review += f.texts[k] + (k % 3 == 2 ? "\n\n" : " ");
      f.long_reviews.push_back(std::move(review));
    }
    f.models = std::move(analysis::LoadSentimentModels(data_dir + "/models")).value();
    if (f.models.empty())
      std::fprintf(stderr, "no sentiment model in %s/models\n", data_dir.c_str());
    return f;
  }
};

void AnalyzeTexts(benchmark::State& state, const std::vector<std::string>& texts,
                  bool dining_cues = true) {
  Fixture& f = Fixture::Get();
  auto analyzer = std::move(analysis::DocumentAnalyzer::Create(f.models, dining_cues)).value();
  size_t i = 0, sentences = 0, dishes = 0;
  for (auto _ : state) {
    auto a = analyzer->Analyze(texts[i++ % texts.size()], f.menu.get());
    sentences += a->sentences.size();
    dishes += a->dishes.size();
    benchmark::DoNotOptimize(a);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["documents/s"] =
      benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
  state.counters["dishes/doc"] = double(dishes) / double(state.iterations());
}

// One feedback or mention, as written (one to five sentences).
void BM_AnalyzeGuestText(benchmark::State& state) { AnalyzeTexts(state, Fixture::Get().texts); }
BENCHMARK(BM_AnalyzeGuestText);

// The same without the dining cues (analysis/dining_cues.h), which read
// each sentence's tokens a second time: what the cues cost.
void BM_AnalyzeGuestTextWithoutCues(benchmark::State& state) {
  AnalyzeTexts(state, Fixture::Get().texts, /*dining_cues=*/false);
}
BENCHMARK(BM_AnalyzeGuestTextWithoutCues);

// A multi-paragraph review of 24 of those texts (about 60 sentences).
void BM_AnalyzeLongReview(benchmark::State& state) {
  AnalyzeTexts(state, Fixture::Get().long_reviews);
}
BENCHMARK(BM_AnalyzeLongReview);

// The parts without the model: sentence splitting, then normalisation and
// dish linking of each sentence.
void BM_SplitAndLinkDishes(benchmark::State& state) {
  Fixture& f = Fixture::Get();
  size_t i = 0, sentences = 0;
  for (auto _ : state) {
    for (std::string_view s : analysis::SplitSentences(f.texts[i++ % f.texts.size()])) {
      auto dishes = f.menu->Match(*text::NormalizeText(s), text::Language::kSpanish);
      benchmark::DoNotOptimize(dishes);
      ++sentences;
    }
  }
  state.counters["sentences/s"] =
      benchmark::Counter(double(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SplitAndLinkDishes);

}  // namespace
}  // namespace sobremesa

BENCHMARK_MAIN();
