#pragma once
// Reads guests' texts for the product: the store's TextAnalysisHook (every
// feedback and mention is analysed as it is written) and the on-demand
// analysis of POST /v1/feedback/analyze. Holds the trained sentiment models
// of the data directory and each restaurant's menu as a MenuMatcher.

#include <chrono>
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
  std::vector<std::string> languages() const { return languages_; }

 private:
  TextAnalysisService(Store& store, analysis::SentimentModelSet models)
      : store_(store), models_(std::move(models)), matchers_(std::chrono::minutes(5), 10'000) {}

  // A DocumentAnalyzer for this call: taken from the free list, or made.
  StatusOr<std::unique_ptr<analysis::DocumentAnalyzer>> TakeAnalyzer();
  void ReturnAnalyzer(std::unique_ptr<analysis::DocumentAnalyzer> analyzer);

  // Fixed after construction.
  Store& store_;
  const analysis::SentimentModelSet models_;
  std::vector<std::string> languages_;
  ExpiringCache<Id, analysis::MenuMatcher> matchers_;  // thread-safe itself

  std::mutex mutex_;
  std::vector<std::unique_ptr<analysis::DocumentAnalyzer>> idle_;  // guarded by mutex_
};

}  // namespace sobremesa
