#include "service/text_analysis_service.h"

#include <filesystem>

namespace sobremesa {
namespace {

// Analyzers kept for reuse; more are made in a burst and dropped after.
constexpr std::size_t kMaxIdleAnalyzers = 8;

}  // namespace

StatusOr<std::shared_ptr<TextAnalysisService>> TextAnalysisService::Create(
    Store& store, analysis::SentimentModelSet models) {
  std::shared_ptr<TextAnalysisService> service(new TextAnalysisService(store, std::move(models)));
  // One analyzer up front: a model without a text analyzer fails here, not
  // on the first write.
  ASSIGN_OR_RETURN(std::unique_ptr<analysis::DocumentAnalyzer> first, service->TakeAnalyzer());
  for (text::Language language : first->languages()) {
    service->languages_.emplace_back(text::LanguageCode(language));
  }
  service->ReturnAnalyzer(std::move(first));
  return service;
}

StatusOr<std::shared_ptr<TextAnalysisService>> TextAnalysisService::ForDataDir(
    Store& store, const std::string& data_dir) {
  ASSIGN_OR_RETURN(
      analysis::SentimentModelSet models,
      analysis::LoadSentimentModels((std::filesystem::path(data_dir) / "models").string()));
  return Create(store, std::move(models));
}

StatusOr<std::unique_ptr<analysis::DocumentAnalyzer>> TextAnalysisService::TakeAnalyzer() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto analyzer = std::move(idle_.back());
      idle_.pop_back();
      return analyzer;
    }
  }
  return analysis::DocumentAnalyzer::Create(models_);
}

void TextAnalysisService::ReturnAnalyzer(std::unique_ptr<analysis::DocumentAnalyzer> analyzer) {
  std::lock_guard lock(mutex_);
  if (idle_.size() < kMaxIdleAnalyzers) idle_.push_back(std::move(analyzer));
}

StatusOr<TextAnalysis> TextAnalysisService::AnalyzeText(Id restaurant_id, std::string_view text) {
  ASSIGN_OR_RETURN(std::shared_ptr<const analysis::MenuMatcher> menu,
                   matchers_.Get(restaurant_id, [&]() -> StatusOr<analysis::MenuMatcher> {
                     ASSIGN_OR_RETURN(std::vector<MenuItem> items, store_.ListMenu(restaurant_id));
                     return analysis::MenuMatcher(items);
                   }));
  ASSIGN_OR_RETURN(std::unique_ptr<analysis::DocumentAnalyzer> analyzer, TakeAnalyzer());
  StatusOr<TextAnalysis> result = analyzer->Analyze(text, menu.get());
  ReturnAnalyzer(std::move(analyzer));
  return result;
}

}  // namespace sobremesa
