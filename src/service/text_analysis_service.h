#pragma once
// Reads guests' texts for the product: the store's TextAnalysisHook (every
// feedback and mention is analysed as it is written) and the on-demand
// analysis of POST /v1/feedback/analyze. Holds the trained sentiment models
// of the data directory and each restaurant's menu as a MenuMatcher. The
// models can be replaced while it serves (SetModels, after `sobremesa train
// sentiment`); a text being analysed finishes on the models it started with.

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "analysis/document_analyzer.h"
#include "analysis/menu_matcher.h"
#include "service/expiring_cache.h"
#include "store/store.h"

namespace sobremesa {

class TextAnalysisService final : public TextAnalysisHook {
 public:
  // `store` is borrowed for the menus and must outlive the service. Errors
  // of DocumentAnalyzer::Create.
  static StatusOr<std::shared_ptr<TextAnalysisService>> Create(Store& store,
                                                               analysis::SentimentModelSet models);
  // The models of DATA_DIR/models (none yet is fine: texts are then stored
  // "no_model"); errors of LoadSentimentModels for a corrupt file.
  static StatusOr<std::shared_ptr<TextAnalysisService>> ForDataDir(Store& store,
                                                                   const std::string& data_dir);

  // Errors of DocumentAnalyzer::Analyze (malformed UTF-8, over 1 MiB), and
  // the store's NotFound for a restaurant that does not exist. Thread-safe.
  StatusOr<TextAnalysis> AnalyzeText(Id restaurant_id, std::string_view text) override;
  void MenuChanged(Id restaurant_id) override { matchers_.Invalidate(restaurant_id); }

  // Languages with a trained model ("es", "en").
  std::vector<std::string> languages() const;

  // Serves `models` from the next text on. Errors of DocumentAnalyzer::Create,
  // and then the models in service stay.
  Status SetModels(analysis::SentimentModelSet models);
  // SetModels with the models of DATA_DIR/models; errors of
  // LoadSentimentModels for a corrupt file (the models in service stay).
  Status ReloadFromDataDir(const std::string& data_dir);

 private:
  explicit TextAnalysisService(Store& store)
      : store_(store), matchers_(std::chrono::minutes(5), 10'000) {}

  // A DocumentAnalyzer for this call, of the models in service: taken from
  // the free list, or made. `generation` says which models it reads, so an
  // analyzer of replaced models is dropped when returned.
  struct Lease {
    std::uint64_t generation = 0;
    std::unique_ptr<analysis::DocumentAnalyzer> analyzer;
  };
  StatusOr<Lease> TakeAnalyzer();
  void ReturnAnalyzer(Lease lease);

  Store& store_;
  ExpiringCache<Id, analysis::MenuMatcher> matchers_;  // thread-safe itself

  mutable std::mutex mutex_;
  analysis::SentimentModelSet models_;  // guarded by mutex_
  std::vector<std::string> languages_;  // guarded by mutex_
  std::uint64_t generation_ = 0;        // guarded by mutex_; +1 per SetModels
  std::vector<std::unique_ptr<analysis::DocumentAnalyzer>> idle_;  // guarded; of generation_
};

}  // namespace sobremesa
