#include "service/text_analysis_service.h"

#include <filesystem>

namespace sobremesa {
namespace {

// Analyzers kept for reuse; more are made in a burst and dropped after.
constexpr std::size_t kMaxIdleAnalyzers = 8;

}  // namespace

StatusOr<std::shared_ptr<TextAnalysisService>> TextAnalysisService::Create(
    Store& store, analysis::SentimentModelSet models) {
  std::shared_ptr<TextAnalysisService> service(new TextAnalysisService(store));
  RETURN_IF_ERROR(service->SetModels(std::move(models)));
  return service;
}

StatusOr<std::shared_ptr<TextAnalysisService>> TextAnalysisService::ForDataDir(
    Store& store, const std::string& data_dir) {
  std::shared_ptr<TextAnalysisService> service(new TextAnalysisService(store));
  RETURN_IF_ERROR(service->ReloadFromDataDir(data_dir));
  return service;
}

Status TextAnalysisService::SetModels(analysis::SentimentModelSet models) {
  // One analyzer up front: a model without a text analyzer fails here, not
  // on the first write.
  ASSIGN_OR_RETURN(std::unique_ptr<analysis::DocumentAnalyzer> first,
                   analysis::DocumentAnalyzer::Create(models));
  std::vector<std::string> languages;
  for (text::Language language : first->languages()) {
    languages.emplace_back(text::LanguageCode(language));
  }
  std::lock_guard lock(mutex_);
  models_ = std::move(models);
  languages_ = std::move(languages);
  ++generation_;
  idle_.clear();
  idle_.push_back(std::move(first));
  return Status::Ok();
}

Status TextAnalysisService::ReloadFromDataDir(const std::string& data_dir) {
  ASSIGN_OR_RETURN(
      analysis::SentimentModelSet models,
      analysis::LoadSentimentModels((std::filesystem::path(data_dir) / "models").string()));
  return SetModels(std::move(models));
}

std::vector<std::string> TextAnalysisService::languages() const {
  std::lock_guard lock(mutex_);
  return languages_;
}

StatusOr<TextAnalysisService::Lease> TextAnalysisService::TakeAnalyzer() {
  analysis::SentimentModelSet models;
  Lease lease;
  {
    std::lock_guard lock(mutex_);
    lease.generation = generation_;
    if (!idle_.empty()) {
      lease.analyzer = std::move(idle_.back());
      idle_.pop_back();
      return lease;
    }
    models = models_;
  }
  ASSIGN_OR_RETURN(lease.analyzer, analysis::DocumentAnalyzer::Create(std::move(models)));
  return lease;
}

void TextAnalysisService::ReturnAnalyzer(Lease lease) {
  std::lock_guard lock(mutex_);
  if (lease.generation == generation_ && idle_.size() < kMaxIdleAnalyzers) {
    idle_.push_back(std::move(lease.analyzer));
  }
}

StatusOr<TextAnalysis> TextAnalysisService::AnalyzeText(Id restaurant_id, std::string_view text) {
  ASSIGN_OR_RETURN(std::shared_ptr<const analysis::MenuMatcher> menu,
                   matchers_.Get(restaurant_id, [&]() -> StatusOr<analysis::MenuMatcher> {
                     ASSIGN_OR_RETURN(std::vector<MenuItem> items, store_.ListMenu(restaurant_id));
                     return analysis::MenuMatcher(items);
                   }));
  ASSIGN_OR_RETURN(Lease lease, TakeAnalyzer());
  StatusOr<TextAnalysis> result = lease.analyzer->Analyze(text, menu.get());
  ReturnAnalyzer(std::move(lease));
  return result;
}

}  // namespace sobremesa
