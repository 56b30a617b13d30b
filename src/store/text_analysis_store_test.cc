// The text analyses the SQLite store keeps beside feedback and mentions
// (migration 3), with a scripted hook standing in for the models.

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <mutex>

#include "store/sqlite_store.h"

namespace sobremesa {
namespace {

constexpr UnixSeconds kMonday = 1767571200 + 5 * 3600;  // 2026-01-05 00:00 in Lima
constexpr UnixSeconds kDay = 86400;

// Answers with the analysis scripted for a text; "bad" is refused.
class ScriptedHook : public TextAnalysisHook {
 public:
  StatusOr<TextAnalysis> AnalyzeText(Id, std::string_view text) override {
    std::lock_guard lock(mutex_);
    ++calls;
    if (text == "bad") return Status::InvalidArgument("invalid UTF-8 at byte 0");
    auto it = script.find(std::string(text));
    return it != script.end() ? it->second : TextAnalysis{.language = "es"};
  }
  void MenuChanged(Id restaurant_id) override { ++menu_changes; }

  std::map<std::string, TextAnalysis> script;
  int calls = 0, menu_changes = 0;
  std::mutex mutex_;
};

TextAnalysis Said(Sentiment verdict, std::vector<AspectSentiment> aspects,
                  std::vector<DishSentiment> dishes, std::vector<std::string> complaints) {
  TextAnalysis a;
  a.language = "es";
  a.status = AnalysisStatus::kAnalysed;
  a.verdict = verdict;
  a.score = verdict == Sentiment::kNegative ? -1 : verdict == Sentiment::kPositive ? 1 : 0;
  a.aspects = std::move(aspects);
  a.dishes = std::move(dishes);
  a.complaints = std::move(complaints);
  a.sentences.push_back({"una frase", verdict, {}, {}});
  return a;
}

class TextAnalysisStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = ::testing::TempDir() + "text_analysis_store_test_XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    store_ = std::move(OpenSqliteStore(dir_ + "/sobremesa.db")).value();
    hook_ = std::make_shared<ScriptedHook>();
    store_->SetTextAnalysisHook(hook_);
    restaurant_ = *store_->UpsertRestaurant({.external_id = "central", .name = "Central"});
    MenuItem tiradito{.restaurant_id = restaurant_, .name_es = "Tiradito", .price = 4500};
    tiradito_ = (*store_->UpsertMenuItems({&tiradito, 1}))[0];
    Guest ana{.restaurant_id = restaurant_, .name = "Ana"};
    ana_ = (*store_->UpsertGuests({&ana, 1}))[0];

    hook_->script["rico pero salado"] = Said(
        Sentiment::kMixed,
        {{Aspect::kFood, Sentiment::kMixed, 0, 2}, {Aspect::kService, Sentiment::kPositive, 1, 1}},
        {{tiradito_, "Tiradito", Sentiment::kNegative, -1, "El tiradito estaba salado."}},
        {"El tiradito estaba salado."});
    hook_->script["todo rico"] =
        Said(Sentiment::kPositive, {{Aspect::kFood, Sentiment::kPositive, 1, 1}},
             {{tiradito_, "Tiradito", Sentiment::kPositive, 1, "Rico el tiradito."}}, {});
    hook_->script["lento"] =
        Said(Sentiment::kNegative, {{Aspect::kService, Sentiment::kNegative, -1, 1}}, {},
             {"El mozo lento."});
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  Id AddFeedback(std::string text, UnixSeconds at, std::optional<Id> guest) {
    Feedback f{
        .restaurant_id = restaurant_, .guest_id = guest, .text = std::move(text), .created_at = at};
    auto ids = store_->UpsertFeedback({&f, 1});
    EXPECT_TRUE(ids.ok()) << ids.status().ToString();
    return ids.ok() ? ids->front() : 0;
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  std::shared_ptr<ScriptedHook> hook_;
  Id restaurant_ = 0, tiradito_ = 0, ana_ = 0;
};

TEST_F(TextAnalysisStoreTest, FeedbackIsStoredWithItsAnalysis) {
  const Id id = AddFeedback("rico pero salado", kMonday, ana_);
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->language, "es");
  EXPECT_EQ(a->status, AnalysisStatus::kAnalysed);
  EXPECT_EQ(a->verdict, Sentiment::kMixed);
  ASSERT_EQ(a->aspects.size(), 2u);
  EXPECT_EQ(a->aspects[0].aspect, Aspect::kFood);
  EXPECT_EQ(a->aspects[0].sentences, 2);
  ASSERT_EQ(a->dishes.size(), 1u);
  EXPECT_EQ(a->dishes[0].item_id, tiradito_);
  EXPECT_EQ(a->dishes[0].quote, "El tiradito estaba salado.");
  EXPECT_EQ(a->complaints, std::vector<std::string>{"El tiradito estaba salado."});
  ASSERT_EQ(a->sentences.size(), 1u);
  EXPECT_EQ(a->sentences[0].text, "una frase");
}

TEST_F(TextAnalysisStoreTest, UpdatingTheTextReplacesTheAnalysis) {
  const Id id = AddFeedback("rico pero salado", kMonday, ana_);
  Feedback f{.id = id,
             .restaurant_id = restaurant_,
             .guest_id = ana_,
             .text = "todo rico",
             .created_at = kMonday};
  ASSERT_TRUE(store_->UpsertFeedback({&f, 1}).ok());
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->verdict, Sentiment::kPositive);
  ASSERT_EQ(a->dishes.size(), 1u);
  EXPECT_EQ(a->dishes[0].sentiment, Sentiment::kPositive);
}

