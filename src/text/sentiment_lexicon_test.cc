#include "text/sentiment_lexicon.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "text/text_analyzer.h"

namespace sobremesa::text {
namespace {

class SentimentLexiconTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = (std::filesystem::temp_directory_path() /
            ("sentiment_lexicon_test_" + std::to_string(::getpid())))
               .string();
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& json) {
    const std::string path = SentiConPath(dir_, Language::kSpanish);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << json;
    return path;
  }
  std::string StemOf(const std::string& word) {
    auto analyzer = TextAnalyzer::Create(Language::kSpanish);
    return analyzer.value()->Analyze(word).value().front().text;
  }
  std::string dir_;
};

TEST(SentimentLexiconBinTest, BinsBySignAndStrength) {
  EXPECT_EQ(SentimentLexicon::BinOf(0.0f), 0);
  EXPECT_EQ(SentimentLexicon::BinOf(0.1f), 0);
  EXPECT_EQ(SentimentLexicon::BinOf(0.25f), 1);
  EXPECT_EQ(SentimentLexicon::BinOf(-0.25f), -1);
  EXPECT_EQ(SentimentLexicon::BinOf(0.5f), 2);
  EXPECT_EQ(SentimentLexicon::BinOf(-0.625f), -3);
  EXPECT_EQ(SentimentLexicon::BinOf(1.0f), 3);
  EXPECT_EQ(SentimentLexicon::BinOf(std::nanf("")), 0);
}

TEST_F(SentimentLexiconTest, ReadsSentiConStemsAndAveragesInflections) {
  const std::string path = Write(R"({
    "delicioso": {"pos": "a", "pol": "0.75", "std": "0.1"},
    "deliciosa": {"pos": "a", "pol": "0.25", "std": "0.1"},
    "Horrible": {"pos": "a", "pol": "-0.875", "std": "0.0"},
    "mal humor": {"pos": "n", "pol": "-0.5", "std": "0.0"},
    "tibio": {"pos": "a", "pol": "0.1", "std": "0.0"}
  })");
  const StatusOr<SentimentLexicon> lexicon =
      SentimentLexicon::ReadSentiCon(path, Language::kSpanish);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().ToString();
  // Both forms stem alike ("delici"); their mean 0.5 is strength 2.
  EXPECT_EQ(StemOf("deliciosos"), StemOf("delicioso"));
  EXPECT_EQ(lexicon->Bin(StemOf("deliciosos")), 2);
  EXPECT_EQ(lexicon->Bin(StemOf("horribles")), -3);  // case-folded like text
  EXPECT_EQ(lexicon->Bin(StemOf("tibio")), 0);       // too weak to keep
  EXPECT_EQ(lexicon->Bin(StemOf("humor")), 0);       // only in a multi-word lemma
  EXPECT_EQ(lexicon->size(), 2u);
}

TEST_F(SentimentLexiconTest, BadFilesNameThePath) {
  const std::string missing = dir_ + "/absent.json";
  const Status absent = SentimentLexicon::ReadSentiCon(missing, Language::kSpanish).status();
  EXPECT_TRUE(absent.IsNotFound());
  EXPECT_NE(absent.message().find(missing), std::string::npos) << absent.ToString();
  for (const std::string& json :
       {std::string("not json"), std::string("[1, 2]"), std::string(R"({"bueno": {"pos": "a"}})"),
        std::string(R"({"bueno": {"pol": "muy"}})"), std::string(R"({"bueno": {"pol": "3.5"}})"),
        std::string(R"({"mal humor": {"pol": "-0.5"}})")}) {
    const std::string path = Write(json);
    const Status s = SentimentLexicon::ReadSentiCon(path, Language::kSpanish).status();
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << json << ": " << s.ToString();
    EXPECT_NE(s.message().find(path), std::string::npos) << s.ToString();
  }
}

TEST(SentimentLexiconFromBinsTest, KeepsBinsAndRejectsBadOnes) {
  const auto lexicon = SentimentLexicon::FromBins({{"ric", 2}, {"horribl", -3}});
  ASSERT_TRUE(lexicon.ok());
  EXPECT_EQ(lexicon->Bin("ric"), 2);
  EXPECT_EQ(lexicon->Bin("nad"), 0);
  EXPECT_EQ(lexicon->Bins(),
            (std::vector<std::pair<std::string, int>>{{"horribl", -3}, {"ric", 2}}));
  for (const auto& bad : std::vector<std::vector<std::pair<std::string, int>>>{
           {{"ric", 0}}, {{"ric", 4}}, {{"", 1}}, {{"ric", 1}, {"ric", 2}}}) {
    EXPECT_EQ(SentimentLexicon::FromBins(bad).status().code(), StatusCode::kInvalidArgument);
  }
}

TEST_F(SentimentLexiconTest, ChoosesTheDirectory) {
  EXPECT_EQ(ChooseLexiconDir("none", true).dir, "");
  // An absent default: no lexicon, with a warning naming it.
  const LexiconChoice absent_default = ChooseLexiconDir(dir_ + "/absent", false);
  EXPECT_EQ(absent_default.dir, "");
  EXPECT_NE(absent_default.warning.find(dir_ + "/absent"), std::string::npos);
  // Asked for explicitly: kept, so reading it fails naming the file.
  EXPECT_EQ(ChooseLexiconDir(dir_ + "/absent", true).dir, dir_ + "/absent");
  const LexiconChoice present = ChooseLexiconDir(dir_, false);
  EXPECT_EQ(present.dir, dir_);
  EXPECT_TRUE(present.warning.empty());
}

}  // namespace
}  // namespace sobremesa::text
