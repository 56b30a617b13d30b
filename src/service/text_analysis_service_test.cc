#include "service/text_analysis_service.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "analysis/tiny_sentiment_models.h"
#include "service/model_reloader.h"
#include "service/trained_model_watch.h"
#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

class TextAnalysisServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "text_analysis_service_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = std::move(OpenSqliteStore(dir_ + "/sobremesa.db")).value();
    restaurant_ = *store_->UpsertRestaurant({.external_id = "central", .name = "Central"});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  void UseModels(analysis::SentimentModelSet models) {
    auto service = TextAnalysisService::Create(*store_, std::move(models));
    ASSERT_TRUE(service.ok()) << service.status().ToString();
    store_->SetTextAnalysisHook(*service);
  }
  Id AddItem(std::string name) {
    MenuItem item{.restaurant_id = restaurant_, .name_es = std::move(name), .price = 4500};
    return (*store_->UpsertMenuItems({&item, 1}))[0];
  }
  Id AddFeedback(std::string text) {
    Feedback f{.restaurant_id = restaurant_, .text = std::move(text), .created_at = 1767225600};
    auto ids = store_->UpsertFeedback({&f, 1});
    EXPECT_TRUE(ids.ok()) << ids.status().ToString();
    return ids.ok() ? ids->front() : 0;
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  Id restaurant_ = 0;
};

TEST_F(TextAnalysisServiceTest, FeedbackWrittenThroughTheStoreIsAnalysedAndLinkedToTheMenu) {
  UseModels(analysis::testing::TinySentimentModels());
  const Id tiradito = AddItem("Tiradito nikkei");
  const Id id = AddFeedback("Una noche espectacular. El tiradito estaba salado.");
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->status, AnalysisStatus::kAnalysed);
  EXPECT_EQ(a->language, "es");
  EXPECT_EQ(a->verdict, Sentiment::kMixed);
  ASSERT_EQ(a->dishes.size(), 1u);
  EXPECT_EQ(a->dishes[0].item_id, tiradito);
  EXPECT_EQ(a->dishes[0].sentiment, Sentiment::kNegative);
}

TEST_F(TextAnalysisServiceTest, ADishAddedToTheMenuIsLinkedAtOnce) {
  UseModels(analysis::testing::TinySentimentModels());
  AddItem("Ceviche clásico");
  AddFeedback("El ceviche estaba delicioso");  // loads the menu into the cache
  const Id causa = AddItem("Causa limeña");
  const Id id = AddFeedback("La causa limeña estaba salada");
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->dishes.size(), 1u);
  EXPECT_EQ(a->dishes[0].item_id, causa);
}

TEST_F(TextAnalysisServiceTest, WithoutModelsTextsAreStoredNotAnalysedWithTheirLanguage) {
  UseModels({});
  const Id id = AddFeedback(
      "La comida estuvo buenísima y la atención de los mozos fue muy cálida, volveremos pronto "
      "con toda la familia.");
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->status, AnalysisStatus::kNoModel);
  EXPECT_EQ(a->language, "es");
}

TEST_F(TextAnalysisServiceTest, ADataDirWithoutModelsIsFineAndACorruptModelIsNamed) {
  auto none = TextAnalysisService::ForDataDir(*store_, dir_);
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_TRUE((*none)->languages().empty());
  std::filesystem::create_directories(dir_ + "/models");
  std::ofstream(dir_ + "/models/sentiment_analysis_model.es.pt") << "not a model";
  auto corrupt = TextAnalysisService::ForDataDir(*store_, dir_);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_NE(corrupt.status().message().find("sentiment_analysis_model.es.pt"), std::string::npos);
  EXPECT_NE(corrupt.status().message().find("sobremesa train sentiment"), std::string::npos);
}

TEST_F(TextAnalysisServiceTest, RetrainedModelsServeWithoutRestartAndACorruptFileIsRefused) {
  auto service = TextAnalysisService::ForDataDir(*store_, dir_);
  ASSERT_TRUE(service.ok()) << service.status().ToString();
  ModelReloader reloader;
  WatchSentimentModels(dir_, **service, reloader);
  const std::string text = "La comida estuvo buenísima y la atención de los mozos fue muy cálida.";
  auto before = (*service)->AnalyzeText(restaurant_, text);
  ASSERT_TRUE(before.ok());
  EXPECT_EQ(before->status, AnalysisStatus::kNoModel);

  // `sobremesa train sentiment` writes the files while the server runs.
  const std::string models_dir = dir_ + "/models";
  std::filesystem::create_directories(models_dir);
  for (const auto& model : analysis::testing::TinySentimentModels()) {
    ASSERT_TRUE(
        model->Save(analysis::SentimentModelPath(models_dir, model->config().language)).ok());
  }
  for (const ReloadOutcome& o : reloader.ReloadChanged()) EXPECT_TRUE(o.status.ok()) << o.model;
  EXPECT_EQ((*service)->languages(), (std::vector<std::string>{"es", "en"}));
  auto after = (*service)->AnalyzeText(restaurant_, text);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->status, AnalysisStatus::kAnalysed);

  // A file that does not load is refused; the models in service stay.
  std::ofstream(analysis::SentimentModelPath(models_dir, text::Language::kSpanish))
      << "not a model";
  const std::vector<ReloadOutcome> refused = reloader.ReloadChanged();
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_FALSE(refused[0].status.ok());
  EXPECT_EQ((*service)->languages(), (std::vector<std::string>{"es", "en"}));
  auto still = (*service)->AnalyzeText(restaurant_, text);
  ASSERT_TRUE(still.ok());
  EXPECT_EQ(still->status, AnalysisStatus::kAnalysed);
  EXPECT_EQ(still->verdict, after->verdict);
}

}  // namespace
}  // namespace sobremesa