TEST_F(TextAnalysisStoreTest, ARefusedTextFailsTheWholeBatchAndStoresNothing) {
  const auto before = *store_->Counts(restaurant_);
  std::vector<Feedback> batch = {{.restaurant_id = restaurant_, .text = "todo rico"},
                                 {.restaurant_id = restaurant_, .text = "bad"}};
  auto ids = store_->UpsertFeedback(batch);
  ASSERT_FALSE(ids.ok());
  EXPECT_EQ(ids.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(ids.status().message().find("feedback 1: text"), std::string::npos)
      << ids.status().message();
  EXPECT_EQ(ids.status().record_index(), 1u);
  EXPECT_TRUE(ids.status().record_reason().starts_with("text: ")) << ids.status().message();
  EXPECT_EQ(store_->Counts(restaurant_)->feedback, before.feedback);
}

TEST_F(TextAnalysisStoreTest, MentionsAreAnalysedToo) {
  SocialMention m{
      .restaurant_id = restaurant_, .platform = "instagram", .text = "lento", .posted_at = kMonday};
  const Id id = (*store_->UpsertMentions({&m, 1}))[0];
  auto a = store_->GetTextAnalysis(restaurant_, TextSource::kMention, id);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->verdict, Sentiment::kNegative);
  EXPECT_FALSE(store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id).ok());
}

TEST_F(TextAnalysisStoreTest, WithoutAHookRecordsAreStoredWithoutAnalysis) {
  store_->SetTextAnalysisHook(nullptr);
  const Id id = AddFeedback("todo rico", kMonday, ana_);
  EXPECT_TRUE(
      store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id).status().IsNotFound());
  EXPECT_EQ(store_->ReanalyzeTexts(restaurant_).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(TextAnalysisStoreTest, ReanalysisRewritesEveryText) {
  const Id id = AddFeedback("todo rico", kMonday, ana_);
  hook_->script["todo rico"] = Said(Sentiment::kNegative, {}, {}, {"ya no"});
  auto n = store_->ReanalyzeTexts(restaurant_);
  ASSERT_TRUE(n.ok()) << n.status().ToString();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(store_->GetTextAnalysis(restaurant_, TextSource::kFeedback, id)->verdict,
            Sentiment::kNegative);
}

TEST_F(TextAnalysisStoreTest, AspectTrendGroupsByLimaDayAndWeek) {
  AddFeedback("rico pero salado", kMonday + 3600, ana_);          // Monday
  AddFeedback("todo rico", kMonday + kDay + 3600, std::nullopt);  // Tuesday
  AddFeedback("lento", kMonday + 7 * kDay, std::nullopt);         // next Monday
  auto days = store_->AspectSentimentTrend(restaurant_, kMonday, kMonday + 14 * kDay, Aspect::kFood,
                                           TrendGranularity::kDay);
  ASSERT_TRUE(days.ok()) << days.status().ToString();
  ASSERT_EQ(days->size(), 2u);
  EXPECT_EQ((*days)[0].period, "2026-01-05");
  EXPECT_EQ((*days)[0].mixed, 1);
  EXPECT_EQ((*days)[1].period, "2026-01-06");
  EXPECT_EQ((*days)[1].positive, 1);
  auto weeks = store_->AspectSentimentTrend(restaurant_, kMonday, kMonday + 14 * kDay, std::nullopt,
                                            TrendGranularity::kWeek);
  ASSERT_TRUE(weeks.ok());
  ASSERT_EQ(weeks->size(), 3u);  // week 1: food, service; week 2: service
  EXPECT_EQ((*weeks)[0].period, "2026-01-05");
  EXPECT_EQ((*weeks)[0].aspect, Aspect::kFood);
  EXPECT_EQ((*weeks)[0].texts, 2);
  EXPECT_DOUBLE_EQ((*weeks)[0].score, 0.5);
  EXPECT_EQ((*weeks)[2].period, "2026-01-12");
  EXPECT_EQ((*weeks)[2].aspect, Aspect::kService);
  EXPECT_EQ((*weeks)[2].negative, 1);
}

TEST_F(TextAnalysisStoreTest, DishesMostCriticisedQuoteTheComplaint) {
  AddFeedback("rico pero salado", kMonday, ana_);
  AddFeedback("todo rico", kMonday + kDay, std::nullopt);
  auto dishes = store_->DishesMostCriticised(restaurant_, 0, kMonday + 30 * kDay, 10);
  ASSERT_TRUE(dishes.ok()) << dishes.status().ToString();
  ASSERT_EQ(dishes->size(), 1u);
  EXPECT_EQ((*dishes)[0].item_id, tiradito_);
  EXPECT_EQ((*dishes)[0].mentions, 2);
  EXPECT_EQ((*dishes)[0].negative, 1);
  EXPECT_DOUBLE_EQ((*dishes)[0].score, 0.0);
  EXPECT_EQ((*dishes)[0].example_quote, "El tiradito estaba salado.");
}

TEST_F(TextAnalysisStoreTest, GuestsToWarnAreThoseWhoseLatestFeedbackWentBadly) {
  Guest guest{.restaurant_id = restaurant_, .name = "Ben"};
  const Id ben = (*store_->UpsertGuests({&guest, 1}))[0];
  AddFeedback("lento", kMonday, ana_);  // Ana: bad, then good
  AddFeedback("todo rico", kMonday + kDay, ana_);
  AddFeedback("todo rico", kMonday, ben);  // Ben: good, then mixed
  const Id last = AddFeedback("rico pero salado", kMonday + 2 * kDay, ben);
  auto warnings = store_->GuestsToWarn(restaurant_, 0, kMonday + 30 * kDay, 10, std::nullopt);
  ASSERT_TRUE(warnings.ok()) << warnings.status().ToString();
  ASSERT_EQ(warnings->size(), 1u);
  EXPECT_EQ((*warnings)[0].guest_id, ben);
  EXPECT_EQ((*warnings)[0].guest_name, "Ben");
  EXPECT_EQ((*warnings)[0].feedback_id, last);
  EXPECT_EQ((*warnings)[0].verdict, Sentiment::kMixed);
  EXPECT_EQ((*warnings)[0].complaints, std::vector<std::string>{"El tiradito estaba salado."});
  EXPECT_TRUE(store_->GuestsToWarn(restaurant_, 0, kMonday + 30 * kDay, 10, ana_)->empty());
}

TEST_F(TextAnalysisStoreTest, MenuWritesTellTheHook) {
  const int before = hook_->menu_changes;
  MenuItem causa{.restaurant_id = restaurant_, .name_es = "Causa", .price = 3000};
  ASSERT_TRUE(store_->UpsertMenuItems({&causa, 1}).ok());
  EXPECT_EQ(hook_->menu_changes, before + 1);
}

}  // namespace
}  // namespace sobremesa
